/**
 * Outbox: the mail server goes down for 60 s while 500 notifications are being sent. Every
 * one arrives once the server is back, and none arrives twice (the Message-ID carries the
 * outbox id, so a second copy would show).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { enqueueMany } from '../../src/app/outbox.js';
import { smtpSender } from '../../src/messaging/email.js';
import { dispatchOnce, startLoop } from '../../src/workers/dispatcher.js';
import { openTestDatabase } from '../harness.js';
import { startSmtpSink } from '../sinks.js';
import { useCleanups } from './cleanups.js';
import { report } from './figures.js';

const TOTAL = 500;
const OUTAGE_MS = 60_000;
const cleanups = useCleanups();


describe('outbox', () => {
  it('delivers all 500 notifications once after a 60-second mail outage, none twice', { timeout: 300_000 }, async () => {
    const { database, drop } = await openTestDatabase();
    cleanups.push(async () => {
      await database.close();
      await drop();
    });
    const sink = await startSmtpSink();
    cleanups.push(() => sink.stop());
    const email = smtpSender({ smtpUrl: sink.url, from: 'Çözüm <cozum@localhost>', messageIdDomain: 'reliability.test' });
    cleanups.push(async () => email.close());
    const loop = startLoop(async () => (await dispatchOnce(database.db, { email, sms: null })).attempted, 500, () => undefined);
    cleanups.push(() => loop.stop());

    const queue = (from: number, count: number) =>
      database.db.transaction((tx) =>
        enqueueMany(tx, Array.from({ length: count }, (_, k) => ({ kind: 'email' as const, payload: { to: `vatandas${from + k}@example.org`, subject: `Başvurunuz ${from + k}`, text: `Bildirim ${from + k}` } }))),
      );
    const sent = async () => ((await database.db.execute(sql`select count(*)::int as n from outbox where status = 'sent'`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;

    // 100 go out normally; then the mail server dies and the other 400 are queued during the outage.
    await queue(0, 100);
    while ((await sent()) < 100) await sleep(100);
    await sink.stop();
    const outageStarted = Date.now();
    for (let i = 100; i < TOTAL; i += 50) {
      await queue(i, 50);
      await sleep(1000);
    }
    const [{ failedAttempts }] = ((await database.db.execute(sql`select count(*)::int as "failedAttempts" from outbox where last_error is not null`)) as unknown as { rows: { failedAttempts: number }[] }).rows as [{ failedAttempts: number }];
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)));
    await sink.start();

    const deadline = Date.now() + 180_000;
    while ((await sent()) < TOTAL && Date.now() < deadline) await sleep(500);
    // A moment more, so a late duplicate would have time to arrive.
    await sleep(2000);
    const ids = sink.mails.map((m) => m.messageId);
    const unique = new Set(ids);
    const duplicated = ids.length - unique.size;
    const delivered = unique.size;
    const [{ failed }] = ((await database.db.execute(sql`select count(*)::int as failed from outbox where status <> 'sent'`)) as unknown as { rows: { failed: number }[] }).rows as [{ failed: number }];
    report(
      { scenario: 'outbox, SMTP down 60 s', measure: 'messages queued', value: TOTAL, ok: true },
      { scenario: 'outbox, SMTP down 60 s', measure: 'refused while the mail server was down', value: failedAttempts, expected: '> 0', ok: failedAttempts > 0 },
      { scenario: 'outbox, SMTP down 60 s', measure: 'delivered', value: delivered, expected: String(TOTAL), ok: delivered === TOTAL },
      { scenario: 'outbox, SMTP down 60 s', measure: 'duplicated', value: duplicated, expected: '0', ok: duplicated === 0 },
      { scenario: 'outbox, SMTP down 60 s', measure: 'not sent in the end', value: failed, expected: '0', ok: failed === 0 },
    );
    expect(failedAttempts).toBeGreaterThan(0);
    expect(delivered).toBe(TOTAL);
    expect(duplicated).toBe(0);
    expect(failed).toBe(0);
  });
});
