/**
 * The outbox: a use case that must tell someone writes an outbox row in its own transaction,
 * so the message exists exactly when the change does. The dispatcher (workers/dispatcher.ts)
 * sends it later.
 */
import { sql, type SQL } from 'drizzle-orm';
import { column } from '../db/bulk.js';
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
  return sql`insert into outbox (kind, payload, request_id, available_at)
    select m.kind, m.payload, m.request_id, m.available_at
    from unnest(${column(messages.map((m) => m.kind), 'text')}, ${column(messages.map((m) => JSON.stringify(m.payload)), 'jsonb')},
                ${column(messages.map((m) => m.requestId ?? null), 'bigint')}, ${column(messages.map((m) => (m.availableAt ?? now).toISOString()), 'timestamptz')})
         with ordinality as m(kind, payload, request_id, available_at, n)
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
