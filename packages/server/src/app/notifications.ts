/**
 * What the citizen is told, in their language, by SMS and e-mail. The defaults below are
 * used until an admin saves an edited version in message_templates.
 */
import { eq, inArray } from 'drizzle-orm';
import { channelsToTell, DEFAULT_NOTIFICATIONS, renderTemplate, type MessageChannel, type MessageKey, type NotificationEvent, type NotificationSettings } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { citizens, messageTemplates, requestTypes } from '../db/schema.js';
import type { CitizenContact } from './citizens.js';
import { enqueueMany, type QueuedMessage } from './outbox.js';

export const MESSAGE_PLACEHOLDERS = ['trackingNo', 'category', 'status', 'unit', 'text', 'dueDate', 'institution', 'link'] as const;

export type Locale = 'tr' | 'en';
export interface Template { subject: string; body: string }

const DEFAULTS: Record<MessageKey, Record<Locale, Template>> = {
  'request.created': {
    tr: { subject: 'Başvurunuz alındı: {trackingNo}', body: 'Başvurunuz alındı. Takip numaranız: {trackingNo} ({category}). Durumunu bu numarayla ALO 153\'ten sorabilirsiniz. Çözüm Merkezi' },
    en: { subject: 'We received your request: {trackingNo}', body: 'We received your request. Your tracking number is {trackingNo} ({category}). Quote it when you call 153 about this request. Solution Centre' },
  },
  'request.status_changed': {
    tr: { subject: 'Başvurunuz {trackingNo}: {status}', body: '{trackingNo} numaralı başvurunuzun durumu: {status}. {text}' },
    en: { subject: 'Your request {trackingNo}: {status}', body: 'Your request {trackingNo} is now: {status}. {text}' },
  },
  'request.resolved': {
    tr: { subject: 'Başvurunuz çözüldü: {trackingNo}', body: '{trackingNo} numaralı başvurunuz çözüldü. {unit}: {text}' },
    en: { subject: 'Your request is resolved: {trackingNo}', body: 'Your request {trackingNo} is resolved. {unit}: {text}' },
  },
  'request.referred': {
    tr: { subject: 'Başvurunuz yönlendirildi: {trackingNo}', body: '{trackingNo} numaralı başvurunuz belediyemizin görev alanı dışında olduğundan {institution} kurumuna iletildi (3071 sayılı Kanun md. 5). {text}' },
    en: { subject: 'Your request was referred: {trackingNo}', body: 'Your request {trackingNo} is outside the municipality\'s remit and was sent to {institution} (Law 3071 art. 5). {text}' },
  },
  'request.rejected': {
    tr: { subject: 'Başvurunuz hakkında: {trackingNo}', body: '{trackingNo} numaralı başvurunuz işleme alınamadı: {text}' },
    en: { subject: 'About your request {trackingNo}', body: 'Your request {trackingNo} could not be taken forward: {text}' },
  },
  'request.reply': {
    tr: { subject: 'Başvurunuza yanıt: {trackingNo}', body: '{trackingNo} numaralı başvurunuza {unit} yanıtı: {text}' },
    en: { subject: 'A reply to your request {trackingNo}', body: 'Reply from {unit} on your request {trackingNo}: {text}' },
  },
  'request.extended': {
    tr: { subject: 'Bilgi edinme süresi uzatıldı: {trackingNo}', body: '{trackingNo} numaralı bilgi edinme başvurunuzun cevap süresi 4982 sayılı Kanun md. 11 uyarınca {dueDate} tarihine uzatıldı. Gerekçe: {text}' },
    en: { subject: 'Information request extended: {trackingNo}', body: 'The answer period of your information request {trackingNo} was extended to {dueDate} under Law 4982 art. 11. Reason: {text}' },
  },
  'survey.satisfaction': {
    tr: { subject: 'Başvurunuzun çözümünden memnun kaldınız mı? ({trackingNo})', body: '{trackingNo} numaralı başvurunuzun çözümünü değerlendirir misiniz? Birkaç soruluk anket: {link} Çözüm Merkezi' },
    en: { subject: 'Were you satisfied with the solution? ({trackingNo})', body: 'Would you rate how your request {trackingNo} was solved? A survey of a few questions: {link} Solution Centre' },
  },
};

export const defaultTemplate = (key: MessageKey, locale: Locale): Template => DEFAULTS[key][locale];

export type Channel = MessageChannel;
const templateKey = (key: string, locale: string, channel: string) => `${key}|${locale}|${channel}`;

