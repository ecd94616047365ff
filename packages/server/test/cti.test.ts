import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { contacts } from '../src/db/schema.js';
import { useTestApp, withTestApp, type TestContext } from './harness.js';

const TOKEN = 'pbx-token-0123456789';
let t: TestContext;
useTestApp((started) => (t = started), { config: { ctiToken: TOKEN } });

const send = (body: object, token = TOKEN) => t.app.inject({ method: 'POST', url: '/api/v1/cti/events', headers: { authorization: `Bearer ${token}` }, payload: body });

describe('CTI webhook', () => {
  it('records a call from arrival to hang-up, once, whatever is repeated', async () => {
    expect((await send({ event: 'call.new', callId: 'pbx-1', at: '2025-03-10T07:00:00Z', queue: 'alo153', callerNumber: '0532 999 88 77' })).json()).toMatchObject({ changed: true });
    expect((await send({ event: 'call.new', callId: 'pbx-1', at: '2025-03-10T07:00:00Z' })).json()).toMatchObject({ changed: false });
    expect((await send({ event: 'call.answered', callId: 'pbx-1', at: '2025-03-10T07:00:12Z', agent: 'ayse' })).statusCode).toBe(200);
    expect((await send({ event: 'call.ended', callId: 'pbx-1', at: '2025-03-10T07:03:12Z' })).statusCode).toBe(200);
    expect((await send({ event: 'call.ended', callId: 'pbx-1', at: '2025-03-10T07:03:12Z' })).json()).toMatchObject({ changed: false });
    const rows = await t.database.db.select().from(contacts).where(eq(contacts.externalId, 'pbx-1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ callerNumber: '905329998877', waitSeconds: 12, talkSeconds: 180, exitReason: 'answered', agentName: 'ayse' });
  });

  it('records an unanswered hang-up as abandoned with its wait', async () => {
    await send({ event: 'call.new', callId: 'pbx-2', at: '2025-03-10T08:00:00Z' });
    await send({ event: 'call.ended', callId: 'pbx-2', at: '2025-03-10T08:00:40Z' });
    const [row] = await t.database.db.select().from(contacts).where(eq(contacts.externalId, 'pbx-2'));
    expect(row).toMatchObject({ exitReason: 'abandoned', waitSeconds: 40, answeredAt: null });
  });

  it('refuses a wrong token with 401, and unknown or out-of-order calls with a clear error', async () => {
    const wrong = await send({ event: 'call.new', callId: 'x' }, 'not-the-token-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toContain('CTI token');
    const unknown = await send({ event: 'call.answered', callId: 'never-seen' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('send call.new first');
    await send({ event: 'call.new', callId: 'pbx-3', at: '2025-03-10T09:00:00Z' });
    const early = await send({ event: 'call.answered', callId: 'pbx-3', at: '2025-03-10T08:59:00Z' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].field).toBe('at');
  });

  it('is closed when no token is configured', async () => {
    await withTestApp({}, async (closed) => {
      const res = await closed.app.inject({ method: 'POST', url: '/api/v1/cti/events', headers: { authorization: 'Bearer anything-long-enough' }, payload: { event: 'call.new', callId: 'x' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toContain('closed');
    });
  });
});
