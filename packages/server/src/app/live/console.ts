/**
 * The agent console's calls: the call an agent has in hand (answered by them, not yet closed
 * with an outcome), whether telephony put it there (CTI webhook) or the agent typed the
 * caller's number; and closing it with its outcome, the article used or the request created.
 */
import { and, desc, eq, gte, isNotNull, isNull, sql } from 'drizzle-orm';
import { DomainError, fieldError, normalizePhone, notFound, type ContactChannel, type ContactOutcome } from '@cozum/domain';
import type { ConsoleCall, ConsolePop } from '@cozum/contract';
import type { Executor } from '../../db/client.js';
import { contacts, kbArticles, requests } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { recordAgentChanges } from '../contacts/agent-states.js';
import { callerScreenPop } from '../contacts/contacts.js';

/** A call the agent forgot to close does not haunt the next shift. */
const OPEN_CALL_HOURS = 12;

export async function currentCall(ex: Executor, agentId: number, now: Date): Promise<ConsoleCall | null> {
  const since = new Date(now.getTime() - OPEN_CALL_HOURS * 3600_000);
  const [row] = await ex
    .select({ id: contacts.id, channel: contacts.channel, externalId: contacts.externalId, callerNumber: contacts.callerNumber, queue: contacts.queue, offeredAt: contacts.offeredAt, answeredAt: contacts.answeredAt, endedAt: contacts.endedAt })
    .from(contacts)
    .where(and(eq(contacts.agentId, agentId), isNull(contacts.outcome), isNotNull(contacts.answeredAt), gte(contacts.answeredAt, since)))
    .orderBy(desc(contacts.answeredAt), desc(contacts.id))
    .limit(1);
  if (!row) return null;
  return {
    contactId: row.id,
    channel: row.channel,
    source: row.externalId ? 'telephony' : 'manual',
    callerNumber: row.callerNumber,
    queue: row.queue,
    offeredAt: row.offeredAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

/**
 * The screen-pop: the call and the caller's history without this call. Showing a person's
 * record is logged (KVKK), as the caller look-up route does.
 */
export async function consolePop(ex: Executor, actor: Actor, now: Date, ip?: string): Promise<ConsolePop> {
  const call = await currentCall(ex, actor.id, now);
  if (!call?.callerNumber || !normalizePhone(call.callerNumber)) return { call, history: null };
  const history = await callerScreenPop(ex, actor, call.callerNumber, ip);
  return { call, history: { ...history, contacts: history.contacts.filter((c) => c.id !== call.contactId) } };
}

export interface StartCallInput {
  callerNumber: string;
  channel?: ContactChannel;
}

/** A call taken by hand (no PBX link, a walk-in, a call on another line): it becomes the agent's current call. */
export async function startManualCall(ex: Executor, actor: Actor, input: StartCallInput, now: Date): Promise<ConsoleCall> {
  const caller = normalizePhone(input.callerNumber);
  if (!caller) throw fieldError('callerNumber', 'not_phone', `'${input.callerNumber}' is not a phone number; type it with its area code, e.g. 0532 123 45 67`);
  const open = await currentCall(ex, actor.id, now);
  if (open) throw new DomainError('console.conflict', `contact ${open.contactId} with ${open.callerNumber ?? 'an unknown number'} is still open: close it with an outcome first`, undefined, { contactId: open.contactId });
  const [row] = await ex
    .insert(contacts)
    .values({ channel: input.channel ?? 'phone', callerNumber: caller, agentId: actor.id, agentName: actor.username, offeredAt: now, answeredAt: now, waitSeconds: 0, exitReason: 'answered' })
    .returning({ id: contacts.id });
  // The agent is on this call until they close it (a call by hand has no PBX call id).
  await recordAgentChanges(ex, 'console', [{ agent: actor.username, change: { at: now, kind: 'call_start', callId: null } }]);
  return { contactId: row!.id, channel: input.channel ?? 'phone', source: 'manual', callerNumber: caller, queue: null, offeredAt: now.toISOString(), answeredAt: now.toISOString(), endedAt: null };
}

export interface CloseContactInput {
  outcome: ContactOutcome;
  kbArticleId?: number | null;
  requestId?: number | null;
  notes?: string | null;
  /** Seconds spent on after-call work; counted in AHT. */
  wrapSeconds?: number;
}

/** Closes the agent's contact with its outcome in one step (the article's use count goes up with it). */
export async function closeContact(ex: Executor, actor: Actor, contactId: number, input: CloseContactInput, now: Date) {
  const [contact] = await ex.select().from(contacts).where(eq(contacts.id, contactId)).for('update');
  if (!contact) throw notFound('contact', contactId);
  if (contact.agentId !== actor.id && actor.role !== 'supervisor' && actor.role !== 'admin') {
    throw new DomainError('forbidden', `contact ${contactId} is another agent's call`, undefined, { reason: 'other_agent', contactId });
  }
  if (contact.outcome) throw new DomainError('contact.conflict', `contact ${contactId} was already closed as ${contact.outcome}`, undefined, { contactId, outcome: contact.outcome });
  if (!contact.answeredAt) throw new DomainError('contact.not_answered', `contact ${contactId} was never answered, so it has no outcome to record`, undefined, { contactId });
  if (input.outcome === 'information_given' && !input.kbArticleId && !input.notes?.trim()) {
    throw fieldError('kbArticleId', 'article_or_notes', 'name the knowledge-base article used, or write in the notes what the caller was told');
  }
  if (input.outcome === 'request_created' && !input.requestId) throw fieldError('requestId', 'required', 'is required when the outcome is request_created', { reason: 'request_created' });
  if (input.kbArticleId) {
    const [article] = await ex.update(kbArticles).set({ useCount: sql`${kbArticles.useCount} + 1` }).where(eq(kbArticles.id, input.kbArticleId)).returning({ id: kbArticles.id });
    if (!article) throw fieldError('kbArticleId', 'not_found', `article ${input.kbArticleId} does not exist`, { id: input.kbArticleId });
  }
  if (input.requestId) {
    const [request] = await ex.select({ id: requests.id, citizenId: requests.citizenId }).from(requests).where(eq(requests.id, input.requestId));
    if (!request) throw fieldError('requestId', 'not_found', `request ${input.requestId} does not exist`, { id: input.requestId });
    if (!contact.citizenId && request.citizenId) contact.citizenId = request.citizenId;
  }
  // A call the PBX still holds keeps its telephony times: the PBX's hang-up ends it. A call
  // entered by hand ends when the agent closes it.
  const manualOpen = !contact.externalId && !contact.endedAt;
  await ex
    .update(contacts)
    .set({
      outcome: input.outcome,
      kbArticleId: input.kbArticleId ?? null,
      requestId: input.requestId ?? null,
      notes: input.notes?.trim() || null,
      citizenId: contact.citizenId,
      wrapSeconds: input.wrapSeconds ?? contact.wrapSeconds,
      ...(manualOpen ? { endedAt: now, talkSeconds: Math.max(0, Math.round((now.getTime() - contact.answeredAt.getTime()) / 1000)) } : {}),
    })
    .where(eq(contacts.id, contactId));
  // Closing ends the after-call work (or the call by hand); a call the PBX still holds goes on,
  // and its hang-up then makes the agent available.
  if (contact.agentName && (manualOpen || contact.endedAt)) {
    const at = contact.endedAt && contact.endedAt > now ? contact.endedAt : now;
    await recordAgentChanges(ex, 'console', [{ agent: contact.agentName, change: { at, kind: 'contact_closed', callId: contact.externalId } }]);
  }
  return { id: contactId, outcome: input.outcome };
}
