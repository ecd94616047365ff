/**
 * Several server processes on one PostgreSQL, as behind a load balancer: 10,000 outbox
 * messages are dispatched exactly once, and the deadline sweepers escalate each overdue
 * request exactly once, with two and with three processes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { adminQuery, databaseUrl, uniqueName } from '../engines.js';
import { startSmsSink, startSmtpSink } from '../sinks.js';
import { useCleanups } from './cleanups.js';
import { report } from './figures.js';
import { pool, signIn, startServer } from './processes.js';

const MESSAGES = 10_000;
const OVERDUE = 150;
const cleanups = useCleanups();

async function run(processes: number) {
  const name = uniqueName('cozum_multi');
  await adminQuery(`create database ${name}`);
  cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
  const url = databaseUrl(name);
  const env = { DATABASE_URL: url, SESSION_SECRET: 'm'.repeat(40) };
  const client = new pg.Client({ connectionString: url });
  const q = async <T>(text: string): Promise<T[]> => (await client.query(text)).rows as T[];
  const one = async <T>(text: string): Promise<T> => (await q<T>(text))[0]!;

  // One process sets the database up and takes the requests that will be overdue.
  const first = await startServer({ ...env, WORKERS: 'false' });
  cleanups.push(() => first.stop());
  await client.connect();
  cleanups.push(() => client.end());
  const agent = await signIn(first, 'agent', 'agent-cozum-153');
  const categories = (await (await fetch(`${first.url}/api/v1/categories`, { headers: agent })).json()) as { items: { id: number; code: string }[] };
  const categoryId = categories.items.find((c) => c.code === 'su-arizasi')!.id;
  await pool(OVERDUE, 10, async (i) => {
    const res = await fetch(`${first.url}/api/v1/requests`, { method: 'POST', headers: agent, body: JSON.stringify({ categoryId, channel: 'phone', description: `Gecikecek ${i}`, citizen: { phone: `0532${String(1_000_000 + i).slice(-7)}` } }) });
    expect(res.status).toBe(201);
  });
  await first.stop();
  await q(`update users set email = username || '@example.org' where role in ('supervisor', 'unit_head')`);
  await q(`update requests set due_at = now() - interval '1 hour' where description like 'Gecikecek %'`);
  await q(`insert into outbox (kind, payload) select 'email', jsonb_build_object('to', 'kisi' || g || '@example.org', 'subject', 'Bildirim ' || g, 'text', 'Metin ' || g) from generate_series(1, ${MESSAGES}) g`);
  const { n: queued } = await one<{ n: number }>(`select count(*)::int as n from outbox`);

  const smtp = await startSmtpSink();
  cleanups.push(() => smtp.stop());
  const sms = await startSmsSink();
  cleanups.push(() => sms.stop());
  const started = Date.now();
  const servers = await Promise.all(Array.from({ length: processes }, () => startServer({ ...env, WORKERS: 'true', SMTP_URL: smtp.url, SMS_URL: sms.url })));
  for (const s of servers) cleanups.push(() => s.stop());

  const deadline = Date.now() + 240_000;
  let pending = Infinity;
  while (Date.now() < deadline) {
    ({ n: pending } = await one<{ n: number }>(`select count(*)::int as n from outbox where status <> 'sent'`));
    const { n: swept } = await one<{ n: number }>(`select count(*)::int as n from requests where description like 'Gecikecek %' and overdue_at is not null`);
    if (pending === 0 && swept === OVERDUE) break;
    await sleep(500);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  await sleep(2000);
  await Promise.all(servers.map((s) => s.stop()));

  const { n: total } = await one<{ n: number }>(`select count(*)::int as n from outbox`);
  const mailIds = smtp.mails.map((m) => m.messageId);
  const smsRefs = sms.messages.map((m) => m.reference);
  const delivered = new Set(mailIds).size + new Set(smsRefs).size;
  const duplicated = mailIds.length - new Set(mailIds).size + (smsRefs.length - new Set(smsRefs).size);
  const { events, requestsOverdue, doubleEvents } = await one<{ events: number; requestsOverdue: number; doubleEvents: number }>(`
    select count(*)::int as events, count(distinct request_id)::int as "requestsOverdue",
      (select count(*)::int from (select request_id from request_events where type = 'overdue' group by request_id having count(*) > 1) d) as "doubleEvents"
    from request_events where type = 'overdue'`);
  const { escalations, doubleEscalations } = await one<{ escalations: number; doubleEscalations: number }>(`
    select count(*)::int as escalations,
      (select count(*)::int from (select request_id, payload->>'to' from outbox where payload->>'subject' like 'Süresi geçti%' group by 1, 2 having count(*) > 1) d) as "doubleEscalations"
    from outbox where payload->>'subject' like 'Süresi geçti%'`);
  const { recipients } = await one<{ recipients: number }>(`select count(*)::int as recipients from users where email is not null and role in ('supervisor', 'unit_head') and active`);
  const scenario = `${processes} processes, one PostgreSQL`;
  report(
    { scenario, measure: 'outbox messages queued (10,000 + notifications)', value: total, ok: total >= queued },
    { scenario, measure: `delivered (in ${seconds} s)`, value: delivered, expected: String(total), ok: delivered === total },
    { scenario, measure: 'duplicated', value: duplicated, expected: '0', ok: duplicated === 0 },
    { scenario, measure: 'overdue requests escalated', value: requestsOverdue, expected: String(OVERDUE), ok: requestsOverdue === OVERDUE },
    { scenario, measure: 'escalations twice (events or e-mails)', value: doubleEvents + doubleEscalations, expected: '0', ok: doubleEvents + doubleEscalations === 0 },
  );
  expect(pending).toBe(0);
  expect(delivered).toBe(total);
  expect(duplicated).toBe(0);
  expect(events).toBe(OVERDUE);
  expect(doubleEscalations).toBe(0);
  expect(escalations).toBe(OVERDUE * recipients);
}

describe('several processes on one database', () => {
  it('dispatch and escalate exactly once with two processes', { timeout: 400_000 }, () => run(2));
  it('dispatch and escalate exactly once with three processes', { timeout: 400_000 }, () => run(3));
});
