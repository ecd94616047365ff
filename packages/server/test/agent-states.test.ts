/**
 * Agent states from the three sources (queue_log, CTI webhook, the console), the API the
 * console and the wallboard read, and the KPIs per queue and agent with occupancy.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { importQueueLog } from '../src/app/contacts/import-queue-log.js';
import { contactKpis } from '../src/app/contacts/kpis.js';
import { useTestApp, type TestContext } from './harness.js';

const TOKEN = 'pbx-token-agent-states-0123';
let t: TestContext;
useTestApp((started) => (t = started), { config: { ctiToken: TOKEN } });

const rows = async <T>(query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
const cti = (body: object, token = TOKEN) => t.app.inject({ method: 'POST', url: '/api/v1/cti/events', headers: { authorization: `Bearer ${token}` }, payload: body });
const epoch = (iso: string) => Date.parse(iso) / 1000;

describe('agent states from queue_log', () => {
  it('follows logins, pauses and calls; a second import adds nothing; an older file does not move the state back', async () => {
    const log = [
      `${epoch('2025-03-10T07:00:00Z')}|NONE|alo153|SIP/q-ayse|ADDMEMBER|`,
      `${epoch('2025-03-10T07:00:00Z')}|NONE|alo153|Agent/77|AGENTLOGIN|SIP/77`,
      `${epoch('2025-03-10T07:05:00Z')}|c1|alo153|NONE|ENTERQUEUE||905321110000|1`,
      `${epoch('2025-03-10T07:05:10Z')}|c1|alo153|SIP/q-ayse|CONNECT|10|u|3`,
      'not a line at all',
      `${epoch('2025-03-10T07:08:10Z')}|c1|alo153|SIP/q-ayse|COMPLETECALLER|10|180|1`,
      `${epoch('2025-03-10T07:10:00Z')}|NONE|alo153|SIP/q-ayse|PAUSE|lunch`,
      `${epoch('2025-03-10T07:12:00Z')}|c2|alo153|NONE|ENTERQUEUE||905321110001|1`,
      `${epoch('2025-03-10T07:12:05Z')}|c2|alo153|Agent/77|CONNECT|5|u|3`,
    ];
    await t.signIn('agent', { username: 'q-ayse' });
    const first = await importQueueLog(t.database.db, log);
    expect(first.malformed).toEqual([{ line: 5, reason: expect.stringContaining('5 fields') }]);
    const states = await rows<{ agent: string; state: string; reason: string | null; call_id: string | null; user_id: number | null }>(sql`select agent, state, reason, call_id, user_id from agent_states order by agent`);
    // SIP/q-ayse is the user q-ayse; Agent/77 names nobody and is the agent 77, its extension.
    expect(states).toEqual([
      { agent: '77', state: 'on_call', reason: null, call_id: 'c2', user_id: null },
      { agent: 'q-ayse', state: 'paused', reason: 'lunch', call_id: null, user_id: expect.any(Number) },
    ]);
    const [contact] = await rows<{ agent_name: string; agent_id: number | null }>(sql`select agent_name, agent_id from contacts where external_id = 'c1'`);
    expect(contact).toEqual({ agent_name: 'q-ayse', agent_id: states[1]!.user_id });
    const history = async () => rows<{ agent: string; state: string; reason: string | null }>(sql`select agent, state, reason from agent_state_events order by at, id`);
    const before = await history();
    expect(before).toEqual([
      { agent: 'q-ayse', state: 'available', reason: null },
      { agent: '77', state: 'available', reason: null },
      { agent: 'q-ayse', state: 'paused', reason: 'lunch' },
    ]);

    const again = await importQueueLog(t.database.db, log);
    expect(again.agentStates.history).toBe(0);
    expect(await history()).toEqual(before);

    // A rotated file from the morning arrives late: its logoff is history, not the present.
    const older = await importQueueLog(t.database.db, [`${epoch('2025-03-10T06:00:00Z')}|NONE|alo153|SIP/q-ayse|REMOVEMEMBER|`]);
    expect(older.agentStates).toMatchObject({ history: 1, moved: 0, outOfOrder: 1 });
    expect((await rows<{ state: string }>(sql`select state from agent_states where agent = 'q-ayse'`))[0]!.state).toBe('paused');
  });
});

describe('agent states from the CTI webhook', () => {
  it('refuses a wrong token, asks for the reason of a pause, and keeps an old event out of the present', async () => {
    expect((await cti({ event: 'agent.state', agent: 'cti-1', state: 'available' }, 'wrong-token-xxxxxxxxxxx')).statusCode).toBe(401);
    const noReason = await cti({ event: 'agent.state', agent: 'cti-1', state: 'paused', at: '2025-03-10T08:00:00Z' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    const noAgent = await cti({ event: 'agent.state', state: 'available' });
    expect(noAgent.statusCode).toBe(400);
    expect(noAgent.json().error.details[0].field).toBe('agent');
    expect((await cti({ event: 'call.answered' })).json().error.details[0].field).toBe('callId');

    expect((await cti({ event: 'agent.state', agent: 'cti-1', state: 'available', at: '2025-03-10T08:00:00Z' })).json()).toEqual({ agent: 'cti-1', changed: true });
    expect((await cti({ event: 'agent.state', agent: 'cti-1', state: 'paused', reason: 'training', at: '2025-03-10T08:30:00Z' })).statusCode).toBe(200);
    const late = await cti({ event: 'agent.state', agent: 'cti-1', state: 'logged_out', at: '2025-03-10T08:10:00Z' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({ code: 'agent.out_of_order', details: [{ field: 'at' }] });
    // Refused events leave nothing behind; repeated ones are one row of history.
    await cti({ event: 'agent.state', agent: 'cti-1', state: 'paused', reason: 'training', at: '2025-03-10T08:30:00Z' });
    const history = await rows<{ state: string }>(sql`select state from agent_state_events where agent = 'cti-1' order by at`);
    expect(history.map((h) => h.state)).toEqual(['available', 'paused']);
    expect((await rows<{ state: string; reason: string }>(sql`select state, reason from agent_states where agent = 'cti-1'`))[0]).toEqual({ state: 'paused', reason: 'training' });
  });

  it('puts the agent on the call when answered, in after-call work when it ends, and back once the contact is closed; the list shows the call', async () => {
    const headers = await t.signIn('agent', { username: 'cti-mehmet' });
    await cti({ event: 'agent.state', agent: 'SIP/cti-mehmet', state: 'available', at: '2025-03-10T09:00:00Z' });
    await cti({ event: 'call.new', callId: 'agent-call-1', at: '2025-03-10T09:01:00Z', queue: 'alo153', callerNumber: '05321234567' });
    await cti({ event: 'call.answered', callId: 'agent-call-1', at: '2025-03-10T09:01:07Z', agent: 'SIP/cti-mehmet' });
    const supervisor = await t.signIn('supervisor');
    const list = (await t.app.inject({ url: '/api/v1/agents', headers: supervisor })).json().items as { agent: string; state: string; currentCall: unknown }[];
    expect(list.find((a) => a.agent === 'cti-mehmet')).toMatchObject({ state: 'on_call', currentCall: { callId: 'agent-call-1', queue: 'alo153', callerNumber: '905321234567', answeredAt: '2025-03-10T09:01:07.000Z' } });
    await cti({ event: 'call.ended', callId: 'agent-call-1', at: '2025-03-10T09:04:07Z' });
    expect((await t.app.inject({ url: '/api/v1/agents/me', headers })).json()).toMatchObject({ agent: 'cti-mehmet', state: 'wrap_up', since: '2025-03-10T09:04:07.000Z', currentCall: null });
    const [contact] = await rows<{ id: number }>(sql`select id from contacts where external_id = 'agent-call-1'`);
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/console/contacts/${contact!.id}/close`, headers, payload: { outcome: 'other', notes: 'Bilgi verildi' } });
    expect(closed.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/agents/me', headers })).json()).toMatchObject({ agent: 'cti-mehmet', state: 'available', currentCall: null });
  });

  it('keeps the agent on a call closed early until the phone system hangs it up, then makes them available', async () => {
    const headers = await t.signIn('agent', { username: 'cti-elif' });
    await cti({ event: 'call.new', callId: 'agent-call-2', at: '2025-03-11T09:01:00Z', queue: 'alo153', callerNumber: '05321234568' });
    await cti({ event: 'call.answered', callId: 'agent-call-2', at: '2025-03-11T09:01:05Z', agent: 'cti-elif' });
    const [contact] = await rows<{ id: number }>(sql`select id from contacts where external_id = 'agent-call-2'`);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/console/contacts/${contact!.id}/close`, headers, payload: { outcome: 'other', notes: 'Yönlendirildi' } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/agents/me', headers })).json()).toMatchObject({ state: 'on_call' });
    await cti({ event: 'call.ended', callId: 'agent-call-2', at: '2025-03-11T09:03:05Z' });
    expect((await t.app.inject({ url: '/api/v1/agents/me', headers })).json()).toMatchObject({ state: 'available', since: '2025-03-11T09:03:05.000Z' });
  });
});

describe('the console', () => {
  it('lets agents set their own state, a pause with its reason; supervisors see it, unit staff may not', async () => {
    const headers = await t.signIn('agent', { username: 'console-zeynep' });
    expect((await t.app.inject({ url: '/api/v1/agents/me', headers })).json()).toMatchObject({ agent: 'console-zeynep', state: 'logged_out', since: null });
    const bare = await t.app.inject({ method: 'PUT', url: '/api/v1/agents/me/state', headers, payload: { state: 'paused' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('reason');
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/agents/me/state', headers, payload: { state: 'on_call' } })).statusCode).toBe(400);
    const paused = await t.app.inject({ method: 'PUT', url: '/api/v1/agents/me/state', headers, payload: { state: 'paused', reason: 'meeting' } });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ state: 'paused', reason: 'meeting' });
    const list = (await t.app.inject({ url: '/api/v1/agents', headers: await t.signIn('supervisor') })).json().items as { agent: string; state: string; reason: string }[];
    expect(list.find((a) => a.agent === 'console-zeynep')).toMatchObject({ state: 'paused', reason: 'meeting' });
    const [event] = await rows<{ source: string; state: string }>(sql`select source, state from agent_state_events where agent = 'console-zeynep'`);
    expect(event).toEqual({ source: 'console', state: 'paused' });
    expect((await t.app.inject({ url: '/api/v1/agents', headers: await t.signIn('unit_staff') })).statusCode).toBe(403);
  });
});

describe('KPIs per queue and agent, with occupancy', () => {
  it('computes occupancy as handling time over staffed time from the state history', async () => {
    const day = '2025-04-07';
    const e = (hhmm: string) => epoch(`${day}T${hhmm}:00+03:00`);
    // occ-ali: logged in 10:00–11:00, paused 10:30–10:45 (45 min staffed); two calls of 300 s
    // and 600 s talk. occ-veli: logged in 10:00–10:30 with one call of 900 s on another queue.
    const log = [
      `${e('10:00')}|NONE|occ-a|occ-ali|AGENTLOGIN|x`,
      `${e('10:00')}|NONE|occ-b|occ-veli|AGENTLOGIN|x`,
      `${e('10:05')}|o1|occ-a|NONE|ENTERQUEUE||905320000001|1`,
      `${e('10:05') + 10}|o1|occ-a|occ-ali|CONNECT|10|u|1`,
      `${e('10:05') + 310}|o1|occ-a|occ-ali|COMPLETEAGENT|10|300|1`,
      `${e('10:06')}|o3|occ-b|NONE|ENTERQUEUE||905320000003|1`,
      `${e('10:06') + 30}|o3|occ-b|occ-veli|CONNECT|30|u|1`,
      `${e('10:06') + 930}|o3|occ-b|occ-veli|COMPLETECALLER|30|900|1`,
      `${e('10:20')}|o2|occ-a|NONE|ENTERQUEUE||905320000002|1`,
      `${e('10:20') + 4}|o2|occ-a|occ-ali|CONNECT|4|u|1`,
      `${e('10:20') + 604}|o2|occ-a|occ-ali|COMPLETECALLER|4|600|1`,
      `${e('10:22')}|o4|occ-a|NONE|ENTERQUEUE||905320000004|1`,
      `${e('10:22') + 3}|o4|occ-a|NONE|ABANDON|1|1|3`,
      `${e('10:30')}|NONE|occ-a|occ-ali|PAUSE|break`,
      `${e('10:30')}|NONE|occ-b|occ-veli|AGENTLOGOFF|x|1800`,
      `${e('10:45')}|NONE|occ-a|occ-ali|UNPAUSE|`,
      `${e('11:00')}|NONE|occ-a|occ-ali|AGENTLOGOFF|x|3600`,
    ];
    await importQueueLog(t.database.db, log);
    const supervisor = await t.signIn('supervisor');
    const get = async (query: string) => {
      const res = await t.app.inject({ url: `/api/v1/kpis?from=${day}&to=${day}&${query}`, headers: supervisor });
      expect(res.statusCode).toBe(200);
      return res.json().rows as Record<string, unknown>[];
    };
    // Agents of the other tests never logged out: they are staffed all day, and count too.
    const everyone = await get('by=day&group=agent');
    const byAgent = everyone.filter((r) => r.agent === null || String(r.agent).startsWith('occ-'));
    expect(byAgent).toEqual([
      expect.objectContaining({ agent: null, offered: 1, abandoned: 1, shortAbandoned: 1, staffedSeconds: 0, occupancy: null }),
      expect.objectContaining({ agent: 'occ-ali', offered: 2, answered: 2, handleSeconds: 900, staffedSeconds: 2700, occupancy: 900 / 2700, asaSeconds: 7 }),
      expect.objectContaining({ agent: 'occ-veli', offered: 1, answered: 1, handleSeconds: 900, staffedSeconds: 1800, occupancy: 0.5 }),
    ]);
    const [total] = await get('by=day');
    const staffed = everyone.reduce((n, r) => n + Number(r.staffedSeconds), 0);
    const handledByStaffed = everyone.filter((r) => Number(r.staffedSeconds) > 0).reduce((n, r) => n + Number(r.handleSeconds), 0);
    expect(total).toMatchObject({ offered: 4, answered: 3, abandoned: 1, staffedSeconds: staffed, handleSeconds: 1800 });
    expect(total!.occupancy).toBeCloseTo(handledByStaffed / staffed, 12);
    const byQueue = await get('by=day&group=queue');
    expect(byQueue).toEqual([
      expect.objectContaining({ queue: 'occ-a', offered: 3, answered: 2, occupancy: null, staffedSeconds: null }),
      expect.objectContaining({ queue: 'occ-b', offered: 1, answered: 1, occupancy: null }),
    ]);
    const halfHours = await get('by=30min&agent=occ-ali');
    expect(halfHours.map((r) => [r.period, r.offered, r.staffedSeconds])).toEqual([['2025-04-07T10:00', 2, 1800]]);
    const perAgentHalfHours = await get('by=30min&group=agent&agent=occ-ali');
    // 10:30–11:00: paused for 15 minutes, staffed for 15, no calls: occupancy 0.
    expect(perAgentHalfHours.map((r) => [r.period, r.staffedSeconds, r.occupancy])).toEqual([['2025-04-07T10:00', 1800, 0.5], ['2025-04-07T10:30', 900, 0]]);
  });

  it('reads the same figures from the rollup as from the calls, and a new threshold rebuilds it', async () => {
    const from = new Date('2025-04-07T00:00:00+03:00');
    const to = new Date('2025-04-08T00:00:00+03:00');
    const fromRollup = await contactKpis(t.database.db, { from, to, by: 'hour', group: 'queue', timeZone: 'Europe/Istanbul' });
    // A period that is not whole quarter-hours is computed from the calls themselves.
    const fromCalls = await contactKpis(t.database.db, { from: new Date(from.getTime() - 1000), to, by: 'hour', group: 'queue', timeZone: 'Europe/Istanbul' });
    expect(fromCalls).toEqual(fromRollup);
    const admin = await t.signIn('admin');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/kpis/limits', headers: admin, payload: { thresholdSeconds: -1, shortAbandonSeconds: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('thresholdSeconds');
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/kpis/limits', headers: await t.signIn('agent'), payload: { thresholdSeconds: 5, shortAbandonSeconds: 2 } })).statusCode).toBe(403);
    const changed = await t.app.inject({ method: 'PUT', url: '/api/v1/kpis/limits', headers: admin, payload: { thresholdSeconds: 5, shortAbandonSeconds: 2 } });
    expect(changed.json()).toEqual({ thresholdSeconds: 5, shortAbandonSeconds: 2 });
    const res = await t.app.inject({ url: '/api/v1/kpis?from=2025-04-07&to=2025-04-07&by=day&queue=occ-a', headers: admin });
    // Waits 10 and 4 s: only the second is within 5 s now; the abandon after 3 s is no longer short.
    expect(res.json()).toMatchObject({ thresholdSeconds: 5, shortAbandonSeconds: 2, rows: [{ offered: 3, serviceLevel: 1 / 3, shortAbandoned: 0 }] });
    const [rolled] = await rows<{ within: number }>(sql`select sum(within_threshold)::int as within from contact_rollup where queue = 'occ-a'`);
    expect(rolled!.within).toBe(1);
    await t.app.inject({ method: 'PUT', url: '/api/v1/kpis/limits', headers: admin, payload: { thresholdSeconds: 20, shortAbandonSeconds: 5 } });
  });

  it('keeps the rollup right when a call is changed by the webhook', async () => {
    await cti({ event: 'call.new', callId: 'roll-1', at: '2025-05-01T07:00:00Z', queue: 'roll' });
    const kpi = async () => (await contactKpis(t.database.db, { from: new Date('2025-05-01T00:00:00+03:00'), to: new Date('2025-05-02T00:00:00+03:00'), by: 'day', queue: 'roll', timeZone: 'Europe/Istanbul' }))[0];
    expect(await kpi()).toMatchObject({ offered: 1, answered: 0, abandoned: 0 });
    await cti({ event: 'call.ended', callId: 'roll-1', at: '2025-05-01T07:00:03Z' });
    expect(await kpi()).toMatchObject({ offered: 1, answered: 0, abandoned: 1, shortAbandoned: 1, longestWaitSeconds: 3 });
  });
});
