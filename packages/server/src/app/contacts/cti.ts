/**
 * CTI events from any PBX: a call arrives, is answered, ends or is transferred. They feed the
 * same contact records as the queue_log importer, keyed on the PBX's call id, so a repeated
 * event changes nothing and an event for a call we never saw is refused, not invented.
 */
import { and, eq, sql } from 'drizzle-orm';
import { DomainError, normalizePhone } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { contacts, users } from '../../db/schema.js';

export const CTI_EVENTS = ['call.new', 'call.answered', 'call.ended', 'call.transferred'] as const;

export interface CtiEvent {
  event: (typeof CTI_EVENTS)[number];
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
  if (!current) throw new DomainError('call.not_found', `no call '${e.callId}' has arrived; send call.new first`, [{ field: 'callId', message: 'unknown call' }]);
  if (e.at < current.offeredAt) throw new DomainError('call.out_of_order', `${e.event} at ${e.at.toISOString()} is earlier than the call's arrival at ${current.offeredAt.toISOString()}`, [{ field: 'at', message: 'before the call arrived' }]);
  if (current.endedAt && e.event !== 'call.ended') throw new DomainError('call.conflict', `call '${e.callId}' already ended at ${current.endedAt.toISOString()}`);

  const changes: Partial<typeof contacts.$inferInsert> = {};
  switch (e.event) {
    case 'call.answered': {
      if (current.answeredAt) return { contactId: current.id, changed: false };
      let agentId: number | null = null;
      if (e.agent) [{ id: agentId } = { id: null }] = await ex.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${e.agent})`);
      Object.assign(changes, { answeredAt: e.at, waitSeconds: seconds(current.offeredAt, e.at), agentId, agentName: e.agent ?? null });
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
  return { contactId: current.id, changed: true };
}
