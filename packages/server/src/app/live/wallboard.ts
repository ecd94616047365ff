/**
 * The wallboard: what a supervisor watches on the wall. Calls waiting now and the longest
 * wait, agents by state, and today's figures (the city's local day) with the same definitions as the
 * KPI reports (DESIGN.md section 8), plus the instant-information share: contacts closed as
 * information_given over answered contacts.
 */
import { sql } from 'drizzle-orm';
import { addDays, localDate, startOfLocalDate, type AgentStateName } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { contactKpis } from '../contacts/kpis.js';

export interface WallboardOptions {
  /** The city's IANA time zone: "today" is its local day. */
  timeZone: string;
  /** Service-level threshold T in seconds. */
  thresholdSeconds?: number;
  shortAbandonSeconds?: number;
}

export interface Wallboard {
  at: string;
  /** Start of today in the city, as an instant. */
  dayStart: string;
  thresholdSeconds: number;
  waiting: { calls: number; longestWaitSeconds: number; oldestSince: string | null; byQueue: { queue: string; calls: number; oldestSince: string }[] };
  agents: { state: AgentStateName; count: number }[];
  roster: { agent: string; displayName: string | null; state: AgentStateName; reason: string | null; since: string | null }[];
  today: {
    offered: number;
    answered: number;
    abandoned: number;
    answerRate: number | null;
    serviceLevel: number | null;
    informationGiven: number;
    instantInformationShare: number | null;
  };
  hourly: { hour: string; offered: number; answered: number; abandoned: number }[];
}

/** A call still "waiting" after this long was lost by the PBX feed, not a caller on hold. */
const STALE_WAIT_MS = 12 * 3600_000;

export async function wallboardSnapshot(ex: Executor, now: Date, options: WallboardOptions): Promise<Wallboard> {
  const thresholdSeconds = options.thresholdSeconds ?? 20;
  const today = localDate(now, options.timeZone);
  const dayStart = startOfLocalDate(today, options.timeZone);
  const dayEnd = startOfLocalDate(addDays(today, 1), options.timeZone);
  const staleBefore = new Date(now.getTime() - STALE_WAIT_MS);

  const waiting = (await ex.execute(sql`
    select coalesce(queue, '') as queue, count(*)::int as calls, min(offered_at) as oldest
    from contacts
    where channel = 'phone' and answered_at is null and ended_at is null
      and offered_at >= ${staleBefore.toISOString()}::timestamptz and offered_at <= ${now.toISOString()}::timestamptz
    group by 1 order by 1`)) as unknown as { rows: { queue: string; calls: number; oldest: Date | string }[] };
  const byQueue = waiting.rows.map((r) => ({ queue: r.queue, calls: r.calls, oldestSince: new Date(r.oldest).toISOString() }));
  const oldest = byQueue.reduce<string | null>((o, q) => (o === null || q.oldestSince < o ? q.oldestSince : o), null);

  const [day] = await contactKpis(ex, { from: dayStart, to: dayEnd, by: 'day', timeZone: options.timeZone, thresholdSeconds, shortAbandonSeconds: options.shortAbandonSeconds });
  const hourly = await contactKpis(ex, { from: dayStart, to: dayEnd, by: 'hour', timeZone: options.timeZone, thresholdSeconds, shortAbandonSeconds: options.shortAbandonSeconds });
  const info = (await ex.execute(sql`
    select count(*)::int as n from contacts
    where offered_at >= ${dayStart.toISOString()}::timestamptz and offered_at < ${dayEnd.toISOString()}::timestamptz
      and outcome = 'information_given'`)) as unknown as { rows: { n: number }[] };
  const informationGiven = info.rows[0]?.n ?? 0;
  const answered = day?.answered ?? 0;
  const agents = await agentStates(ex, now);

  return {
    at: now.toISOString(),
    dayStart: dayStart.toISOString(),
    thresholdSeconds,
    waiting: {
      calls: byQueue.reduce((n, q) => n + q.calls, 0),
      longestWaitSeconds: oldest ? Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 1000)) : 0,
      oldestSince: oldest,
      byQueue,
    },
    agents: STATE_ORDER.map((state) => ({ state, count: agents.filter((a) => a.state === state).length })).filter((a) => a.count > 0),
    roster: agents.filter((a) => a.state !== 'logged_out'),
    today: {
      offered: day?.offered ?? 0,
      answered,
      abandoned: day?.abandoned ?? 0,
      answerRate: day?.answerRate ?? null,
      serviceLevel: day?.serviceLevel ?? null,
      informationGiven,
      instantInformationShare: answered > 0 ? informationGiven / answered : null,
    },
    hourly: hourly.map((h) => ({ hour: h.period, offered: h.offered, answered: h.answered, abandoned: h.abandoned })),
  };
}

const STATE_ORDER: AgentStateName[] = ['available', 'on_call', 'wrap_up', 'paused', 'logged_out'];

interface AgentRow {
  agent: string;
  display_name: string | null;
  state: AgentStateName;
  reason: string | null;
  since: Date | string | null;
}

/**
 * Every agent's state, from the agent-state records (PBX and console), by state and then the
 * longest in it first. Telephony is the fresher witness of a call: an agent whose answered call
 * has not ended is on a call (since it was answered) whatever their last recorded state says,
 * and also when the PBX never reported them.
 */
async function agentStates(ex: Executor, now: Date): Promise<Wallboard['roster']> {
  const staleBefore = new Date(now.getTime() - STALE_WAIT_MS);
  const result = (await ex.execute(sql`
    with on_call as (
      select agent_id, min(answered_at) as answered_at from contacts
      where agent_id is not null and answered_at is not null and ended_at is null
        and answered_at >= ${staleBefore.toISOString()}::timestamptz
      group by agent_id
    )
    select coalesce(s.agent, u.username) as agent, u.display_name,
      case when o.agent_id is not null then 'on_call' else s.state end as state,
      case when o.agent_id is null then s.reason end as reason,
      case when o.agent_id is null or s.state = 'on_call' then s.since else o.answered_at end as since
    from agent_states s
    full join on_call o on o.agent_id = s.user_id
    left join users u on u.id = coalesce(s.user_id, o.agent_id)`)) as unknown as { rows: AgentRow[] };
  const rows = result.rows.map((r) => ({ agent: r.agent, displayName: r.display_name, state: r.state, reason: r.reason, since: r.since === null ? null : new Date(r.since).toISOString() }));
  return rows.sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || (a.since ?? '').localeCompare(b.since ?? '') || a.agent.localeCompare(b.agent));
}
