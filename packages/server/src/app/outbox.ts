/**
 * The outbox: a use case that must tell someone writes an outbox row in its own transaction,
 * so the message exists exactly when the change does. The dispatcher (workers/dispatcher.ts)
 * sends it later.
 */
import type { Executor } from '../db/client.js';
import { outbox } from '../db/schema.js';

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

/** Queues several messages with one statement; returns their ids in the order given. */
export async function enqueueMany(ex: Executor, messages: QueuedMessage[]): Promise<number[]> {
  if (!messages.length) return [];
  const now = new Date();
  const rows = await ex
    .insert(outbox)
    .values(messages.map((m) => ({ kind: m.kind, payload: m.payload, requestId: m.requestId ?? null, availableAt: m.availableAt ?? now })))
    .returning({ id: outbox.id });
  // Ids come from one sequence in insert order.
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function enqueue(ex: Executor, message: QueuedMessage): Promise<number> {
  const [id] = await enqueueMany(ex, [message]);
  return id!;
}
