/**
 * The outbox: a use case that must tell someone writes an outbox row in its own transaction,
 * so the message exists exactly when the change does. The dispatcher (workers/dispatcher.ts)
 * sends it later.
 */
import { sql, type SQL } from 'drizzle-orm';
import { jsonRows } from '../db/bulk.js';
import type { Executor } from '../db/client.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SmsMessage {
  to: string;
  text: string;
}

export type OutboxMessage =
  | { kind: 'email'; payload: EmailMessage }
  | { kind: 'sms'; payload: SmsMessage };

export type QueuedMessage = OutboxMessage & { requestId?: number | null; availableAt?: Date };

/**
 * The INSERT of these messages, to run alone or inside a larger statement (as a CTE), so a use
 * case can write its change and its messages in one statement. Ids follow the order given.
 */
export function insertMessages(messages: QueuedMessage[], now: Date): SQL {
  const rows = messages.map((m) => ({ kind: m.kind, payload: m.payload, request_id: m.requestId, available_at: m.availableAt ?? now }));
  return sql`insert into outbox (kind, payload, request_id, available_at)
    select kind, payload, request_id, available_at from ${jsonRows(rows, 'kind text, payload jsonb, request_id bigint, available_at timestamptz', 'm')}
    order by m.n`;
}

/** Queues several messages with one statement; returns their ids in the order given. */
export async function enqueueMany(ex: Executor, messages: QueuedMessage[]): Promise<number[]> {
  if (!messages.length) return [];
  const result = (await ex.execute(sql`${insertMessages(messages, new Date())} returning id`)) as unknown as { rows: { id: number | string }[] };
  // Ids come from one sequence in insert order.
  return result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export async function enqueue(ex: Executor, message: QueuedMessage): Promise<number> {
  const [id] = await enqueueMany(ex, [message]);
  return id!;
}
