/**
 * The outbox dispatcher. Claims due messages with FOR UPDATE SKIP LOCKED (so any number of
 * processes can run it side by side), sends each, and marks it sent; a failure is retried
 * with exponential backoff and recorded. A claim expires after CLAIM_SECONDS, so a message
 * claimed by a process that died is picked up again.
 *
 * Messages about one request to one recipient on one channel go out in the order they were
 * queued, which is the order of the request's events: the request's row is locked by every
 * change that queues one (act-on-request, followers, intake), so their ids follow the commits.
 * A later message is not claimed while an earlier one is pending, even between its retries;
 * once the earlier one is sent or has failed for good, the later one goes.
 *
 * A claim is known by the attempt count it set: whoever claims a message next counts one more.
 * Each message of a batch is claimed again just before it is sent, and marked sent or failed
 * only while that count still stands, so a batch slower than its claim can neither send a
 * message another process has taken since, nor turn a message another process sent back into
 * a pending one.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { EmailMessage, SmsMessage } from '../app/outbox.js';
import type { EmailSender } from '../messaging/email.js';
import type { SmsSender } from '../messaging/sms.js';

export const CLAIM_SECONDS = 120;
export const MAX_ATTEMPTS = 15;

/** 10 s, 20 s, 40 s … capped at one hour, so a long outage costs few attempts. */
export const backoffSeconds = (attempts: number): number => Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));

export interface Senders {
  email: EmailSender | null;
  sms: SmsSender | null;
}

interface Claimed {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

async function claim(ex: Executor, batch: number, kinds: string[]): Promise<Claimed[]> {
  if (!kinds.length) return [];
  const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
  const result = await ex.execute(sql`
    update outbox set locked_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
    where id in (
      select m.id from outbox m
      where m.status = 'pending' and m.available_at <= now() and (m.locked_until is null or m.locked_until < now()) and m.kind in (${kindList})
        -- In order: one person's messages about one request go out one after another, so a
        -- later one waits while an earlier one is pending (claimed, or failed and waiting to retry).
        and not exists (
          select 1 from outbox earlier
          where earlier.request_id = m.request_id and earlier.kind = m.kind and earlier.payload->>'to' = m.payload->>'to'
            and earlier.status = 'pending' and earlier.id < m.id
        )
      order by m.id
      limit ${batch}
      for update skip locked
    )
    returning id, kind, payload, attempts`);
  return (result as unknown as { rows: Claimed[] }).rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) }));
}

/** Renews this process's claim on one message for a full CLAIM_SECONDS; false when it is no longer ours. */
async function stillOurs(ex: Executor, message: Claimed): Promise<boolean> {
  const result = await ex.execute(sql`
    update outbox set locked_until = now() + make_interval(secs => ${CLAIM_SECONDS})
    where id = ${message.id} and status = 'pending' and attempts = ${message.attempts}
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length === 1;
}

/** `development`: the development sender took it (DEV_OUTBOX), so it is kept in the development outbox. */
async function markSent(ex: Executor, message: Claimed, development: boolean): Promise<void> {
  await ex.execute(sql`update outbox set status = 'sent', sent_at = now(), locked_until = null, last_error = null, dev_outbox = ${development} where id = ${message.id} and status = 'pending' and attempts = ${message.attempts}`);
}

async function markFailed(ex: Executor, message: Claimed, error: unknown): Promise<void> {
  const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const final = message.attempts >= MAX_ATTEMPTS;
  await ex.execute(sql`
    update outbox set
      status = ${final ? 'failed' : 'pending'},
      last_error = ${text},
      locked_until = null,
      available_at = now() + make_interval(secs => ${backoffSeconds(message.attempts)})
    where id = ${message.id} and status = 'pending' and attempts = ${message.attempts}`);
}

/** Kinds this process can send: without SMTP (and not in development mode), e-mail waits for a process that has it. */
const sendableKinds = (senders: Senders): string[] => [...(senders.email ? ['email'] : []), ...(senders.sms ? ['sms'] : [])];

/** One pass: claims up to `batch` messages and sends them. Returns how many were attempted. */
export async function dispatchOnce(ex: Executor, senders: Senders, batch = 50): Promise<{ attempted: number; sent: number; failed: number }> {
  const claimed = await claim(ex, batch, sendableKinds(senders));
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    if (!(await stillOurs(ex, message))) continue;
    try {
      let development = false;
      if (message.kind === 'email') {
        await senders.email!.send(message.payload as EmailMessage, message.id);
        development = senders.email!.development === true;
      } else if (message.kind === 'sms') {
        await senders.sms!.send(message.payload as SmsMessage, message.id);
        development = senders.sms!.development === true;
      } else throw new Error(`no sender for outbox kind '${message.kind}'`);
      await markSent(ex, message, development);
      sent++;
    } catch (error) {
      await markFailed(ex, message, error);
      failed++;
    }
  }
  return { attempted: claimed.length, sent, failed };
}

export interface Loop {
  stop(): Promise<void>;
  /** Run a pass now instead of waiting for the next tick (after enqueueing, in tests). */
  kick(): void;
}

/** Runs `pass` every `intervalMs`, immediately again while it finds work, until stopped. */
export function startLoop(pass: () => Promise<number>, intervalMs: number, onError: (error: unknown) => void): Loop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    timer = undefined;
    running = (async () => {
      let worked = 0;
      try {
        worked = await pass();
      } catch (error) {
        onError(error);
      }
      if (!stopped) timer = setTimeout(tick, worked > 0 ? 0 : intervalMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    kick() {
      if (timer && !stopped) {
        clearTimeout(timer);
        timer = setTimeout(tick, 0);
      }
    },
  };
}
