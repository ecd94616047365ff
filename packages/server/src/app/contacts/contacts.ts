/**
 * Contacts: every interaction with the centre, on any channel. Agents record the ones that
 * do not come through telephony (walk-in, e-mail, WhatsApp…) and close each with an outcome;
 * the caller's history pops up from their number.
 */
import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { DomainError, fieldError, maskEmail, maskName, maskPhone, normalizePhone, seesPersonalData, type ContactChannel, type ContactOutcome } from '@cozum/domain';
import type { CallerHistory, Locale } from '@cozum/contract';
import type { Executor } from '../../db/client.js';
import { categories, citizens, contacts, kbArticles, requests } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';
import { selectRequestsWithNames } from '../requests/with-names.js';

export interface RecordContactInput {
  channel: ContactChannel;
  callerNumber?: string | null;
  citizenId?: number | null;
  outcome: ContactOutcome;
  kbArticleId?: number | null;
  requestId?: number | null;
  notes?: string | null;
  startedAt?: Date;
  wrapSeconds?: number;
}

export async function recordContact(ex: Executor, actor: Actor, input: RecordContactInput, now: Date) {
  const caller = input.callerNumber?.trim() ? normalizePhone(input.callerNumber) : null;
  if (input.callerNumber?.trim() && !caller) throw fieldError('callerNumber', 'not_phone', `'${input.callerNumber}' is not a phone number`);
  if (input.outcome === 'information_given' && !input.kbArticleId && !input.notes?.trim()) {
    throw fieldError('kbArticleId', 'article_or_notes', 'name the knowledge-base article used, or write in the notes what the caller was told');
  }
  if (input.outcome === 'request_created' && !input.requestId) throw fieldError('requestId', 'required', 'is required when the outcome is request_created', { reason: 'request_created' });
  if (input.kbArticleId) {
    const [article] = await ex.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.id, input.kbArticleId));
    if (!article) throw fieldError('kbArticleId', 'not_found', `article ${input.kbArticleId} does not exist`, { id: input.kbArticleId });
    await ex.update(kbArticles).set({ useCount: sql`${kbArticles.useCount} + 1` }).where(eq(kbArticles.id, input.kbArticleId));
  }
  if (input.requestId) {
    const [request] = await ex.select({ id: requests.id }).from(requests).where(eq(requests.id, input.requestId));
    if (!request) throw fieldError('requestId', 'not_found', `request ${input.requestId} does not exist`, { id: input.requestId });
  }
  let citizenId = input.citizenId ?? null;
  if (citizenId) {
    const [c] = await ex.select({ id: citizens.id }).from(citizens).where(eq(citizens.id, citizenId));
    if (!c) throw fieldError('citizenId', 'not_found', `citizen ${citizenId} does not exist`, { id: citizenId });
  } else if (caller) {
    const [c] = await ex.select({ id: citizens.id }).from(citizens).where(eq(citizens.phone, caller)).orderBy(desc(citizens.updatedAt)).limit(1);
    citizenId = c?.id ?? null;
  }
  const started = input.startedAt ?? now;
  if (started > now) throw fieldError('startedAt', 'in_future', 'is in the future');
  const [row] = await ex
    .insert(contacts)
    .values({
      channel: input.channel,
      callerNumber: caller,
      citizenId,
      agentId: actor.id,
      agentName: actor.username,
      offeredAt: started,
      answeredAt: started,
      endedAt: now,
      waitSeconds: 0,
      talkSeconds: Math.max(0, Math.round((now.getTime() - started.getTime()) / 1000)),
      wrapSeconds: input.wrapSeconds ?? 0,
      exitReason: 'answered',
      outcome: input.outcome,
      kbArticleId: input.kbArticleId ?? null,
      requestId: input.requestId ?? null,
      notes: input.notes?.trim() || null,
    })
    .returning({ id: contacts.id });
  return { id: row!.id, citizenId };
}

export interface ContactFilter {
  from?: Date;
  to?: Date;
  agentId?: number;
  outcome?: ContactOutcome;
  channel?: ContactChannel;
  page?: number;
  pageSize?: number;
}

