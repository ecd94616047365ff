/**
 * The live contact centre: the wallboard (snapshot and stream, across server processes), the
 * agent console's screen-pop and one-step close, and the week's staffing from the forecast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { categories, contacts, kbArticles, users } from '../src/db/schema.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { buildServer } from '../src/http/server.js';
import { testEngine } from './engines.js';
import { listenOnLoopback, useTestApp, withTestApp, type TestContext } from './harness.js';
import { openSse, type SseClient } from './sse.js';

const TOKEN = 'pbx-token-0123456789';
let t: TestContext;
let base: string;
let supervisor: Record<string, string>;
let agent: Record<string, string>;
let agentId: number;
let articleId: number;
const open: SseClient[] = [];

useTestApp(async (started) => {
  t = started;
  base = await listenOnLoopback(t.app);
  supervisor = await t.signIn('supervisor');
  agent = await t.signIn('agent', { username: 'ayse' });
  agentId = (await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'ayse')))[0]!.id;
  const [article] = await t.database.db.insert(kbArticles).values({ titleTr: 'Çöp konteyneri talebi', bodyTr: 'Konteyner talepleri Temizlik İşleri Daire Başkanlığına iletilir.' }).returning({ id: kbArticles.id });
  articleId = article!.id;
}, { config: { ctiToken: TOKEN } });
// Registered after the server's own hooks, so it runs before the server closes.
afterAll(() => {
  for (const c of open) c.close();
});

const cti = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/cti/events', headers: { authorization: `Bearer ${TOKEN}` }, payload: body });
const sse = async (path: string, headers: Record<string, string>, at = base) => {
  const client = await openSse(`${at}${path}`, headers);
  open.push(client);
  return client;
};
type Board = { waiting: { calls: number; longestWaitSeconds: number }; today: { offered: number; answered: number; informationGiven: number; instantInformationShare: number | null }; agents: { state: string; count: number }[] };
const board = (e: { data: unknown }) => e.data as Board;
const close = (contactId: number, body: object, headers = agent) => t.app.inject({ method: 'POST', url: `/api/v1/console/contacts/${contactId}/close`, headers, payload: body });

describe('wallboard and console', () => {
  it('pops the caller on the agent console and moves the wallboard, call by call', async () => {
    // The caller has a request on record: the screen-pop shows it with where it stands.
    const [category] = await t.database.db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'su-arizasi'));
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId: category!.id, description: 'Sokakta boru patladı, su akıyor', channel: 'phone', citizen: { fullName: 'Zeynep Kaya', phone: '0532 444 55 66' } } });
    expect(made.statusCode).toBe(201);

    const wall = await sse('/api/v1/wallboard/stream', supervisor);
    // The stream keeps the security headers every other response carries.
    expect(wall.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(wall.headers.get('x-content-type-options')).toBe('nosniff');
    expect(wall.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    const first = board(await wall.next((e) => e.event === 'wallboard'));
    const console = await sse('/api/v1/console/stream', agent);
    expect((await console.next((e) => e.event === 'call')).data).toEqual({ call: null, history: null });

    const sent = Date.now();
    await cti({ event: 'call.new', callId: 'live-1', queue: 'alo153', callerNumber: '05324445566' });
    const waiting = board(await wall.next((e) => board(e).waiting.calls === 1));
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(waiting.today.offered).toBe(first.today.offered + 1);

    await cti({ event: 'call.answered', callId: 'live-1', agent: 'ayse' });
    const pop = (await console.next((e) => e.event === 'call' && (e.data as { call: unknown }).call !== null)).data as {
      call: { contactId: number; callerNumber: string; source: string };
      history: { citizens: { fullName: string }[]; requests: { trackingNo: string; status: string }[]; contacts: unknown[] };
    };
    expect(pop.call).toMatchObject({ callerNumber: '905324445566', source: 'telephony' });
    expect(pop.history.citizens[0]!.fullName).toBe('Zeynep Kaya');
    expect(pop.history.requests).toEqual([expect.objectContaining({ trackingNo: made.json().trackingNo, status: 'new' })]);
    const answered = board(await wall.next((e) => board(e).today.answered === first.today.answered + 1));
    expect(answered.waiting.calls).toBe(0);
    expect(answered.agents).toContainEqual({ state: 'on_call', count: 1 });

    // The same call as a snapshot, for a console that was not listening.
    const snapshot = await t.app.inject({ url: '/api/v1/console/call', headers: agent });
    expect(snapshot.json().call.contactId).toBe(pop.call.contactId);

    // Closed with the article in one step: the article's use count and the instant-information share go up.
    const missing = await close(pop.call.contactId, { outcome: 'information_given' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('kbArticleId');
    const other = await t.signIn('agent');
    expect((await close(pop.call.contactId, { outcome: 'information_given', kbArticleId: articleId }, other)).statusCode).toBe(403);
    expect((await close(pop.call.contactId, { outcome: 'information_given', kbArticleId: articleId })).statusCode).toBe(200);
    const again = await close(pop.call.contactId, { outcome: 'other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already closed as information_given');
    const informed = board(await wall.next((e) => board(e).today.informationGiven === first.today.informationGiven + 1));
    expect(informed.today.instantInformationShare).toBeGreaterThan(0);
    await console.next((e) => e.event === 'call' && (e.data as { call: unknown }).call === null);
    const [article] = await t.database.db.select({ useCount: kbArticles.useCount }).from(kbArticles).where(eq(kbArticles.id, articleId));
    expect(article!.useCount).toBe(1);
    const [row] = await t.database.db.select().from(contacts).where(eq(contacts.id, pop.call.contactId));
    expect(row).toMatchObject({ outcome: 'information_given', kbArticleId: articleId, agentId, endedAt: null });
  });

  it('takes a call by hand with the caller number, one at a time, and ends it when closed', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/console/calls', headers: agent, payload: { callerNumber: 'abc-def' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('callerNumber');
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/console/calls', headers: agent, payload: { callerNumber: '0532 777 88 99' } });
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toMatchObject({ source: 'manual', callerNumber: '905327778899' });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/console/calls', headers: agent, payload: { callerNumber: '0532 777 88 00' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('still open');
    expect((await close(taken.json().contactId, { outcome: 'callback_scheduled', notes: 'Yarın aranacak', wrapSeconds: 30 })).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(contacts).where(eq(contacts.id, taken.json().contactId));
    expect(row!.endedAt).not.toBeNull();
    expect(row).toMatchObject({ outcome: 'callback_scheduled', wrapSeconds: 30, notes: 'Yarın aranacak' });
    expect((await t.app.inject({ url: '/api/v1/console/call', headers: agent })).json().call).toBeNull();
  });

  it("pushes the agent's own state on the console stream: on a call, after-call work, available, and the current one on reconnect", async () => {
    const headers = await t.signIn('agent', { username: 'canan' });
    const mine = await sse('/api/v1/console/stream', headers);
    const stateOf = (e: { event: string; data: unknown }) => (e.event === 'agent' ? (e.data as { state: string }).state : null);
    /** The next state the stream sends after what it has sent so far. */
    const nextState = (client: SseClient, state: string) => {
      const from = client.events.length;
      return client.next((e) => client.events.indexOf(e) >= from && stateOf(e) === state);
    };
    expect(stateOf(await mine.next((e) => e.event === 'agent'))).toBe('logged_out');
    let shown = nextState(mine, 'available');
    await t.app.inject({ method: 'PUT', url: '/api/v1/agents/me/state', headers, payload: { state: 'available' } });
    await shown;

    // A call by hand: on it at once, available again when closed.
    shown = nextState(mine, 'on_call');
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/console/calls', headers, payload: { callerNumber: '0532 555 66 77' } });
    expect(taken.statusCode).toBe(201);
    await shown;
    shown = nextState(mine, 'available');
    expect((await close(taken.json().contactId, { outcome: 'other', notes: 'Bilgi verildi' }, headers)).statusCode).toBe(200);
    await shown;

    // A call from the phone system: answered (on the call), hung up (after-call work).
    shown = nextState(mine, 'on_call');
    await cti({ event: 'call.new', callId: 'state-1', queue: 'alo153', callerNumber: '05325556600' });
    await cti({ event: 'call.answered', callId: 'state-1', agent: 'canan' });
    await shown;
    shown = nextState(mine, 'wrap_up');
    await cti({ event: 'call.ended', callId: 'state-1' });
    await shown;

    // A console that connects again (a refresh) is told the state now, then closes the call.
    const again = await sse('/api/v1/console/stream', headers);
    expect(stateOf(await again.next((e) => e.event === 'agent'))).toBe('wrap_up');
    const pop = (await again.next((e) => e.event === 'call')).data as { call: { contactId: number; endedAt: string | null } };
    expect(pop.call.endedAt).not.toBeNull();
    shown = nextState(again, 'available');
    expect((await close(pop.call.contactId, { outcome: 'other', notes: 'Bilgi verildi' }, headers)).statusCode).toBe(200);
    await shown;
    expect((await t.app.inject({ url: '/api/v1/agents/me', headers })).json().state).toBe('available');
  });

  it('shows agents by state as they change it, pushed to the wallboard', async () => {
    const bora = await t.signIn('agent', { username: 'bora' });
    const wall = await sse('/api/v1/wallboard/stream', supervisor);
    // Agents of the tests before keep their states: counted from what the wall showed first.
    const before = board(await wall.next((e) => e.event === 'wallboard'));
    const count = (b: Board, state: string) => b.agents.find((a) => a.state === state)?.count ?? 0;
    const paused = await t.app.inject({ method: 'PUT', url: '/api/v1/agents/me/state', headers: bora, payload: { state: 'paused', reason: 'training' } });
    expect(paused.statusCode).toBe(200);
    const shown = board(await wall.next((e) => count(board(e), 'paused') === count(before, 'paused') + 1));
    expect(count(shown, 'available')).toBe(count(before, 'available'));
    await t.app.inject({ method: 'PUT', url: '/api/v1/agents/me/state', headers: bora, payload: { state: 'available' } });
    await wall.next((e) => count(board(e), 'available') === count(before, 'available') + 1 && count(board(e), 'paused') === count(before, 'paused'));
  });

  it('keeps the wallboard to supervisors and the console to those who record contacts', async () => {
    expect((await t.app.inject({ url: '/api/v1/wallboard', headers: agent })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/wallboard' })).statusCode).toBe(401);
    const unit = await t.signIn('unit_staff');
    expect((await t.app.inject({ url: '/api/v1/console/call', headers: unit })).statusCode).toBe(403);
    const snapshot = await t.app.inject({ url: '/api/v1/wallboard?thresholdSeconds=30', headers: supervisor });
    expect(snapshot.statusCode).toBe(200);
    expect(snapshot.json().thresholdSeconds).toBe(30);
  });
});

