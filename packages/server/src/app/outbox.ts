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

export async function enqueue(ex: Executor, message: OutboxMessage & { requestId?: number | null; availableAt?: Date }): Promise<number> {
  const [row] = await ex
    .insert(outbox)
    .values({ kind: message.kind, payload: message.payload, requestId: message.requestId ?? null, availableAt: message.availableAt ?? new Date() })
    .returning({ id: outbox.id });
  return row!.id;
}
