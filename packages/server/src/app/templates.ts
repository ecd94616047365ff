/**
 * Two kinds of templates admins edit: response templates unit staff pick when replying
 * (per category, Turkish and English, with placeholders) and the messages the citizen gets.
 * Only administrators change them (roles.ts, templates.manage), every change is audited with
 * the text before and after, and a message can be previewed with sample values before saving.
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { checkTemplate, fieldError, MESSAGE_CHANNELS, MESSAGE_KEYS, notFound, renderTemplate, type MessageChannel, type MessageKey } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { categories, messageTemplates, responseTemplates } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';
import { MESSAGE_PLACEHOLDERS, defaultTemplate } from './notifications.js';

/** What a reply template may mention about the request it answers. */
export const RESPONSE_PLACEHOLDERS = ['trackingNo', 'citizenName', 'category', 'unit', 'district', 'neighbourhood', 'date'] as const;

export interface ResponseTemplateInput {
  categoryId?: number | null;
  name: string;
  bodyTr: string;
  bodyEn?: string | null;
}

const responseColumns = { id: responseTemplates.id, categoryId: responseTemplates.categoryId, name: responseTemplates.name, bodyTr: responseTemplates.bodyTr, bodyEn: responseTemplates.bodyEn, active: responseTemplates.active };

/** Templates for a category include those for its parent and the general ones. */
export async function listResponseTemplates(ex: Executor, categoryId?: number) {
  if (!categoryId) return ex.select(responseColumns).from(responseTemplates).where(eq(responseTemplates.active, true)).orderBy(asc(responseTemplates.name));
  const [category] = await ex.select({ parentId: categories.parentId }).from(categories).where(eq(categories.id, categoryId));
  const scope = [eq(responseTemplates.categoryId, categoryId), isNull(responseTemplates.categoryId)];
  if (category?.parentId) scope.push(eq(responseTemplates.categoryId, category.parentId));
  return ex.select(responseColumns).from(responseTemplates).where(and(eq(responseTemplates.active, true), or(...scope))).orderBy(asc(responseTemplates.name));
}

function checkResponseTemplate(input: Partial<ResponseTemplateInput>): void {
  if (input.bodyTr !== undefined) checkTemplate(input.bodyTr, RESPONSE_PLACEHOLDERS, 'bodyTr');
  if (input.bodyEn) checkTemplate(input.bodyEn, RESPONSE_PLACEHOLDERS, 'bodyEn');
}

/** What the audit log keeps of a reply template, before and after a change. */
const responseText = (row: { categoryId: number | null; name: string; bodyTr: string; bodyEn: string | null; active: boolean }) => ({ categoryId: row.categoryId, name: row.name, bodyTr: row.bodyTr, bodyEn: row.bodyEn, active: row.active });

export async function createResponseTemplate(ex: Executor, actor: Actor, input: ResponseTemplateInput) {
  checkResponseTemplate(input);
  if (input.categoryId) {
    const [category] = await ex.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
    if (!category) throw fieldError('categoryId', 'not_found', `category ${input.categoryId} does not exist`, { id: input.categoryId });
  }
  const [row] = await ex.insert(responseTemplates).values({ ...input, categoryId: input.categoryId ?? null, bodyEn: input.bodyEn ?? null }).returning(responseColumns);
  await recordAudit(ex, { actor, action: 'response_template.create', subjectType: 'response_template', subjectId: row!.id, data: { before: null, after: responseText(row!) } });
  return row!;
}

export async function updateResponseTemplate(ex: Executor, actor: Actor, id: number, input: Partial<ResponseTemplateInput> & { active?: boolean }) {
  checkResponseTemplate(input);
  const [before] = await ex.select(responseColumns).from(responseTemplates).where(eq(responseTemplates.id, id)).for('update');
  if (!before) throw notFound('response template', id);
  const [row] = await ex.update(responseTemplates).set({ ...input, updatedAt: new Date() }).where(eq(responseTemplates.id, id)).returning(responseColumns);
  await recordAudit(ex, { actor, action: 'response_template.update', subjectType: 'response_template', subjectId: id, data: { before: responseText(before), after: responseText(row!) } });
  return row!;
}