describe.runIf(testEngine() === 'postgresql')('several server processes on one PostgreSQL', () => {
  let second: { app: FastifyInstance; database: Database; base: string } | null = null;
  beforeAll(async () => {
    const database = await openDatabase({ databaseUrl: t.database.pool!.options.connectionString!, dataDir: null });
    const app = await buildServer({ config: t.config, database, now: () => new Date(), webDist: null });
    second = { app, database, base: await listenOnLoopback(app) };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.database.close();
  });

  it('an event written through one process reaches a wallboard on another within a second, also after its listening connection drops', async () => {
    const other = second!.base;
    const wall = await sse('/api/v1/wallboard/stream', supervisor, other);
    const before = board(await wall.next((e) => e.event === 'wallboard'));

    let sent = Date.now();
    expect((await cti({ event: 'call.new', callId: 'multi-1', queue: 'alo153', callerNumber: '05320001122' })).statusCode).toBe(200);
    const after = await wall.next((e) => board(e).today.offered === before.today.offered + 1);
    expect(after.at - sent).toBeLessThan(1000);

    // The database drops the second process's listening connection: it reconnects by itself.
    const killed = (await t.database.db.execute(sql`select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = 'cozum-live' and datname = current_database()`)) as unknown as { rows: unknown[] };
    expect(killed.rows.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    sent = Date.now();
    await cti({ event: 'call.new', callId: 'multi-2', queue: 'alo153', callerNumber: '05320001133' });
    const later = await wall.next((e) => board(e).today.offered === before.today.offered + 2);
    expect(later.at - sent).toBeLessThan(1000);
  });
});

describe('staffing week', () => {
  it('forecasts each weekday and half hour from the mean of the last weeks and staffs it', async () => {
    const fixed = new Date('2026-03-12T09:00:00Z'); // Thursday 12:00 in Türkiye
    await withTestApp({ now: () => fixed }, async (staffing) => {
      const headers = await staffing.signIn('supervisor');
      // Mondays 10:00–10:30 local (07:00 UTC): 40, 60, 80, 20 calls over the last four weeks; one
      // older Monday that a four-week forecast must leave out.
      const mondays = ['2026-03-09', '2026-03-02', '2026-02-23', '2026-02-16', '2026-02-09'];
      const counts = [40, 60, 80, 20, 500];
      const rows = mondays.flatMap((day, w) =>
        Array.from({ length: counts[w]! }, (_, i) => ({ channel: 'phone' as const, externalId: `f-${day}-${i}`, offeredAt: new Date(`${day}T07:${String(i % 30).padStart(2, '0')}:00Z`), answeredAt: new Date(`${day}T07:${String(i % 30).padStart(2, '0')}:10Z`), waitSeconds: 10, talkSeconds: 170, wrapSeconds: 10, exitReason: 'answered' })),
      );
      await staffing.database.db.insert(contacts).values(rows);
      const res = await staffing.app.inject({ url: '/api/v1/staffing/week?weeks=4&targetServiceLevel=0.8&targetSeconds=20&maxOccupancy=0.85&shrinkage=0.3', headers });
      expect(res.statusCode).toBe(200);
      const week = res.json();
      expect(week.arrivals[0][20]).toBe(50);
      expect(week.arrivals[0][21]).toBe(0);
      expect(week.arrivals[1][20]).toBe(0);
      expect(week.ahtSeconds).toBe(180);
      expect(week.ahtMeasured).toBe(true);
      expect(week.model).toBe('erlang-c');
      // 50 calls of 180 s in 30 minutes are 5 Erlangs: Erlang C needs 8 agents for 80 % in 20 s
      // (7 give 74 %), and 30 % shrinkage makes 12 to schedule.
      expect(week.agents[0][20]).toBe(8);
      expect(week.staffed[0][20]).toBe(12);
      expect(week.agents[2][5]).toBe(0);
      expect(week.peakStaffed).toBe(12);

      const patient = (await staffing.app.inject({ url: '/api/v1/staffing/week?weeks=4&patienceSeconds=60', headers })).json();
      expect(patient.model).toBe('erlang-a');
      // Callers who hang up after a minute on average lighten the queue: 7 agents reach 87 %.
      expect(patient.agents[0][20]).toBe(7);

      const wrong = await staffing.app.inject({ url: '/api/v1/staffing/week?targetServiceLevel=80', headers });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toContain('targetServiceLevel');
      expect((await staffing.app.inject({ url: '/api/v1/staffing/week', headers: await staffing.signIn('agent') })).statusCode).toBe(403);
    });
  });
});
