/**
 * Imports the call-level log of the "Anonymous Bank" call centre (Technion SEE Center data,
 * ../shared/data/call-centre) into contacts, through this mapping (docs/contact-centre.md):
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
  rows: number;
  written: number;
  malformed: { line: number; reason: string }[];
}

export async function importBankCalls(ex: Executor, lines: Iterable<string> | AsyncIterable<string>, timeZone: string): Promise<BankImportReport> {
  const at = (date: string, time: string, after?: Date): Date => {
    const d = zonedTime(date, time.padStart(8, '0'), timeZone);
    // A time earlier than the one it follows crossed midnight.
    return after && d < after ? zonedTime(addDays(date, 1), time.padStart(8, '0'), timeZone) : d;
  };
  const report: BankImportReport = { rows: 0, written: 0, malformed: [] };
  let batch: ReturnType<typeof sql>[] = [];
  let line = 0;
  const flush = async () => {
    if (!batch.length) return;
    await ex.execute(sql`
      insert into contacts (channel, external_id, queue, agent_name, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason)
      values ${sql.join(batch, sql`, `)}
      on conflict (channel, external_id) do nothing`);
    report.written += batch.length;
    batch = [];
  };
  for await (const text of lines) {
    line++;
    if (line === 1 && text.startsWith('vru+line')) continue;
    if (!text.trim()) continue;
    const f = text.replace(/\r$/, '').split(',');
    if (f.length !== COLUMNS.length) {
      report.malformed.push({ line, reason: `expected ${COLUMNS.length} comma-separated fields, found ${f.length}` });
      continue;
    }
    const [, callId, , , type, date, , vruExit, , qStart, qExit, qTime, outcome, serStart, serExit, serTime, server] = f as string[] as [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d+$/.test(qTime) || !/^\d+$/.test(serTime) || !['AGENT', 'HANG', 'PHANTOM'].includes(outcome)) {
      report.malformed.push({ line, reason: `unreadable date, q_time, ser_time or outcome ('${date}', '${qTime}', '${serTime}', '${outcome}')` });
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
  return report;
}