/** Contacts for supervisors and auditors: caller numbers masked for roles that do not contact citizens (roles.ts). */
export async function listContacts(ex: Executor, viewer: Pick<Actor, 'role'>, filter: ContactFilter) {
  const full = seesPersonalData(viewer.role);
  const where: SQL[] = [];
  if (filter.from) where.push(gte(contacts.offeredAt, filter.from));
  if (filter.to) where.push(lt(contacts.offeredAt, filter.to));
  if (filter.agentId) where.push(eq(contacts.agentId, filter.agentId));
  if (filter.outcome) where.push(eq(contacts.outcome, filter.outcome));
  if (filter.channel) where.push(eq(contacts.channel, filter.channel));
  const pageSize = Math.min(200, filter.pageSize ?? 50);
  const page = Math.max(1, filter.page ?? 1);
  const rows = await ex
    .select({ id: contacts.id, channel: contacts.channel, queue: contacts.queue, callerNumber: contacts.callerNumber, agentName: contacts.agentName, offeredAt: contacts.offeredAt, answeredAt: contacts.answeredAt, endedAt: contacts.endedAt, waitSeconds: contacts.waitSeconds, talkSeconds: contacts.talkSeconds, exitReason: contacts.exitReason, outcome: contacts.outcome, kbArticleId: contacts.kbArticleId, requestId: contacts.requestId })
    .from(contacts)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(contacts.offeredAt), desc(contacts.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return rows.map((r) => ({ ...r, callerNumber: r.callerNumber && !full ? maskPhone(r.callerNumber) : r.callerNumber, offeredAt: r.offeredAt.toISOString(), answeredAt: r.answeredAt?.toISOString() ?? null, endedAt: r.endedAt?.toISOString() ?? null }));
}

/** Screen-pop: who is calling, their earlier contacts, and their requests with where each stands. */
export async function callerHistory(ex: Executor, number: string): Promise<CallerHistory> {
  const phone = normalizePhone(number);
  if (!phone) throw new DomainError('validation_failed', `'${number}' is not a phone number`, [{ field: 'number', code: 'not_phone', message: 'is not a phone number' }]);
  const people = await ex.select({ id: citizens.id, fullName: citizens.fullName, phone: citizens.phone, email: citizens.email, locale: citizens.locale }).from(citizens).where(eq(citizens.phone, phone));
  const ids = people.map((p) => p.id);
  const earlier = await ex
    .select({ id: contacts.id, channel: contacts.channel, offeredAt: contacts.offeredAt, outcome: contacts.outcome, agentName: contacts.agentName, requestId: contacts.requestId })
    .from(contacts)
    .where(ids.length ? or(eq(contacts.callerNumber, phone), sql`${contacts.citizenId} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`) : eq(contacts.callerNumber, phone))
    .orderBy(desc(contacts.offeredAt))
    .limit(20);
  const theirRequests = ids.length
    ? await selectRequestsWithNames(ex, { id: requests.id, trackingNo: requests.trackingNo, status: requests.status, categoryName: categories.nameTr, createdAt: requests.createdAt, dueAt: requests.dueAt })
        .where(sql`${requests.citizenId} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`)
        .orderBy(desc(requests.createdAt))
        .limit(20)
    : [];
  return {
    phone,
    citizens: people.map((p) => ({ ...p, locale: p.locale as Locale })),
    contacts: earlier.map((c) => ({ ...c, offeredAt: c.offeredAt.toISOString() })),
    requests: theirRequests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), dueAt: r.dueAt?.toISOString() ?? null })),
  };
}

/**
 * The screen-pop as a viewer may see it. Roles that contact citizens see the caller's name and
 * e-mail in full, and each person shown is logged with the purpose "caller screen-pop" (KVKK);
 * the others (field staff) see them masked, which needs no log entry.
 */
export async function callerScreenPop(ex: Executor, viewer: Actor, number: string, ip?: string): Promise<CallerHistory> {
  const history = await callerHistory(ex, number);
  if (!seesPersonalData(viewer.role)) {
    return { ...history, citizens: history.citizens.map((c) => ({ ...c, fullName: c.fullName && maskName(c.fullName), phone: c.phone && maskPhone(c.phone), email: c.email && maskEmail(c.email) })) };
  }
  for (const c of history.citizens) await recordAudit(ex, { actor: viewer, action: 'personal_data.view', subjectType: 'citizen', subjectId: c.id, purpose: 'caller screen-pop', ip });
  return history;
}
