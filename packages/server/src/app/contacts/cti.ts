/**
 * CTI events from any PBX: a call arrives, is answered, ends or is transferred. They feed the
 * same contact records as the queue_log importer, keyed on the PBX's call id, so a repeated
 * event changes nothing and an event for a call we never saw is refused, not invented.
 */
import { and, eq, sql } from 'drizzle-orm';
import { DomainError, fieldError, normalizePhone, type AgentStateName } from '@cozum/domain';
import type { CtiCallEvent } from '@cozum/contract';
import type { Executor } from '../../db/client.js';
import { contacts } from '../../db/schema.js';
import { recordAgentChanges, resolveAgents } from './agent-states.js';

/** `agent.state`: the PBX reports an agent's state (login, pause with its reason, …). */
export interface CtiAgentEvent {
  event: 'agent.state';
  agent: string;
  state: AgentStateName;
  reason?: string | null;
  at: Date;
  queue?: string | null;
}

export async function applyCtiAgentEvent(ex: Executor, e: CtiAgentEvent): Promise<{ agent: string; changed: boolean }> {
  if (e.state === 'paused' && !e.reason?.trim()) throw fieldError('reason', 'required', "is required when the state is 'paused'", { reason: 'paused' });
  const [identity] = (await resolveAgents(ex, [e.agent])).values();
  const result = await recordAgentChanges(ex, 'cti', [{ agent: e.agent, change: { at: e.at, kind: 'set', state: e.state, reason: e.reason?.trim() || null, queue: e.queue ?? null } }]);
  if (result.outOfOrder) {
    const [row] = await ex.execute<{ since: Date | string }>(sql`select since from agent_states where agent = ${identity!.agent}`).then((r) => (r as unknown as { rows: { since: Date | string }[] }).rows);
    const since = row ? new Date(row.since).toISOString() : 'later';
    throw new DomainError(
      'agent.out_of_order',
      `agent.state at ${e.at.toISOString()} is older than '${identity!.agent}''s current state (since ${since}); nothing was recorded; send the PBX's events in time order`,
      [{ field: 'at', code: 'out_of_order', message: 'older than the current state' }],
      { agent: identity!.agent, at: e.at.toISOString(), since },
    );
  }
  return { agent: identity!.agent, changed: result.moved > 0 };
}

export interface CtiEvent {
  event: CtiCallEvent;
  callId: string;
  at: Date;
  queue?: string | null;
  callerNumber?: string | null;
  /** The agent's username in Çözüm, or the PBX's agent name. */
  agent?: string | null;
  /** For call.ended without an answer: abandoned (default) or timeout. */
  reason?: 'abandoned' | 'timeout' | null;
}

const seconds = (a: Date, b: Date) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000));

export async function applyCtiEvent(ex: Executor, e: CtiEvent): Promise<{ contactId: number; changed: boolean }> {
  const [current] = await ex.select().from(contacts).where(and(eq(contacts.channel, 'phone'), eq(contacts.externalId, e.callId))).for('update');
  if (e.event === 'call.new') {
    if (current) return { contactId: current.id, changed: false };
    const caller = e.callerNumber ? (normalizePhone(e.callerNumber) ?? e.callerNumber.slice(0, 30)) : null;
    const [row] = await ex.insert(contacts).values({ channel: 'phone', externalId: e.callId, queue: e.queue ?? null, callerNumber: caller, offeredAt: e.at }).onConflictDoNothing().returning({ id: contacts.id });
    if (row) return { contactId: row.id, changed: true };
    const [again] = await ex.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.channel, 'phone'), eq(contacts.externalId, e.callId)));
    return { contactId: again!.id, changed: false };
  }
  if (!current) throw new DomainError('call.not_found', `no call '${e.callId}' has arrived; send call.new first`, [{ field: 'callId', code: 'not_found', params: { id: e.callId }, message: 'unknown call' }], { callId: e.callId });
  if (e.at < current.offeredAt) {
    throw new DomainError(
      'call.out_of_order',
      `${e.event} at ${e.at.toISOString()} is earlier than the call's arrival at ${current.offeredAt.toISOString()}`,
      [{ field: 'at', code: 'out_of_order', message: 'before the call arrived' }],
      { event: e.event, at: e.at.toISOString(), offeredAt: current.offeredAt.toISOString() },
    );
  }
  if (current.endedAt && e.event !== 'call.ended') throw new DomainError('call.conflict', `call '${e.callId}' already ended at ${current.endedAt.toISOString()}`, undefined, { callId: e.callId, endedAt: current.endedAt.toISOString() });

  const changes: Partial<typeof contacts.$inferInsert> = {};
  switch (e.event) {
    case 'call.answered': {
      if (current.answeredAt) return { contactId: current.id, changed: false };
      // The same names as the agent states: the username when the PBX's name is a user's.
      const identity = e.agent ? (await resolveAgents(ex, [e.agent])).get(e.agent)! : null;
      Object.assign(changes, { answeredAt: e.at, waitSeconds: seconds(current.offeredAt, e.at), agentId: identity?.userId ?? null, agentName: identity?.agent ?? null });
      break;
    }
    case 'call.ended': {
      if (current.endedAt) return { contactId: current.id, changed: false };
      if (current.answeredAt) Object.assign(changes, { endedAt: e.at, talkSeconds: seconds(current.answeredAt, e.at), exitReason: current.exitReason ?? 'answered' });
      else Object.assign(changes, { endedAt: e.at, waitSeconds: seconds(current.offeredAt, e.at), exitReason: e.reason ?? 'abandoned' });
      break;
    }
    case 'call.transferred':
      Object.assign(changes, { endedAt: e.at, exitReason: 'transferred', ...(current.answeredAt ? { talkSeconds: seconds(current.answeredAt, e.at) } : { waitSeconds: seconds(current.offeredAt, e.at) }) });
      break;
  }
  await ex.update(contacts).set(changes).where(eq(contacts.id, current.id));
  // The agent's state follows the call: on a call when answered; when it ends, in after-call
  // work until the agent closes the contact in the console (available at once if already closed).
  const agent = e.event === 'call.answered' ? e.agent : current.agentName;
  if (agent && (e.event === 'call.answered' || current.answeredAt)) {
    const change = e.event === 'call.answered' ? { kind: 'call_start' as const } : { kind: 'call_end' as const, afterCallWork: current.outcome === null };
    await recordAgentChanges(ex, 'cti', [{ agent, change: { at: e.at, callId: e.callId, queue: current.queue, ...change } }]);
  }
  return { contactId: current.id, changed: true };
}
