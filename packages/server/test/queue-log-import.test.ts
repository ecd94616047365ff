import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { importQueueLog } from '../src/app/contacts/import-queue-log.js';
import type { Database } from '../src/db/client.js';
import { useTestDatabase, withTestApp } from './harness.js';

// Real rows Asterisk wrote on a Wazo system (fixtures/queue_log/SOURCES.md).
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SAMPLE = path.join(FIXTURES, 'queue_log', 'wazo-doc_queue_log_samples.pipe.txt');

let database: Database;
useTestDatabase((opened) => (database = opened));

const count = async (where: string) => Number(((await database.db.execute(sql.raw(`select count(*)::int as n from contacts where ${where}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

describe('queue_log import', () => {
  it('records the real sample: answered and abandoned match the raw file, and a second import adds nothing', async () => {
    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
    // Counted independently from the raw rows: calls that reached an agent (CONNECT, or a
    // COMPLETE* whose CONNECT lies before the sample's first line), calls with ABANDON.
    const answeredInFile = new Set(lines.filter((l) => ['CONNECT', 'COMPLETEAGENT', 'COMPLETECALLER'].includes(l.split('|')[4]!)).map((l) => l.split('|')[1])).size;
    const abandonedInFile = new Set(lines.filter((l) => l.split('|')[4] === 'ABANDON').map((l) => l.split('|')[1])).size;
    const first = await importQueueLog(database.db, lines);
    expect(first.malformed).toEqual([]);
    expect(await count("answered_at is not null")).toBe(answeredInFile);
    expect(await count("exit_reason = 'abandoned'")).toBe(abandonedInFile);
    const before = await count('true');
    const second = await importQueueLog(database.db, lines);
    expect(second.newCalls).toBe(0);
    expect(await count('true')).toBe(before);
  });

  it('reports malformed lines with their numbers and imports the rest', async () => {
    const report = await importQueueLog(database.db, ['1500000000|x1|q9|NONE|ENTERQUEUE||905321112233|1', 'this is not a queue_log line', '1500000010|x1|q9|SIP/7|CONNECT|10|u|3', 'abc|x1|q9|SIP/7|COMPLETECALLER|10|50|1', '1500000060|x1|q9|SIP/7|COMPLETECALLER|10|50|1']);
    expect(report.malformed.map((m) => m.line)).toEqual([2, 4]);
    const row = ((await database.db.execute(sql`select wait_seconds, talk_seconds, caller_number, exit_reason from contacts where external_id = 'x1'`)) as unknown as { rows: unknown[] }).rows[0];
    expect(row).toEqual({ wait_seconds: 10, talk_seconds: 50, caller_number: '905321112233', exit_reason: 'answered' });
  });

  it('computes KPIs per period in SQL exactly as the domain definition does', async () => {
    const { contactKpis } = await import('../src/app/contacts/kpis.js');
    const { computeKpis } = await import('@cozum/domain');
    // A day of calls with a spread of waits, talks and endings, at 10:00 Türkiye time.
    const lines: string[] = [];
    const facts = [];
    for (let i = 0; i < 60; i++) {
      const start = Date.parse('2025-03-10T07:00:00Z') / 1000 + i * 60;
      const wait = (i * 7) % 45;
      const id = `k${i}`;
      lines.push(`${start}|${id}|kq|NONE|ENTERQUEUE||90532000${String(i).padStart(4, '0')}|1`);
      if (i % 5 === 0) {
        lines.push(`${start + wait}|${id}|kq|NONE|ABANDON|1|1|${wait}`);
        facts.push({ entered: true, answered: false, abandoned: true, waitSeconds: wait, talkSeconds: null });
      } else if (i % 11 === 0) {
        lines.push(`${start + 300}|${id}|kq|NONE|EXITWITHTIMEOUT|1|1|300`);
        facts.push({ entered: true, answered: false, abandoned: false, waitSeconds: 300, talkSeconds: null });
      } else {
        const talk = 60 + i * 3;
        lines.push(`${start + wait}|${id}|kq|SIP/${i % 4}|CONNECT|${wait}|u|2`, `${start + wait + talk}|${id}|kq|SIP/${i % 4}|COMPLETECALLER|${wait}|${talk}|1`);
        facts.push({ entered: true, answered: true, abandoned: false, waitSeconds: wait, talkSeconds: talk });
      }
    }
    await importQueueLog(database.db, lines);
    const [row] = await contactKpis(database.db, { from: new Date('2025-03-10T00:00:00+03:00'), to: new Date('2025-03-11T00:00:00+03:00'), by: 'day', timeZone: 'Europe/Istanbul', queue: 'kq', thresholdSeconds: 20, shortAbandonSeconds: 5 });
    const expected = computeKpis(facts, { thresholdSeconds: 20, shortAbandonSeconds: 5 });
    expect(row).toMatchObject({ period: '2025-03-10T00:00', offered: expected.offered, answered: expected.answered, abandoned: expected.abandoned, shortAbandoned: expected.shortAbandoned, longestWaitSeconds: expected.longestWaitSeconds });
    expect(row!.answerRate).toBeCloseTo(expected.answerRate!, 12);
    expect(row!.serviceLevel).toBeCloseTo(expected.serviceLevel!, 12);
    expect(row!.serviceLevelOfAnswered).toBeCloseTo(expected.serviceLevelOfAnswered!, 12);
    expect(row!.asaSeconds).toBeCloseTo(expected.asaSeconds!, 9);
    expect(row!.ahtSeconds).toBeCloseTo(expected.ahtSeconds!, 9);
    const hours = await contactKpis(database.db, { from: new Date('2025-03-10T00:00:00+03:00'), to: new Date('2025-03-11T00:00:00+03:00'), by: '30min', timeZone: 'Europe/Istanbul', queue: 'kq' });
    expect(hours.map((h) => h.period)).toEqual(['2025-03-10T10:00', '2025-03-10T10:30']);
    expect(hours.reduce((n, h) => n + h.offered, 0)).toBe(60);
  });

  it('serves the KPIs over the API to supervisors, not to agents', async () => {
    await withTestApp({}, async (t) => {
      await importQueueLog(t.database.db, fs.readFileSync(SAMPLE, 'utf8').split('\n'));
      const supervisor = await t.signIn('supervisor');
      const res = await t.app.inject({ url: '/api/v1/kpis?from=2012-07-01&to=2012-07-31&by=day', headers: supervisor });
      expect(res.statusCode).toBe(200);
      expect(res.json().rows).toEqual([expect.objectContaining({ period: '2012-07-04T00:00', offered: 3, answered: 2, abandoned: 1 })]);
      expect((await t.app.inject({ url: '/api/v1/kpis?from=2012-07-01&to=2012-07-31', headers: await t.signIn('agent') })).statusCode).toBe(403);
      const backwards = await t.app.inject({ url: '/api/v1/kpis?from=2012-07-31&to=2012-07-01', headers: supervisor });
      expect(backwards.statusCode).toBe(400);
    });
  });
});

describe('queue_log --follow', () => {
  it('imports appended lines and carries on across rotation, without doubling anything', async () => {
    const os = await import('node:os');
    const { followQueueLog } = await import('../src/app/contacts/follow-queue-log.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-follow-'));
    const file = path.join(dir, 'queue_log');
    const call = (id: string, t: number) => [`${t}|${id}|fq|NONE|ENTERQUEUE||905320000000|1`, `${t + 5}|${id}|fq|SIP/1|CONNECT|5|u|2`, `${t + 65}|${id}|fq|SIP/1|COMPLETECALLER|5|60|1`];
    fs.writeFileSync(file, call('f1', 1600000000).join('\n') + '\n');
    const stop = new AbortController();
    const following = followQueueLog(database.db, file, { signal: stop.signal, pollMs: 50 });
    const answered = () => count("queue = 'fq' and exit_reason = 'answered' and talk_seconds = 60");
    await expect.poll(answered, { timeout: 10_000 }).toBe(1);
    // A call whose events arrive in two writes, the second half after a rotation.
    const split = call('f2', 1600000100);
    fs.appendFileSync(file, split.slice(0, 2).join('\n') + '\n');
    await expect.poll(() => count("external_id = 'f2' and answered_at is not null"), { timeout: 10_000 }).toBe(1);
    fs.renameSync(file, `${file}.1`);
    fs.writeFileSync(file, [split[2], ...call('f3', 1600000200)].join('\n') + '\n');
    await expect.poll(answered, { timeout: 10_000 }).toBe(3);
    // Several polls later, the signal holds at most the one listener of the poll under way.
    const { EventEmitter } = await import('node:events');
    expect(EventEmitter.getEventListeners(stop.signal, 'abort').length).toBeLessThanOrEqual(1);
    stop.abort();
    await following;
    expect(await count("queue = 'fq'")).toBe(3);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the bank call-centre log', () => {
  it('imports through the documented mapping: answered and abandoned as counted from the raw files', async () => {
    const { importBankCalls } = await import('../src/app/contacts/import-bank-calls.js');
    const { contactKpis } = await import('../src/app/contacts/kpis.js');
    const dir = path.join(FIXTURES, 'call-centre');
    const files = ['anonymous_bank_calls_1999-08_part1_first2000.csv', 'anonymous_bank_calls_1999-08_part2_first1000.csv'].map((f) => path.join(dir, f));
    // Independently: split the raw CSV and count.
    let agent = 0;
    let hangQueued = 0;
    let waitOfAnswered = 0;
    for (const file of files) {
      for (const row of fs.readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
        const f = row.split(',');
        if (f[12] === 'AGENT') {
          agent++;
          waitOfAnswered += Number(f[11]);
        } else if (f[12] === 'HANG' && Number(f[11]) > 0) hangQueued++;
      }
    }
    for (const file of files) await database.db.transaction((tx) => importBankCalls(tx, fs.readFileSync(file, 'utf8').split('\n'), 'Europe/Istanbul'));
    const [month] = await contactKpis(database.db, { from: new Date('2010-08-01T00:00:00+03:00'), to: new Date('2010-09-02T00:00:00+03:00'), by: 'month', timeZone: 'Europe/Istanbul', thresholdSeconds: 20 });
    expect(month).toMatchObject({ period: '2010-08-01T00:00', offered: agent + hangQueued, answered: agent, abandoned: hangQueued });
    expect(month!.asaSeconds).toBeCloseTo(waitOfAnswered / agent, 9);
    // Importing again adds nothing.
    await database.db.transaction((tx) => importBankCalls(tx, fs.readFileSync(files[0]!, 'utf8').split('\n'), 'Europe/Istanbul'));
    const [again] = await contactKpis(database.db, { from: new Date('2010-08-01T00:00:00+03:00'), to: new Date('2010-09-02T00:00:00+03:00'), by: 'month', timeZone: 'Europe/Istanbul' });
    expect(again!.offered).toBe(agent + hangQueued);
  }, 120_000);
});
