/**
 * Imports an Asterisk queue_log into contacts and agent states. Lines are parsed one by one (a
 * malformed line is reported with its number and skipped); a call's events are folded when its
 * last event arrives. On PostgreSQL the folded calls are COPied into contacts in chunks while
 * the next chunk is parsed, a chunk holding calls already stored being merged by one upsert
 * from a staging table instead; PGlite gets multi-row upserts of a thousand calls. Either way
 * importing the same file again adds nothing and changes nothing. Agent events (logins,
 * pauses, members, and calls starting and ending) are folded into the agents' states at the
 * end, while the last calls are written (agent-states.ts).
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AGENT_EVENTS, agentChangeFromQueueLog, agentIdentity, foldCall, parseQueueLogLine, type QueueCall, type QueueLogEvent } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { readAgentStates, recordAgentChanges, type RecordReport, type ReportedChange } from './agent-states.js';

const TERMINAL = new Set(['COMPLETECALLER', 'COMPLETEAGENT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'TRANSFER', 'JOINEMPTY', 'FULL', 'CLOSED']);
const BATCH = 1000;
const AGENT = new Set<string>(AGENT_EVENTS);

export interface ImportReport {
  /** Lines (or table rows) read: header + events + empty + malformed. */
  lines: number;
  header: number;
  empty: number;
  events: number;
  agentEvents: number;
  unknownEvents: number;
  calls: number;
  newCalls: number;
  malformed: { line: number; reason: string }[];
  /** Agent states: new history rows, agents whose state moved, changes older than the state. */
  agentStates: RecordReport;
}

/**
 * The agent for each PBX interface name: one agent under all its interfaces (agentIdentity:
 * the aliases given, else the extension number), and the user of that name when one exists
 * ('ayse', 'SIP/ayse').
 */
type Directory = (name: string | null) => { agentName: string | null; agentId: number | null };

async function agentDirectory(ex: Executor, aliases: ReadonlyMap<string, string>): Promise<Directory> {
  const users = (await ex.execute(sql`select id, username from users`)) as unknown as { rows: { id: number; username: string }[] };
  const byName = new Map(users.rows.map((u) => [u.username.toLowerCase(), u]));
  const cache = new Map<string, { agentName: string | null; agentId: number | null }>();
  return (name) => {
    if (!name) return { agentName: null, agentId: null };
    let hit = cache.get(name);
    if (!hit) {
      const identity = agentIdentity(name, aliases);
      const user = byName.get(identity.toLowerCase()) ?? byName.get(identity.slice(identity.lastIndexOf('/') + 1).toLowerCase());
      hit = user ? { agentName: user.username, agentId: user.id } : { agentName: identity, agentId: null };
      cache.set(name, hit);
    }
    return hit;
  };
}

interface CallWriter {
  /** A promise only when the caller must wait (a batch is being written, or COPY is full). */
  write(call: QueueCall): Promise<void> | undefined;
  /** Writes what is pending; returns how many calls were new. */
  finish(): Promise<number>;
}

/** Multi-row upserts, batch after batch: a later batch merges into what an earlier one wrote. */
function batchWriter(ex: Executor, directory: Directory): CallWriter {
  let batch: QueueCall[] = [];
  let added = 0;
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch.map((c) => {
      const first = c.offeredAt ?? c.answeredAt ?? c.endedAt ?? new Date(0);
      const { agentName, agentId } = directory(c.agent);
      return sql`(${'phone'}, ${c.callId}, ${c.queue}, ${c.callerNumber}, ${agentId}::int, ${agentName}, ${first.toISOString()}::timestamptz, ${c.answeredAt?.toISOString() ?? null}::timestamptz, ${c.endedAt?.toISOString() ?? null}::timestamptz, ${c.waitSeconds}::int, ${c.talkSeconds}::int, ${c.exit})`;
    });
    batch = [];
    const result = (await ex.execute(sql`
      with up as (
        insert into contacts (channel, external_id, queue, caller_number, agent_id, agent_name, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason)
        values ${sql.join(rows, sql`, `)}
        ${UPSERT}
        returning (xmax = 0) as inserted)
      select count(*) filter (where inserted)::int as n from up`)) as unknown as { rows: { n: number }[] };
    added += result.rows[0]?.n ?? 0;
  };
  return {
    write(call) {
      batch.push(call);
      return batch.length >= BATCH ? flush() : undefined;
    },
    async finish() {
      await flush();
      return added;
    },
  };
}

