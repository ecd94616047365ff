/**
 * The development outbox (DEV_OUTBOX): the SMS and e-mail the development sender marked sent
 * without sending (workers/dispatcher.ts), newest first, for an administrator to read.
 */
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { outbox, requests } from '../db/schema.js';
import type { EmailMessage, SmsMessage } from './outbox.js';

export async function listDevOutbox(ex: Executor, limit: number) {
  const rows = await ex
    .select({ id: outbox.id, kind: outbox.kind, payload: outbox.payload, trackingNo: requests.trackingNo, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
    .from(outbox)
    .leftJoin(requests, eq(requests.id, outbox.requestId))
    .where(eq(outbox.devOutbox, true))
    .orderBy(desc(outbox.id))
    .limit(limit);
  return rows.map((r) => {
    const payload = r.payload as Partial<SmsMessage & EmailMessage>;
    return {
      id: r.id,
      kind: r.kind === 'email' ? ('email' as const) : ('sms' as const),
      to: payload.to ?? '',
      subject: r.kind === 'email' ? (payload.subject ?? '') : null,
      text: payload.text ?? '',
      trackingNo: r.trackingNo,
      createdAt: r.createdAt.toISOString(),
      sentAt: (r.sentAt ?? r.createdAt).toISOString(),
    };
  });
}
