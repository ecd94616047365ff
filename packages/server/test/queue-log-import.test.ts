import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { importQueueLog } from '../src/app/contacts/import-queue-log.js';
import type { Database } from '../src/db/client.js';
import { openTestDatabase } from './harness.js';

// Real rows Asterisk wrote on a Wazo system (../shared/data/queue_log/SOURCES.md).
const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/queue_log/wazo-doc_queue_log_samples.pipe.txt');

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database.close();
  await drop();
});

const count = async (where: string) => Number(((await database.db.execute(sql.raw(`select count(*)::int as n from contacts where ${where}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

describe('queue_log import', () => {
  it('records the real sample: answered and abandoned match the raw file, and a second import adds nothing', async () => {
    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
    // Counted independently from the raw rows: calls with CONNECT, calls with ABANDON.
    const answeredInFile = new Set(lines.filter((l) => l.split('|')[4] === 'CONNECT').map((l) => l.split('|')[1])).size;
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
});