/** The templates admins edited, by key, locale and channel; the defaults stand for the rest. */
export type EditedTemplates = ReadonlyMap<string, Template>;

/** The edited templates of these keys, or of every key. */
export async function editedTemplates(ex: Executor, keys?: MessageKey[]): Promise<EditedTemplates> {
  const rows = await ex
    .select({ key: messageTemplates.key, locale: messageTemplates.locale, channel: messageTemplates.channel, subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(keys ? inArray(messageTemplates.key, [...new Set(keys)]) : undefined);
  return new Map(rows.map((r) => [templateKey(r.key, r.locale, r.channel), { subject: r.subject ?? DEFAULTS[r.key as MessageKey][r.locale as Locale].subject, body: r.body }]));
}

/** What a request type chose to tell its citizens of (request_types.notify_sms and notify_email). */
export async function notificationSettingsOf(ex: Executor, requestType: string): Promise<NotificationSettings> {
  const [row] = await ex.select({ sms: requestTypes.notifySms, email: requestTypes.notifyEmail }).from(requestTypes).where(eq(requestTypes.code, requestType));
  return row ?? DEFAULT_NOTIFICATIONS;
}

/** The channels an event of a request of this type is told on. */
export const channelsFor = async (ex: Executor, requestType: string, event: NotificationEvent): Promise<Channel[]> => channelsToTell(event, await notificationSettingsOf(ex, requestType));

export interface Notice {
  citizenId: number | null;
  requestId: number;
  key: MessageKey;
  /**
   * The channels to tell on: for a request's event, what its type chose (`channelsToTell` in
   * packages/domain notifications.ts); every channel for messages outside that choice (surveys).
   */
  channels: readonly Channel[];
  /** The channel lets a value differ per message, e.g. a survey link signed for SMS or for e-mail. */
  values: (locale: Locale, channel: Channel) => Record<string, string | null | undefined>;
}

/**
 * The messages that tell each notice's citizen, on each of the notice's channels we have an
 * address for (SMS and e-mail), in their language. Anonymous requests and anonymised citizens
 * tell no one.
 */
export function composeMessages(notices: Notice[], contacts: ReadonlyMap<number, CitizenContact>, edited: EditedTemplates): QueuedMessage[] {
  const pick = (key: MessageKey, locale: Locale, channel: Channel) => edited.get(templateKey(key, locale, channel)) ?? DEFAULTS[key][locale];
  const messages: QueuedMessage[] = [];
  for (const notice of notices) {
    const citizen = notice.citizenId ? contacts.get(notice.citizenId) : undefined;
    if (!citizen || citizen.anonymisedAt) continue;
    const locale: Locale = citizen.locale === 'en' ? 'en' : 'tr';
    if (citizen.phone && notice.channels.includes('sms')) messages.push({ kind: 'sms', payload: { to: citizen.phone, text: renderTemplate(pick(notice.key, locale, 'sms').body, notice.values(locale, 'sms')).trim() }, requestId: notice.requestId });
    if (citizen.email && notice.channels.includes('email')) {
      const t = pick(notice.key, locale, 'email');
      const values = notice.values(locale, 'email');
      messages.push({ kind: 'email', payload: { to: citizen.email, subject: renderTemplate(t.subject, values), text: renderTemplate(t.body, values).trim() }, requestId: notice.requestId });
    }
  }
  return messages;
}

/**
 * Queues the messages of `composeMessages` in the caller's transaction. Callers that already
 * hold the citizens' contact details pass them in `known`.
 */
export async function notifyCitizens(ex: Executor, notices: Notice[], known: ReadonlyMap<number, CitizenContact> = new Map()): Promise<number> {
  const wanted = notices.filter((n) => n.citizenId && n.channels.length);
  if (!wanted.length) return 0;
  const contacts = new Map(known);
  const missing = [...new Set(wanted.map((n) => n.citizenId!).filter((id) => !contacts.has(id)))];
  if (missing.length) {
    const rows = await ex.select({ id: citizens.id, phone: citizens.phone, email: citizens.email, locale: citizens.locale, anonymisedAt: citizens.anonymisedAt }).from(citizens).where(inArray(citizens.id, missing));
    for (const row of rows) contacts.set(row.id, row);
  }
  const messages = composeMessages(wanted, contacts, await editedTemplates(ex, wanted.map((n) => n.key)));
  await enqueueMany(ex, messages);
  return messages.length;
}

export const notifyCitizen = (ex: Executor, notice: Notice): Promise<number> => notifyCitizens(ex, [notice]);
