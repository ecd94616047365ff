/**
 * What the citizen is told, in their language, by SMS and e-mail. The defaults below are
 * used until an admin saves an edited version in message_templates.
 */
import { and, eq } from 'drizzle-orm';
import { renderTemplate } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { citizens, messageTemplates } from '../db/schema.js';
import { enqueue } from './outbox.js';

export const MESSAGE_KEYS = ['request.created', 'request.status_changed', 'request.resolved', 'request.referred', 'request.rejected', 'request.reply', 'request.extended'] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
export const MESSAGE_PLACEHOLDERS = ['trackingNo', 'category', 'status', 'unit', 'text', 'dueDate', 'institution'] as const;

export type Locale = 'tr' | 'en';
interface Template { subject: string; body: string }

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
};

export const defaultTemplate = (key: MessageKey, locale: Locale): Template => DEFAULTS[key][locale];

async function template(ex: Executor, key: MessageKey, locale: Locale, channel: 'sms' | 'email'): Promise<Template> {
  const [edited] = await ex
    .select({ subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.key, key), eq(messageTemplates.locale, locale), eq(messageTemplates.channel, channel)));
  return edited ? { subject: edited.subject ?? DEFAULTS[key][locale].subject, body: edited.body } : DEFAULTS[key][locale];
}

/**
 * Queues the message to the citizen on every channel we have for them (SMS and e-mail), in
 * the caller's transaction. Anonymous requests tell no one.
 */
export async function notifyCitizen(
  ex: Executor,
  options: { citizenId: number | null; requestId: number; key: MessageKey; values: (locale: Locale) => Record<string, string | null | undefined> },
): Promise<number> {
  if (!options.citizenId) return 0;
  const [citizen] = await ex.select({ phone: citizens.phone, email: citizens.email, locale: citizens.locale, anonymisedAt: citizens.anonymisedAt }).from(citizens).where(eq(citizens.id, options.citizenId));
  if (!citizen || citizen.anonymisedAt) return 0;
  const locale: Locale = citizen.locale === 'en' ? 'en' : 'tr';
  const values = options.values(locale);
  let queued = 0;
  if (citizen.phone) {
    const t = await template(ex, options.key, locale, 'sms');
    await enqueue(ex, { kind: 'sms', payload: { to: citizen.phone, text: renderTemplate(t.body, values).trim() }, requestId: options.requestId });
    queued++;
  }
  if (citizen.email) {
    const t = await template(ex, options.key, locale, 'email');
    await enqueue(ex, { kind: 'email', payload: { to: citizen.email, subject: renderTemplate(t.subject, values), text: renderTemplate(t.body, values).trim() }, requestId: options.requestId });
    queued++;
  }
  return queued;
}
