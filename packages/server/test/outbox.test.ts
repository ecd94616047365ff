import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { enqueue } from '../src/app/outbox.js';
import { outbox } from '../src/db/schema.js';
import { smtpSender } from '../src/messaging/email.js';
import { httpSmsSender } from '../src/messaging/sms.js';
import { dispatchOnce, type Senders } from '../src/workers/dispatcher.js';
import { openTestDatabase } from './harness.js';
import { startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from './sinks.js';
import type { Database } from '../src/db/client.js';

let database: Database;
let drop: () => Promise<void>;
let smtp: SmtpSink;
let sms: SmsSink;
let senders: Senders;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  smtp = await startSmtpSink();
  sms = await startSmsSink();
  senders = {
    email: smtpSender({ smtpUrl: smtp.url, from: 'Çözüm <cozum@test.local>', messageIdDomain: 'test.local' }),
    sms: httpSmsSender({ url: sms.url, provider: 'json', user: null, password: null, sender: 'COZUM' }),
  };
});
afterAll(async () => {
  senders.email?.close();
  await smtp.stop();
  await sms.stop();
  await database.close();
  await drop();
});

const drain = async () => {
  for (let i = 0; i < 50; i++) if ((await dispatchOnce(database.db, senders)).attempted === 0) return;
};
const statusCounts = async () =>
  Object.fromEntries((await database.db.select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status)).map((r) => [r.status, r.n]));

describe('outbox dispatcher', () => {
  it('delivers each e-mail and SMS exactly once, with Turkish text intact', async () => {
    for (let i = 0; i < 30; i++) await enqueue(database.db, { kind: 'email', payload: { to: `vatandas${i}@example.org`, subject: `Başvurunuz alındı ${i}`, text: `Takip numaranız 2025-00000${i}. Çözüm Merkezi` } });
    for (let i = 0; i < 10; i++) await enqueue(database.db, { kind: 'sms', payload: { to: `90532000000${i}`, text: `Başvurunuz çözüldü ${i}` } });
    await drain();
    expect(smtp.mails).toHaveLength(30);
    expect(new Set(smtp.mails.map((m) => m.to[0])).size).toBe(30);
    expect(smtp.mails[0]!.text).toContain('Takip numaranız 2025-00000');
    expect(smtp.mails[0]!.messageId).toMatch(/^<outbox-\d+@test\.local>$/);
    expect(sms.messages).toHaveLength(10);
    expect(new Set(sms.messages.map((m) => m.reference)).size).toBe(10);
    expect(await statusCounts()).toEqual({ sent: 40 });
    // Another pass finds nothing: sent is sent.
    expect((await dispatchOnce(database.db, senders)).attempted).toBe(0);
  });

  it('keeps e-mail while the SMTP server is down and delivers it once when it is back', async () => {
    const before = smtp.mails.length;
    const port = smtp.port;
    await smtp.stop();
    for (let i = 0; i < 5; i++) await enqueue(database.db, { kind: 'email', payload: { to: `kesinti${i}@example.org`, subject: 'Kesinti', text: `mesaj ${i}` } });
    const down = await dispatchOnce(database.db, senders);
    expect(down).toMatchObject({ attempted: 5, sent: 0, failed: 5 });
    const waiting = await database.db.select().from(outbox).where(sql`status = 'pending'`);
    expect(waiting).toHaveLength(5);
    expect(waiting.every((m) => m.lastError && m.availableAt > new Date())).toBe(true);
    // Not due yet: a pass right away sends nothing.
    expect((await dispatchOnce(database.db, senders)).attempted).toBe(0);

    const back = await startSmtpSink(port);
    // The backoff has passed.
    await database.db.execute(sql`update outbox set available_at = now() where status = 'pending'`);
    await drain();
    expect(back.mails.map((m) => m.to[0]).sort()).toEqual(['kesinti0@example.org', 'kesinti1@example.org', 'kesinti2@example.org', 'kesinti3@example.org', 'kesinti4@example.org']);
    expect(smtp.mails.length).toBe(before);
    expect(await statusCounts()).toEqual({ sent: 45 });
    await back.stop();
    await smtp.start();
  });

  it('lets two dispatchers run side by side without sending anything twice', async () => {
    const sentBefore = smtp.mails.length;
    for (let i = 0; i < 60; i++) await enqueue(database.db, { kind: 'email', payload: { to: `paralel${i}@example.org`, subject: 'Paralel', text: String(i) } });
    const worker = async () => {
      for (let i = 0; i < 30; i++) if ((await dispatchOnce(database.db, senders, 5)).attempted === 0) return;
    };
    await Promise.all([worker(), worker()]);
    const received = smtp.mails.slice(sentBefore).map((m) => m.to[0]);
    expect(received).toHaveLength(60);
    expect(new Set(received).size).toBe(60);
  });
});

describe('a batch slower than its claim', () => {
  it('neither sends a message another dispatcher took over, nor undoes its sending', async () => {
    const sentBefore = smtp.mails.length;
    for (let i = 0; i < 3; i++) await enqueue(database.db, { kind: 'email', payload: { to: `yavas${i}@example.org`, subject: 'Yavaş', text: String(i) } });
    // The first dispatcher's provider is slow: while it sends the first message, its claim on
    // the others runs out and a second dispatcher sends them; its last send then fails late.
    let calls = 0;
    const slow: Senders = {
      sms: null,
      email: {
        async send(message, outboxId) {
          calls++;
          if (calls === 1) {
            await database.db.execute(sql`update outbox set locked_until = now() - interval '1 second' where status = 'pending' and id <> ${outboxId}`);
            await dispatchOnce(database.db, senders);
            await senders.email!.send(message, outboxId);
            return;
          }
          throw new Error('provider timed out');
        },
        close() {},
      },
    };
    const first = await dispatchOnce(database.db, slow, 3);
    expect(first.attempted).toBe(3);
    const received = smtp.mails.slice(sentBefore).map((m) => m.to[0]);
    expect(received.sort()).toEqual(['yavas0@example.org', 'yavas1@example.org', 'yavas2@example.org']);
    // Only the first message went through the slow provider; the two taken over stay sent.
    expect(calls).toBe(1);
    const rows = await database.db.select({ status: outbox.status }).from(outbox).where(sql`payload->>'subject' = 'Yavaş'`);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });
});