const UPSERT_TEXT = `
  on conflict (channel, external_id) do update set
    queue = excluded.queue, caller_number = coalesce(excluded.caller_number, contacts.caller_number),
    agent_id = coalesce(excluded.agent_id, contacts.agent_id), agent_name = coalesce(excluded.agent_name, contacts.agent_name),
    offered_at = least(excluded.offered_at, contacts.offered_at), answered_at = coalesce(excluded.answered_at, contacts.answered_at),
    ended_at = coalesce(excluded.ended_at, contacts.ended_at), wait_seconds = coalesce(excluded.wait_seconds, contacts.wait_seconds),
    talk_seconds = coalesce(excluded.talk_seconds, contacts.talk_seconds), exit_reason = coalesce(excluded.exit_reason, contacts.exit_reason)`;
const UPSERT = sql.raw(UPSERT_TEXT);
const COLUMNS = 'channel, external_id, queue, caller_number, agent_id, agent_name, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason';
const FROM_STAGE = `
  with up as (
    insert into contacts (${COLUMNS})
    select ${COLUMNS} from queue_log_stage
    ${UPSERT_TEXT}
    returning (xmax = 0) as inserted)
  select count(*) filter (where inserted)::int as n from up`;

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is null.
const SPECIAL = /[\\\t\n\r]/;
const copyText = (value: string | null) => (value === null ? '\\N' : !SPECIAL.test(value) ? value : value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')));
const copyNumber = (value: number | null) => (value === null ? '\\N' : String(value));
const copyTime = (value: Date | null) => (value === null ? '\\N' : value.toISOString());

/** The pg connection behind a drizzle transaction on PostgreSQL, or null (PGlite). */
function connectionOf(ex: Executor): pg.ClientBase | null {
  const client = (ex as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

const CHUNK = 20_000;
/** The first chunk is small, so the server starts writing while the rest is parsed; each next one doubles up to CHUNK. */
const FIRST_CHUNK = 1_000;

/**
 * Calls go to the server in chunks (1,000 first, so it starts at once, doubling up to 20,000),
 * each written while the next is parsed here. New calls, the usual case, are COPied straight
 * into contacts, as fast as the database can store them. A chunk holding a call already
 * stored (a file imported again, a call whose last events fall in a later chunk, one the CTI
 * webhook recorded) fails on the unique call id: it is rolled back to its savepoint and merged
 * through a staging table with one upsert, as a later chunk merges into an earlier one. A call
 * id that repeats within a chunk starts a new chunk.
 */
async function copyWriter(ex: Executor, client: pg.ClientBase, directory: Directory): Promise<CallWriter> {
  await ex.execute(sql`create temporary table if not exists queue_log_stage (
    channel text not null, external_id text not null, queue text, caller_number text, agent_id int, agent_name text, offered_at timestamptz not null,
    answered_at timestamptz, ended_at timestamptz, wait_seconds int, talk_seconds int, exit_reason text) on commit drop`);
  const copyInto = (target: string, text: string) =>
    new Promise<void>((resolve, reject) => {
      const copy = client.query(copyFrom(`copy ${target} (${COLUMNS}) from stdin`));
      copy.on('finish', resolve);
      copy.on('error', reject);
      copy.end(text);
    });
  const writeChunk = async (text: string, calls: number): Promise<number> => {
    await client.query('savepoint queue_log_chunk');
    try {
      await copyInto('contacts', text);
      await client.query('release savepoint queue_log_chunk');
      return calls;
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
    }
    await client.query('rollback to savepoint queue_log_chunk');
    await client.query('release savepoint queue_log_chunk');
    await client.query('truncate queue_log_stage');
    await copyInto('queue_log_stage', text);
    return (await client.query<{ n: number }>(FROM_STAGE)).rows[0]?.n ?? 0;
  };
  let seen = new Set<string>();
  let rows: string[] = [];
  let limit = FIRST_CHUNK;
  let previous: Promise<unknown> = Promise.resolve();
  const sent: Promise<number>[] = [];
  const send = () => {
    if (!rows.length) return;
    const text = rows.join('');
    const calls = rows.length;
    rows = [];
    seen = new Set();
    limit = Math.min(limit * 2, CHUNK);
    // One chunk after another: whether a chunk went in whole decides how the next is written.
    const added = previous.then(() => writeChunk(text, calls));
    previous = added.catch(() => undefined);
    // Awaited in finish(); marked handled now so a failure waits for it instead of crashing.
    added.catch(() => undefined);
    sent.push(added);
  };
  let sinceYield = 0;
  return {
    write(c) {
      if (seen.has(c.callId)) send();
      seen.add(c.callId);
      const first = c.offeredAt ?? c.answeredAt ?? c.endedAt ?? new Date(0);
      const { agentName, agentId } = directory(c.agent);
      rows.push(`phone\t${copyText(c.callId)}\t${copyText(c.queue)}\t${copyText(c.callerNumber)}\t${copyNumber(agentId)}\t${copyText(agentName)}\t${first.toISOString()}\t${copyTime(c.answeredAt)}\t${copyTime(c.endedAt)}\t${copyNumber(c.waitSeconds)}\t${copyNumber(c.talkSeconds)}\t${copyText(c.exit)}\n`);
      if (rows.length >= limit) send();
      // Let the connection send and receive while a long array is parsed, so the next chunk
      // goes out soon after the last one is in.
      if (++sinceYield >= 500) {
        sinceYield = 0;
        return new Promise<void>((resolve) => setImmediate(resolve));
      }
      return undefined;
    },
    async finish() {
      send();
      let added = 0;
      for (const n of await Promise.all(sent)) added += n;
      return added;
    },
  };
}

/**
 * A line of the flat file, or from a table export (queue-log-table.ts): a row already converted
 * to one, a row that could not be (reported as malformed), or the header row.
 */
export type QueueLogInput = string | { problem: string } | { header: true };

export interface ImportOptions {
  onProgress?: (lines: number) => void;
  /** Interface name (or extension) → agent, for names the extension rule does not join. */
  agentAliases?: ReadonlyMap<string, string>;
}

/** Runs in one transaction (a savepoint inside the caller's): a failure leaves nothing half-written. */
export async function importQueueLog(ex: Executor, lines: AsyncIterable<QueueLogInput> | Iterable<QueueLogInput>, options: ImportOptions = {}): Promise<ImportReport> {
  return ex.transaction((tx) => importInTransaction(tx as unknown as Executor, lines, options));
}

async function importInTransaction(ex: Executor, lines: AsyncIterable<QueueLogInput> | Iterable<QueueLogInput>, { onProgress, agentAliases = new Map() }: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { lines: 0, header: 0, empty: 0, events: 0, agentEvents: 0, unknownEvents: 0, calls: 0, newCalls: 0, malformed: [], agentStates: { history: 0, moved: 0, outOfOrder: 0 } };
  const directory = await agentDirectory(ex, agentAliases);
  // Read before the calls are written, so the agents' changes fold while the last calls are.
  const agentStates = await readAgentStates(ex);
  const connection = connectionOf(ex);
  const writer = connection ? await copyWriter(ex, connection, directory) : batchWriter(ex, directory);
  const open = new Map<string, QueueLogEvent[]>();
  const changes: ReportedChange[] = [];
  const write = (call: QueueCall) => {
    report.calls++;
    return writer.write(call);
  };
  /** One line; returns a promise only when the writer needs the caller to wait. */
  const line = (text: QueueLogInput): Promise<void> | undefined => {
    report.lines++;
    if (report.lines % 10_000 === 0) onProgress?.(report.lines);
    if (typeof text !== 'string') {
      if ('header' in text) report.header++;
      else report.malformed.push({ line: report.lines, reason: text.problem });
      return undefined;
    }
    if (!text.trim()) {
      report.empty++;
      return undefined;
    }
    const parsed = parseQueueLogLine(text, report.lines);
    if (!parsed.ok) {
      report.malformed.push({ line: parsed.line, reason: parsed.reason });
      return undefined;
    }
    const e = parsed.event;
    report.events++;
    if (!e.known) report.unknownEvents++;
    const agentChange = agentChangeFromQueueLog(e);
    if (agentChange) changes.push(agentChange);
    if (!e.callId || AGENT.has(e.event)) {
      report.agentEvents++;
      return undefined;
    }
    let events = open.get(e.callId);
    if (events) events.push(e);
    else open.set(e.callId, (events = [e]));
    if (!TERMINAL.has(e.event)) return undefined;
    open.delete(e.callId);
    return write(foldCall(events));
  };
  // A file arrives as an async stream of lines; an array is read without an await per line.
  if (Symbol.asyncIterator in lines) {
    for await (const text of lines) await line(text);
  } else {
    for (const text of lines) {
      const pending = line(text);
      if (pending) await pending;
    }
  }
  // Calls still open at the end of the file (waiting, or talking) are written as they stand.
  for (const events of open.values()) {
    const call = foldCall(events);
    if (call.offeredAt || call.answeredAt) await write(call);
  }
  // The agents' states are folded here while the server writes the last calls.
  const identify = (name: string) => {
    const { agentName, agentId } = directory(name);
    return { agent: agentName ?? name, userId: agentId };
  };
  const written = writer.finish();
  [report.newCalls, report.agentStates] = await Promise.all([written, recordAgentChanges(ex, 'queue_log', changes, { identify, states: agentStates, after: written.catch(() => undefined) })]);
  onProgress?.(report.lines);
  return report;
}
