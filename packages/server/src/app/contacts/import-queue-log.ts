/**
 * Imports an Asterisk queue_log into contacts. Lines are parsed one by one (a malformed line
 * is reported with its number and skipped); a call's events are folded when its last event
 * arrives, and calls are written in batches with one multi-row upsert keyed on the call id,
 * so importing the same file again adds nothing and changes nothing.
 */
import { sql } from 'drizzle-orm';
import { AGENT_EVENTS, foldCall, parseQueueLogLine, type QueueCall, type QueueLogEvent } from '@cozum/domain';
import type { Executor } from '../../db/client.js';

const TERMINAL = new Set(['COMPLETECALLER', 'COMPLETEAGENT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'TRANSFER', 'JOINEMPTY', 'FULL', 'CLOSED']);
const BATCH = 1000;
const AGENT = new Set<string>(AGENT_EVENTS);

export interface ImportReport {
  lines: number;
  events: number;
  agentEvents: number;
  unknownEvents: number;
  calls: number;
  newCalls: number;
  malformed: { line: number; reason: string }[];
}

/** Returns how many of the calls were new (the rest were known and brought up to date). */
async function writeCalls(ex: Executor, calls: QueueCall[]): Promise<number> {
  if (!calls.length) return 0;
  const rows = calls.map((c) => {
    const first = c.offeredAt ?? c.answeredAt ?? c.endedAt ?? new Date(0);
    return sql`(${'phone'}, ${c.callId}, ${c.queue}, ${c.callerNumber}, ${c.agent}, ${first.toISOString()}::timestamptz, ${c.answeredAt?.toISOString() ?? null}::timestamptz, ${c.endedAt?.toISOString() ?? null}::timestamptz, ${c.waitSeconds}::int, ${c.talkSeconds}::int, ${c.exit})`;
  });
  const result = (await ex.execute(sql`
    insert into contacts (channel, external_id, queue, caller_number, agent_name, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason)
    values ${sql.join(rows, sql`, `)}
    on conflict (channel, external_id) do update set
      queue = excluded.queue, caller_number = coalesce(excluded.caller_number, contacts.caller_number), agent_name = coalesce(excluded.agent_name, contacts.agent_name),
      offered_at = least(excluded.offered_at, contacts.offered_at), answered_at = coalesce(excluded.answered_at, contacts.answered_at),
      ended_at = coalesce(excluded.ended_at, contacts.ended_at), wait_seconds = coalesce(excluded.wait_seconds, contacts.wait_seconds),
      talk_seconds = coalesce(excluded.talk_seconds, contacts.talk_seconds), exit_reason = coalesce(excluded.exit_reason, contacts.exit_reason)
    returning (xmax = 0) as inserted`)) as unknown as { rows: { inserted: boolean }[] };
  return result.rows.filter((r) => r.inserted).length;
}

export async function importQueueLog(ex: Executor, lines: AsyncIterable<string> | Iterable<string>, onProgress?: (lines: number) => void): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, events: 0, agentEvents: 0, unknownEvents: 0, calls: 0, newCalls: 0, malformed: [] };
  const open = new Map<string, QueueLogEvent[]>();
  let batch: QueueCall[] = [];
  const flush = async () => {
    report.newCalls += await writeCalls(ex, batch);
    report.calls += batch.length;
    batch = [];
  };
  for await (const text of lines) {
    report.lines++;
    if (report.lines % 10_000 === 0) onProgress?.(report.lines);
    if (!text.trim()) continue;
    const parsed = parseQueueLogLine(text, report.lines);
    if (!parsed.ok) {
      report.malformed.push({ line: parsed.line, reason: parsed.reason });
      continue;
    }
    const e = parsed.event;
    report.events++;
    if (!e.known) report.unknownEvents++;
    if (!e.callId || AGENT.has(e.event)) {
      report.agentEvents++;
      continue;
    }
    const events = open.get(e.callId) ?? [];
    events.push(e);
    open.set(e.callId, events);
    if (TERMINAL.has(e.event)) {
      open.delete(e.callId);
      batch.push(foldCall(events));
      if (batch.length >= BATCH) await flush();
    }
  }
  // Calls still open at the end of the file (waiting, or talking) are written as they stand.
  for (const events of open.values()) {
    const call = foldCall(events);
    if (call.offeredAt || call.answeredAt) batch.push(call);
  }
  await flush();
  onProgress?.(report.lines);
  return report;
}
