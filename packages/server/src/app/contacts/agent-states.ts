/**
 * Agent states: the current state of every agent and the append-only history of changes, fed
 * by the queue_log importer, the CTI webhook and the agent's console. Changes are folded in time
 * order onto the current state (packages/domain/src/agent-state.ts); one older than the current
 * state goes into the history only. The same change reported twice is one history row.
 */
import { sql } from 'drizzle-orm';
import {
  DomainError,
  applyAgentChange,
  fieldError,
  isHistoryChange,
  standaloneState,
  type AgentChange,
  type AgentState,
  type AgentStateName,
  type AgentStateSource,
  type ConsoleState,
} from '@cozum/domain';
import type { Executor } from '../../db/client.js';

export interface AgentIdentity {
  /** The username when the PBX's name matches a user, else the PBX's name. */
  agent: string;
  userId: number | null;
}

export interface ReportedChange {
  /** The agent's name as the PBX or the console used it. */
  agent: string;
  change: AgentChange;
}

const BATCH = 1000;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Maps PBX agent names to users: 'ayse', 'SIP/ayse' and 'PJSIP/ayse' are the user ayse
 * (case-insensitive); a name no user has stays as the PBX wrote it.
 */
export async function resolveAgents(ex: Executor, names: Iterable<string>): Promise<Map<string, AgentIdentity>> {
  const unique = [...new Set(names)];
  const resolved = new Map<string, AgentIdentity>(unique.map((n) => [n, { agent: n, userId: null }]));
  if (!unique.length) return resolved;
  const candidates = [...new Set(unique.flatMap((n) => [n.toLowerCase(), n.slice(n.lastIndexOf('/') + 1).toLowerCase()]))];
  const users = rowsOf<{ id: number; username: string }>(
    await ex.execute(sql`select id, username from users where lower(username) in (${sql.join(candidates.map((c) => sql`${c}`), sql`, `)})`),
  );
  const byName = new Map(users.map((u) => [u.username.toLowerCase(), u]));
  for (const name of unique) {
    const user = byName.get(name.toLowerCase()) ?? byName.get(name.slice(name.lastIndexOf('/') + 1).toLowerCase());
    if (user) resolved.set(name, { agent: user.username, userId: user.id });
  }
  return resolved;
}

interface StateRow {
  agent: string;
  state: AgentStateName;
  reason: string | null;
  since: Date | string;
  queues: string[] | string;
  call_id: string | null;
}

// PGlite returns text[] as an array; keep a fallback for the literal form.
const parseQueues = (value: string[] | string): string[] => (Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean));
const stateOf = (r: StateRow): AgentState => ({ state: r.state, reason: r.reason, since: new Date(r.since), queues: parseQueues(r.queues), callId: r.call_id });
const STATE_COLUMNS = sql`agent, state, reason, since, queues, call_id`;

export interface RecordReport {
  /** New rows in the history (repeats of known changes are not counted). */
  history: number;
  /** Agents whose current state moved. */
  moved: number;
  /** Changes older than the agent's current state: kept in the history, the state left as it was. */
  outOfOrder: number;
}

interface Folded {
  identity: AgentIdentity;
  /** The state folded onto (null: none stored). */
  from: AgentState | null;
  to: AgentState | null;
  moved: boolean;
  outOfOrder: number;
  history: { state: string; kind: string; reason: string | null; queue: string | null; at: string }[];
}

/** One agent's changes folded in time order onto `from`. */
function foldAgent(identity: AgentIdentity, changes: AgentChange[], from: AgentState | null): Folded {
  const folded: Folded = { identity, from, to: from, moved: false, outOfOrder: 0, history: [] };
  // Sorted only when out of order (a stable sort: changes of the same second keep the order they were reported in).
  const inOrder = changes.every((c, i) => i === 0 || changes[i - 1]!.at <= c.at);
  const ordered = inOrder ? changes : [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const change of ordered) {
    const next = applyAgentChange(folded.to, change);
    if (next) {
      folded.moved = folded.moved || next !== folded.to;
      folded.to = next;
    } else folded.outOfOrder++;
    if (isHistoryChange(change)) {
      // The row is keyed on what was reported (kind), not on the state it led to, so the
      // same change imported again is recognised whether or not it arrived in order.
      const kind = change.kind === 'set' ? `set:${change.state ?? 'available'}` : change.kind;
      folded.history.push({ state: next ? next.state : standaloneState(change), kind, reason: change.reason ?? null, queue: change.queue ?? null, at: change.at.toISOString() });
    }
  }
  return folded;
}

const sameState = (a: AgentState | null, b: AgentState | null): boolean =>
  a === b || (!!a && !!b && a.state === b.state && a.since.getTime() === b.since.getTime() && a.reason === b.reason && a.callId === b.callId && a.queues.join('\n') === b.queues.join('\n'));

