/**
 * Two kinds of templates admins edit: response templates unit staff pick when replying
 * (per category, Turkish and English, with placeholders) and the messages the citizen gets.
 */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { checkTemplate, invalid, notFound, renderTemplate } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { categories, messageTemplates, responseTemplates } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';
import { MESSAGE_KEYS, MESSAGE_PLACEHOLDERS, defaultTemplate, type MessageKey } from './notifications.js';

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

export async function createResponseTemplate(ex: Executor, actor: Actor, input: ResponseTemplateInput) {
  checkResponseTemplate(input);
  if (input.categoryId) {
    const [category] = await ex.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
    if (!category) throw invalid('categoryId', `category ${input.categoryId} does not exist`);
  }
  const [row] = await ex.insert(responseTemplates).values({ ...input, categoryId: input.categoryId ?? null, bodyEn: input.bodyEn ?? null }).returning(responseColumns);
  await recordAudit(ex, { actor, action: 'response_template.create', subjectType: 'response_template', subjectId: row!.id });
  return row!;
}

export async function updateResponseTemplate(ex: Executor, actor: Actor, id: number, input: Partial<ResponseTemplateInput> & { active?: boolean }) {
  checkResponseTemplate(input);
  const [row] = await ex.update(responseTemplates).set({ ...input, updatedAt: new Date() }).where(eq(responseTemplates.id, id)).returning(responseColumns);
  if (!row) throw notFound('response template', id);
  await recordAudit(ex, { actor, action: 'response_template.update', subjectType: 'response_template', subjectId: id });
  return row;
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
      (['sms', 'email'] as const).map((channel) => {
        const own = find(key, locale, channel);
        const fallback = defaultTemplate(key, locale);
        return { key, locale, channel, subject: own?.subject ?? (channel === 'email' ? fallback.subject : null), body: own?.body ?? fallback.body, edited: Boolean(own), placeholders: [...MESSAGE_PLACEHOLDERS] };
      }),
    ),
  );
}

export async function saveMessageTemplate(ex: Executor, actor: Actor, input: { key: MessageKey; locale: 'tr' | 'en'; channel: 'sms' | 'email'; subject?: string | null; body: string }) {
  checkTemplate(input.body, MESSAGE_PLACEHOLDERS, 'body');
  if (input.subject) checkTemplate(input.subject, MESSAGE_PLACEHOLDERS, 'subject');
  if (input.channel === 'sms' && input.body.length > 612) throw invalid('body', 'is longer than 4 SMS parts (612 characters); shorten it');
  await ex
    .insert(messageTemplates)
    .values({ ...input, subject: input.subject ?? null })
    .onConflictDoUpdate({ target: [messageTemplates.key, messageTemplates.locale, messageTemplates.channel], set: { subject: input.subject ?? null, body: input.body, updatedAt: new Date() } });
  await recordAudit(ex, { actor, action: 'message_template.update', subjectType: 'message_template', subjectId: `${input.key}/${input.locale}/${input.channel}` });
}
