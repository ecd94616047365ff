/**
 * Imports the call-level log of the "Anonymous Bank" call centre (Technion SEE Center data; a
 * slice in packages/server/test/fixtures/call-centre) into contacts, through this mapping (docs/contact-centre.md):
 *  - a contact per row, external id `bank-<date>-<call_id>-<vru_entry>` (call ids repeat
 *    across days), queue = the service type (PS, PE, IN, NE, NW, TT);
 *  - AGENT: answered; offered at q_start (or, when it never queued, at vru_exit), answered at
 *    ser_start, wait = q_time, talk = ser_time, agent = server;
 *  - HANG with q_time > 0: abandoned in the queue, wait = q_time;
 *  - HANG with q_time = 0 hung up in the voice menu, and PHANTOM calls are ghosts: both are
 *    recorded as not having entered a queue, so they are not offered;
 *  - times are the centre's local times, read in the city's time zone (CITY_TIME_ZONE).
 * Idempotent: the same file again changes nothing.
 */
import { sql } from 'drizzle-orm';
import { addDays, zonedTime } from '@cozum/domain';
import type { Executor } from '../../db/client.js';

const COLUMNS = ['vru+line', 'call_id', 'customer_id', 'priority', 'type', 'date', 'vru_entry', 'vru_exit', 'vru_time', 'q_start', 'q_exit', 'q_time', 'outcome', 'ser_start', 'ser_exit', 'ser_time', 'server'];
const BATCH = 1000;

export interface BankImportReport {
  /** Lines read: header + empty + rows + malformed. */
  lines: number;
  header: number;
  empty: number;
  /** Calls read from well-formed rows. */
  rows: number;
  /** Of those, calls not stored before. */
  newCalls: number;
  malformed: { line: number; reason: string }[];
}

export async function importBankCalls(ex: Executor, lines: Iterable<string> | AsyncIterable<string>, timeZone: string, onProgress?: (lines: number) => void): Promise<BankImportReport> {
  const at = (date: string, time: string, after?: Date): Date => {
    const d = zonedTime(date, time.padStart(8, '0'), timeZone);
    // A time earlier than the one it follows crossed midnight.
    return after && d < after ? zonedTime(addDays(date, 1), time.padStart(8, '0'), timeZone) : d;
  };
  const report: BankImportReport = { lines: 0, header: 0, empty: 0, rows: 0, newCalls: 0, malformed: [] };
  let batch: ReturnType<typeof sql>[] = [];
  let line = 0;
  const flush = async () => {
    if (!batch.length) return;
    const inserted = (await ex.execute(sql`
      with added as (
        insert into contacts (channel, external_id, queue, agent_name, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason)
        values ${sql.join(batch, sql`, `)}
        on conflict (channel, external_id) do nothing
        returning 1)
      select count(*)::int as n from added`)) as unknown as { rows: { n: number }[] };
    report.newCalls += Number(inserted.rows[0]?.n ?? 0);
    batch = [];
  };
  for await (const text of lines) {
    line++;
    report.lines = line;
    if (line % 10_000 === 0) onProgress?.(line);
    if (line === 1 && text.startsWith('vru+line')) {
      report.header = 1;
      continue;
    }
    if (!text.trim()) {
      report.empty++;
      continue;
    }
    const f = text.replace(/\r$/, '').split(',');
    if (f.length !== COLUMNS.length) {
      report.malformed.push({ line, reason: `expected ${COLUMNS.length} comma-separated fields, found ${f.length}` });
      continue;
    }
    const [, callId, , , type, date, , vruExit, , qStart, qExit, qTime, outcome, serStart, serExit, serTime, server] = f as string[] as [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
    // Waits and talks of up to 9 digits: a longer number (a shifted field, maybe a phone
    // number, so not repeated in the reason) would not fit the table.
    const problem = !/^\d{4}-\d{2}-\d{2}$/.test(date) ? `unreadable date '${date.slice(0, 20)}'` : !/^\d{1,9}$/.test(qTime) ? 'q_time is not a number of seconds (up to 9 digits)' : !/^\d{1,9}$/.test(serTime) ? 'ser_time is not a number of seconds (up to 9 digits)' : !['AGENT', 'HANG', 'PHANTOM'].includes(outcome) ? `outcome '${outcome.slice(0, 20)}' is not AGENT, HANG or PHANTOM` : null;
    if (problem) {
      report.malformed.push({ line, reason: problem });
      continue;
    }
    report.rows++;
    const queued = Number(qTime) > 0;
    const offered = queued ? at(date, qStart) : at(date, vruExit);
    const id = `bank-${date}-${callId}-${f[6]}`;
    if (outcome === 'AGENT') {
      const answered = at(date, serStart, offered);
      const ended = at(date, serExit, answered);
      batch.push(sql`('phone', ${id}, ${type}, ${server}, ${offered.toISOString()}::timestamptz, ${answered.toISOString()}::timestamptz, ${ended.toISOString()}::timestamptz, ${Number(qTime)}::int, ${Number(serTime)}::int, 'answered')`);
    } else if (outcome === 'HANG' && queued) {
      const ended = at(date, qExit, offered);
      batch.push(sql`('phone', ${id}, ${type}, null, ${offered.toISOString()}::timestamptz, null, ${ended.toISOString()}::timestamptz, ${Number(qTime)}::int, null, 'abandoned')`);
    } else {
      batch.push(sql`('phone', ${id}, ${type}, null, ${offered.toISOString()}::timestamptz, null, ${offered.toISOString()}::timestamptz, null, null, 'not_entered')`);
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  onProgress?.(line);
  return report;
}