/** Every agent's current state, read without locking (see `recordAgentChanges`). */
export async function readAgentStates(ex: Executor): Promise<Map<string, AgentState>> {
  const rows = rowsOf<StateRow>(await ex.execute(sql`select ${STATE_COLUMNS} from agent_states`));
  return new Map(rows.map((r) => [r.agent, stateOf(r)]));
}

/** What a caller already knows: how names map to agents, and the states read earlier. */
export interface KnownAgents {
  identify(name: string): AgentIdentity;
  states: ReadonlyMap<string, AgentState>;
  /** Settles when the connection is free for these writes (the importer's own writes done). */
  after: Promise<unknown>;
}

/**
 * Records changes from one source: history rows, then the current state of each agent touched.
 * An importer that read the states earlier (`known`) has its changes folded at once, before
 * waiting for the database; the agents' rows are then locked and any agent whose state moved
 * meanwhile is folded again onto what is stored now.
 */
export async function recordAgentChanges(ex: Executor, source: AgentStateSource, reported: ReportedChange[], known?: KnownAgents): Promise<RecordReport> {
  const report: RecordReport = { history: 0, moved: 0, outOfOrder: 0 };
  if (!reported.length) return report;
  const identities = known ? new Map(reported.map((r) => [r.agent, known.identify(r.agent)])) : await resolveAgents(ex, reported.map((r) => r.agent));
  const byAgent = new Map<string, { identity: AgentIdentity; changes: AgentChange[] }>();
  for (const r of reported) {
    const identity = identities.get(r.agent)!;
    const entry = byAgent.get(identity.agent) ?? { identity, changes: [] };
    entry.changes.push(r.change);
    byAgent.set(identity.agent, entry);
  }
  const early = new Map<string, Folded>();
  if (known) for (const [agent, { identity, changes }] of byAgent) early.set(agent, foldAgent(identity, changes, known.states.get(agent) ?? null));
  await known?.after;

  const agents = [...byAgent.keys()];
  const current = new Map<string, AgentState>();
  for (let i = 0; i < agents.length; i += BATCH) {
    const rows = rowsOf<StateRow>(
      await ex.execute(sql`select ${STATE_COLUMNS} from agent_states where agent in (${sql.join(agents.slice(i, i + BATCH).map((a) => sql`${a}`), sql`, `)}) for update`),
    );
    for (const r of rows) current.set(r.agent, stateOf(r));
  }

  const history = { agent: [] as string[], userId: [] as (number | null)[], state: [] as string[], kind: [] as string[], reason: [] as (string | null)[], queue: [] as (string | null)[], at: [] as string[] };
  const updated: { identity: AgentIdentity; state: AgentState }[] = [];
  for (const [agent, { identity, changes }] of byAgent) {
    const stored = current.get(agent) ?? null;
    const before = early.get(agent);
    const folded = before && sameState(before.from, stored) ? before : foldAgent(identity, changes, stored);
    report.outOfOrder += folded.outOfOrder;
    for (const h of folded.history) {
      history.agent.push(agent);
      history.userId.push(identity.userId);
      history.state.push(h.state);
      history.kind.push(h.kind);
      history.reason.push(h.reason);
      history.queue.push(h.queue);
      history.at.push(h.at);
    }
    if (folded.moved && folded.to) updated.push({ identity, state: folded.to });
  }

  if (history.agent.length) {
    // Column arrays through unnest: seven parameters however many rows.
    const inserted = rowsOf<{ n: number }>(
      await ex.execute(sql`with added as (
        insert into agent_state_events (agent, user_id, state, kind, reason, queue, at, source)
        select agent, user_id, state, kind, reason, queue, at, ${source}
        from unnest(${sql.param(history.agent)}::text[], ${sql.param(history.userId)}::int[], ${sql.param(history.state)}::text[], ${sql.param(history.kind)}::text[], ${sql.param(history.reason)}::text[], ${sql.param(history.queue)}::text[], ${sql.param(history.at)}::timestamptz[])
          as h(agent, user_id, state, kind, reason, queue, at)
        on conflict do nothing returning 1) select count(*)::int as n from added`),
    );
    report.history += inserted[0]?.n ?? 0;
  }
  for (let i = 0; i < updated.length; i += BATCH) {
    const values = updated.slice(i, i + BATCH).map(({ identity, state: s }) => {
      const queues = sql`array[${sql.join(s.queues.map((q) => sql`${q}`), sql`, `)}]::text[]`;
      return sql`(${identity.agent}, ${identity.userId}::int, ${s.state}, ${s.reason}, ${s.since.toISOString()}::timestamptz, ${s.queues.length ? queues : sql`'{}'::text[]`}, ${s.callId}, ${source})`;
    });
    const moved = rowsOf<{ agent: string }>(
      await ex.execute(sql`insert into agent_states as s (agent, user_id, state, reason, since, queues, call_id, source) values ${sql.join(values, sql`, `)}
        on conflict (agent) do update set user_id = coalesce(excluded.user_id, s.user_id), state = excluded.state, reason = excluded.reason, since = excluded.since,
          queues = excluded.queues, call_id = excluded.call_id, source = excluded.source, updated_at = now()
        where excluded.since >= s.since
        returning agent`),
    );
    report.moved += moved.length;
  }
  if (report.moved) await notifyAgents(ex, updated.map((u) => u.identity.userId));
  return report;
}