export function fillResponseTemplate(body: string, values: Partial<Record<(typeof RESPONSE_PLACEHOLDERS)[number], string | null>>): string {
  return renderTemplate(body, values);
}

/** Every citizen message, in both languages and both channels: the edited text or the default. */
export async function listMessageTemplates(ex: Executor) {
  const edited = await ex.select().from(messageTemplates);
  const find = (key: string, locale: string, channel: string) => edited.find((e) => e.key === key && e.locale === locale && e.channel === channel);
  return MESSAGE_KEYS.flatMap((key) =>
    (['tr', 'en'] as const).flatMap((locale) =>
      MESSAGE_CHANNELS.map((channel) => {
        const own = find(key, locale, channel);
        const fallback = defaultTemplate(key, locale);
        return { key, locale, channel, subject: own?.subject ?? (channel === 'email' ? fallback.subject : null), body: own?.body ?? fallback.body, edited: Boolean(own), placeholders: [...MESSAGE_PLACEHOLDERS] };
      }),
    ),
  );
}

export interface MessageTemplateInput {
  key: MessageKey;
  locale: 'tr' | 'en';
  channel: MessageChannel;
  subject?: string | null;
  body: string;
}

function checkMessageTemplate(input: MessageTemplateInput): void {
  checkTemplate(input.body, MESSAGE_PLACEHOLDERS, 'body');
  if (input.subject) checkTemplate(input.subject, MESSAGE_PLACEHOLDERS, 'subject');
  if (input.channel === 'sms' && input.body.length > 612) throw fieldError('body', 'max_length', 'is longer than 4 SMS parts (612 characters); shorten it', { limit: 612 });
}

/** Values a preview fills in, so the administrator reads the message as a citizen would. */
const SAMPLE_VALUES: Record<'tr' | 'en', Record<(typeof MESSAGE_PLACEHOLDERS)[number], string>> = {
  tr: { trackingNo: '2026-0001234', category: 'Su arızası', status: 'çalışılıyor', unit: 'Su Arıza Şube Müdürlüğü', text: 'Ekibimiz arızayı giderdi.', dueDate: '30.06.2026', institution: 'Karayolları Genel Müdürlüğü', link: 'https://153.example.gov.tr/anket/ORNEK' },
  en: { trackingNo: '2026-0001234', category: 'Water failure', status: 'in progress', unit: 'Water Repairs Department', text: 'Our team repaired the fault.', dueDate: '30/06/2026', institution: 'General Directorate of Highways', link: 'https://153.example.gov.tr/anket/ORNEK' },
};

/** A message as the citizen would get it, filled with sample values; checked as a save would be, saving nothing. */
export function previewMessageTemplate(input: MessageTemplateInput): { subject: string | null; body: string; characters: number } {
  checkMessageTemplate(input);
  const values = SAMPLE_VALUES[input.locale];
  const subject = input.channel === 'email' ? renderTemplate(input.subject ?? defaultTemplate(input.key, input.locale).subject, values) : null;
  const body = renderTemplate(input.body, values);
  return { subject, body, characters: body.length };
}

export async function saveMessageTemplate(ex: Executor, actor: Actor, input: MessageTemplateInput) {
  checkMessageTemplate(input);
  // The audit log keeps the text before and after: what citizens were sent can be traced to who wrote it.
  const [own] = await ex
    .select({ subject: messageTemplates.subject, body: messageTemplates.body })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.key, input.key), eq(messageTemplates.locale, input.locale), eq(messageTemplates.channel, input.channel)))
    .for('update');
  const fallback = defaultTemplate(input.key, input.locale);
  const before = { subject: input.channel === 'email' ? (own?.subject ?? fallback.subject) : null, body: own?.body ?? fallback.body, edited: Boolean(own) };
  const after = { subject: input.channel === 'email' ? (input.subject ?? fallback.subject) : null, body: input.body };
  await ex
    .insert(messageTemplates)
    .values({ ...input, subject: input.subject ?? null })
    .onConflictDoUpdate({ target: [messageTemplates.key, messageTemplates.locale, messageTemplates.channel], set: { subject: input.subject ?? null, body: input.body, updatedAt: new Date() } });
  await recordAudit(ex, { actor, action: 'message_template.update', subjectType: 'message_template', subjectId: `${input.key}/${input.locale}/${input.channel}`, data: { before, after } });
}
