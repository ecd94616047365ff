/**
 * Messages without a provider (DEV_OUTBOX, SMS_URL, SMTP_URL): in development mode the portal's
 * code goes to the development outbox, which administrators read, and into the log with the
 * number masked; a server in production without an SMS provider refuses to ask for a code it
 * could never deliver, and its portal says so.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { messageLines } from '../src/cli/serve-command.js';
import { NOTICE_VERSION } from '../src/app/portal/notice.js';
import { outbox, portalChallenges } from '../src/db/schema.js';
import { dispatchOnce } from '../src/workers/dispatcher.js';
import { sendersFromConfig } from '../src/workers/index.js';
import { useTestApp, withTestApp, type TestContext } from './harness.js';

const logLines: string[] = [];
let t: TestContext;
let admin: Record<string, string>;
let categoryId: number;
let atakum: number;

useTestApp(async (started) => {
  t = started;
  admin = await t.signIn('admin');
  const cats = await t.app.inject('/api/v1/portal/categories');
  categoryId = cats.json().items.find((c: { code: string }) => c.code === 'su-arizasi').id;
  const districts = await t.app.inject('/api/v1/portal/districts');
  atakum = districts.json().items.find((d: { name: string }) => d.name === 'Atakum').id;
}, { logStream: { write: (line) => void logLines.push(line) } });

const submission = (phone: string) => ({
  categoryId,
  description: 'Körfez Mahallesi 12. sokakta boru patladı, yola su akıyor.',
  districtId: atakum,
  phone,
  email: 'gelistirme@example.org',
  consent: true,
  noticeVersion: NOTICE_VERSION,
});

describe('development mode (the default on PGlite)', () => {
  it('is on without DATABASE_URL unless NODE_ENV=production, off with DATABASE_URL, and DEV_OUTBOX decides when given', () => {
    expect(loadConfig({}).devOutbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).devOutbox).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.example.org/cozum' }).devOutbox).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db.example.org/cozum', DEV_OUTBOX: 'true' }).devOutbox).toBe(true);
    expect(loadConfig({ DEV_OUTBOX: 'false' }).devOutbox).toBe(false);
    expect(() => loadConfig({ DEV_OUTBOX: 'maybe' })).toThrow('DEV_OUTBOX="maybe" is invalid: expected true or false');
  });

  it('says at start where messages go', () => {
    const address = 'http://127.0.0.1:3153';
    expect(messageLines(loadConfig({}), address)).toEqual([
      'SMS: development mode (DEV_OUTBOX) — nothing is sent; messages appear at http://127.0.0.1:3153/admin/dev-outbox (admin) and portal codes in this log',
      'E-mail: development mode (DEV_OUTBOX) — nothing is sent; messages appear at http://127.0.0.1:3153/admin/dev-outbox (admin)',
    ]);
    expect(messageLines(loadConfig({ NODE_ENV: 'production' }), address)).toEqual([
      'SMS: no provider (SMS_URL is not set) — the citizen portal says sign-in by SMS is not available; other SMS wait in the outbox',
      'E-mail: no mail server (SMTP_URL is not set) — e-mail waits in the outbox',
    ]);
    expect(messageLines(loadConfig({ SMS_URL: 'https://sms.example.org/send', SMTP_URL: 'smtp://mail.example.org:587', SMS_PROVIDER: 'netgsm' }), address)).toEqual([
      'SMS: sent through the netgsm provider at sms.example.org',
      'E-mail: sent through mail.example.org:587',
    ]);
  });

  it('keeps the portal code in the development outbox for admins, and prints it in the log with the number masked', async () => {
    expect((await t.app.inject('/api/v1/portal/config')).json().sms).toBe('development');
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers: { 'x-forwarded-for': '198.51.100.201' }, payload: submission('0532 700 55 67') });
    expect(started.statusCode, started.body).toBe(201);

    // The dispatcher's development sender takes the SMS (and the e-mail nobody could send).
    const pass = await dispatchOnce(t.database.db, sendersFromConfig(t.config));
    expect(pass.sent).toBeGreaterThanOrEqual(1);
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'sms'));
    expect(rows.map((r) => [r.status, r.devOutbox])).toEqual([['sent', true]]);

    const res = await t.app.inject({ url: '/api/v1/dev-outbox', headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ sms: 'development', email: 'development' });
    const sms = body.items.find((m: { kind: string }) => m.kind === 'sms');
    expect(sms).toMatchObject({ kind: 'sms', to: '905327005567', subject: null, trackingNo: null });
    const code = /(\d{6})/.exec(sms.text)![1]!;

    // The log has the code beside the masked number, and the number nowhere in full.
    const line = logLines.find((l) => l.includes('portal code for'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ devOutbox: true, msg: `portal code for 0532 *** ** 67: ${code}` });
    expect(logLines.join('\n')).not.toMatch(/905327005567|0532 700 55 67|5327005567/);

    // The code from the log confirms the request; its confirmation SMS and e-mail land in the development outbox too.
    const confirmed = await t.app.inject({ method: 'POST', url: `/api/v1/portal/submissions/${started.json().submissionId}/confirm`, headers: { 'x-forwarded-for': '198.51.100.201' }, payload: { code } });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const trackingNo = confirmed.json().trackingNo;
    await dispatchOnce(t.database.db, sendersFromConfig(t.config));
    const after = (await t.app.inject({ url: '/api/v1/dev-outbox', headers: admin })).json();
    const aboutRequest = after.items.filter((m: { trackingNo: string | null }) => m.trackingNo === trackingNo);
    expect(aboutRequest.map((m: { kind: string }) => m.kind).sort()).toEqual(['email', 'sms']);
    const email = aboutRequest.find((m: { kind: string }) => m.kind === 'email');
    expect(email.to).toBe('gelistirme@example.org');
    expect(email.subject).toContain(trackingNo);
    // Newest first.
    expect(after.items.map((m: { id: number }) => m.id)).toEqual([...after.items.map((m: { id: number }) => m.id)].sort((a: number, b: number) => b - a));
  });

  it('says in the log, for a sign-in with a number nobody used, that no code went', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/portal/sign-in', headers: { 'x-forwarded-for': '198.51.100.202' }, payload: { phone: '0532 700 55 99' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(logLines.some((l) => l.includes('portal code for 0532 *** ** 99: none sent'))).toBe(true);
  });

  it('opens the development outbox to admins only', async () => {
    for (const role of ['agent', 'supervisor', 'auditor'] as const) {
      const res = await t.app.inject({ url: '/api/v1/dev-outbox', headers: await t.signIn(role) });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await t.app.inject({ url: '/api/v1/dev-outbox' })).statusCode).toBe(401);
  });
});

describe('production without an SMS provider', () => {
  it('refuses to ask for a code with portal.sms_unavailable, queues nothing, and has no development outbox', async () => {
    await withTestApp({ config: { devOutbox: false } }, async (prod) => {
      expect((await prod.app.inject('/api/v1/portal/config')).json().sms).toBe('unavailable');
      const submitted = await prod.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', payload: submission('0532 700 55 68') });
      expect(submitted.statusCode, submitted.body).toBe(503);
      expect(submitted.json().error.code).toBe('portal.sms_unavailable');
      expect(submitted.json().error.message).toContain('sign-in by SMS is not available on this server');
      const signIn = await prod.app.inject({ method: 'POST', url: '/api/v1/portal/sign-in', payload: { phone: '0532 700 55 68', trackingNo: '2026-0000001' } });
      expect(signIn.statusCode, signIn.body).toBe(503);
      expect(signIn.json().error.code).toBe('portal.sms_unavailable');
      expect(await prod.database.db.select().from(portalChallenges)).toEqual([]);
      expect(await prod.database.db.select().from(outbox)).toEqual([]);

      const off = await prod.app.inject({ url: '/api/v1/dev-outbox', headers: await prod.signIn('admin') });
      expect(off.statusCode).toBe(404);
      expect(off.json().error.code).toBe('dev_outbox.off');
    });
  });

  it('with a provider, sends codes through it and prints none in the log', async () => {
    const lines: string[] = [];
    await withTestApp({ config: { smsUrl: 'http://127.0.0.1:9/sms' }, logStream: { write: (line) => void lines.push(line) } }, async (withProvider) => {
      expect((await withProvider.app.inject('/api/v1/portal/config')).json().sms).toBe('provider');
      const started = await withProvider.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', payload: submission('0532 700 55 69') });
      expect(started.statusCode, started.body).toBe(201);
      expect(await withProvider.database.db.select({ kind: outbox.kind }).from(outbox)).toEqual([{ kind: 'sms' }]);
      expect(lines.some((l) => l.includes('portal code for'))).toBe(false);
    });
  });
});