/** Wallboards and consoles hear of the change when the transaction commits. */
async function notifyAgents(ex: Executor, userIds: (number | null)[]): Promise<void> {
  const users = [...new Set(userIds.filter((id): id is number => id !== null))];
  const messages = users.length && users.length <= 20 ? users.map((agent) => JSON.stringify({ topic: 'agents', agent })) : [JSON.stringify({ topic: 'agents' })];
  for (const m of messages) await ex.execute(sql`select pg_notify('cozum_live', ${m})`);
}

export interface AgentView {
  agent: string;
  userId: number | null;
  displayName: string | null;
  state: AgentStateName;
  reason: string | null;
  since: string | null;
  queues: string[];
  currentCall: { callId: string; contactId: number | null; queue: string | null; callerNumber: string | null; answeredAt: string | null } | null;
}

interface ViewRow {
  agent: string;
  user_id: number | null;
  display_name: string | null;
  state: AgentStateName | null;
  reason: string | null;
  since: Date | string | null;
  queues: string[] | string | null;
  call_id: string | null;
  contact_id: number | null;
  queue: string | null;
  caller_number: string | null;
  answered_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Every agent: those with a state, and active agent accounts that never had one (logged out). */
export async function listAgents(ex: Executor, only?: { userId: number; username: string }): Promise<AgentView[]> {
  const rows = rowsOf<ViewRow>(
    await ex.execute(sql`
      with known as (
        select s.agent, s.user_id, s.state, s.reason, s.since, s.queues, s.call_id from agent_states s
        union all
        select u.username, u.id, null, null, null, null, null from users u
        where u.role = 'agent' and u.active and not exists (select 1 from agent_states s where s.user_id = u.id or lower(s.agent) = lower(u.username))
      )
      select k.agent, k.user_id, u.display_name, k.state, k.reason, k.since, k.queues, k.call_id,
             c.id as contact_id, c.queue, c.caller_number, c.answered_at
      from known k
      left join users u on u.id = k.user_id
      left join lateral (select id, queue, caller_number, answered_at from contacts where k.state = 'on_call' and channel = 'phone' and external_id = k.call_id limit 1) c on true
      ${only ? sql`where k.user_id = ${only.userId} or lower(k.agent) = lower(${only.username})` : sql``}
      order by k.agent`),
  );
  return rows.map((r) => ({
    agent: r.agent,
    userId: r.user_id,
    displayName: r.display_name,
    state: r.state ?? 'logged_out',
    reason: r.reason,
    since: iso(r.since),
    queues: r.queues ? parseQueues(r.queues) : [],
    currentCall: r.state === 'on_call' && r.call_id ? { callId: r.call_id, contactId: r.contact_id, queue: r.queue, callerNumber: r.caller_number, answeredAt: iso(r.answered_at) } : null,
  }));
}

/** One staff member's own state: logged out when no source has reported them yet. */
export async function ownAgentState(ex: Executor, user: { id: number; username: string; displayName?: string }): Promise<AgentView> {
  const [mine] = await listAgents(ex, { userId: user.id, username: user.username });
  return mine ?? { agent: user.username, userId: user.id, displayName: user.displayName ?? null, state: 'logged_out', reason: null, since: null, queues: [], currentCall: null };
}

/** The agent's own console sets their state; a pause needs its reason. */
export async function setOwnState(ex: Executor, user: { id: number; username: string }, input: { state: ConsoleState; reason?: string | null }, now: Date): Promise<AgentView> {
  const reason = input.reason?.trim() || null;
  if (input.state === 'paused' && !reason) throw fieldError('reason', 'required', "is required when the state is 'paused': say why (break, training, meeting, …)", { reason: 'paused' });
  const [mine] = await listAgents(ex, { userId: user.id, username: user.username });
  // The PBX may know the agent under another name that maps to this user (SIP/ayse).
  const name = mine?.agent ?? user.username;
  const result = await recordAgentChanges(ex, 'console', [{ agent: name, change: { at: now, kind: 'set', state: input.state, reason } }]);
  if (result.outOfOrder) {
    throw new DomainError('agent.conflict', `the state of '${name}' was last changed at ${mine?.since ?? 'a later time'}, after this change (${now.toISOString()}); reload and try again`, undefined, { agent: name, ...(mine?.since ? { since: mine.since } : {}) });
  }
  const [after] = await listAgents(ex, { userId: user.id, username: user.username });
  return after!;
}
