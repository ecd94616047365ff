/**
 * Security as an attacker or a careful user meets it: two-factor sign-in, sessions that end
 * when rights change or an admin says so, rate limits per client address, security headers,
 * strict CORS, and personal data kept out of the logs.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, proofText } from '@cozum/domain';
import { and, eq } from 'drizzle-orm';
import { auditLog, users } from '../src/db/schema.js';
import type { Config } from '../src/config.js';
import { createUser } from '../src/app/users.js';
import { base32Decode, hotp, totpCode, totpStep } from '../src/app/totp.js';
import { sessionCookie, useTestApp, withTestApp, type TestContext } from './harness.js';

let t: TestContext;
let clock = new Date('2026-11-02T09:00:00Z');
useTestApp((started) => (t = started), { now: () => clock, config: { corsOrigins: ['https://harita.samsun.bel.tr'] }, timeout: 120_000 });

const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
// Each sign-in from its own address, so the per-address rate limit tested below stays out of the way.
let address = 0;
const login = (username: string, password: string, extra: object = {}, remoteAddress = `10.1.${++address >> 8}.${address & 255}`) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...extra }, remoteAddress });
const withCookie = (cookie: string) => ({ cookie, 'x-cozum-csrf': '1' });

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors', () => {
    // RFC 4226 appendix D (HOTP, the same secret) and RFC 6238 appendix B at T = 59 s (SHA-1, 8 digits → last 6).
    const secret = Buffer.from('12345678901234567890');
    expect(hotp(secret, 0)).toBe('755224');
    expect(hotp(secret, 9)).toBe('520489');
    expect(totpCode(secret, new Date(59_000))).toBe('287082');
    expect(totpCode(secret, new Date(1111111109_000))).toBe('081804');
  });

  it('enrols with an otpauth URI and a confirmation code, then asks for a code at every sign-in', async () => {
    await createUser(t.database.db, null, { username: 'ikili', displayName: 'İki Adım', password: 'uzun-bir-parola-1', role: 'supervisor' });
    const first = await login('ikili', 'uzun-bir-parola-1');
    expect(first.statusCode).toBe(200);
    const me = withCookie(sessionCookie(first));

    const start = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrolment', headers: me });
    expect(start.statusCode).toBe(201);
    const { secret, otpauthUri } = start.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/%C3%87%C3%B6z%C3%BCm%3Aikili\?secret=[A-Z2-7]+&issuer=%C3%87%C3%B6z%C3%BCm&algorithm=SHA1&digits=6&period=30$/);
    const key = base32Decode(secret);
    expect(key.length).toBe(20);
    // Not on until confirmed: sign-in still works without a code.
    expect((await login('ikili', 'uzun-bir-parola-1')).statusCode).toBe(200);

    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirmation', headers: me, payload: { code: hotp(key, totpStep(clock) + 5) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('code');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirmation', headers: me, payload: { code: totpCode(key, clock) } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ enabled: true, pending: false });

    const noCode = await login('ikili', 'uzun-bir-parola-1');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('totp_required');
    expect(noCode.cookies.find((c) => c.name === 'cozum_session')).toBeUndefined();
    // The code used to confirm is spent.
    const replay = await login('ikili', 'uzun-bir-parola-1', { totpCode: totpCode(key, clock) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('totp_invalid');
    tick(30);
    const good = await login('ikili', 'uzun-bir-parola-1', { totpCode: totpCode(key, clock) });
    expect(good.statusCode, good.body).toBe(200);
    const wrongPassword = await login('ikili', 'yanlis-parola', { totpCode: '000000' });
    expect(wrongPassword.json().error.code).toBe('invalid_credentials');

    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.actorName, 'ikili'))).map((a) => a.action);
    expect(actions).toContain('auth.totp_enabled');
    expect(actions.filter((a) => a === 'auth.login_failed').length).toBeGreaterThanOrEqual(2);
  });

  it('makes guessing codes dear after five wrong ones, without locking the owner out', async () => {
    await createUser(t.database.db, null, { username: 'tahminci', displayName: 'T', password: 'uzun-bir-parola-2', role: 'agent' });
    const me = withCookie(sessionCookie(await login('tahminci', 'uzun-bir-parola-2')));
    const key = base32Decode((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrolment', headers: me })).json().secret);
    tick(30);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirmation', headers: me, payload: { code: totpCode(key, clock) } })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await login('tahminci', 'uzun-bir-parola-2', { totpCode: hotp(key, totpStep(clock) + 10 + i) });
    tick(30);
    const unproven = await login('tahminci', 'uzun-bir-parola-2', { totpCode: totpCode(key, clock) });
    expect(unproven.statusCode).toBe(429);
    expect(unproven.json().error.code).toBe('proof_of_work.required');
    const { challenge, bits } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/proof-of-work', payload: { username: 'tahminci' } })).json();
    let nonce = 0;
    while (leadingZeroBits(crypto.createHash('sha256').update(proofText(challenge, String(nonce))).digest()) < bits) nonce++;
    const owner = await login('tahminci', 'uzun-bir-parola-2', { totpCode: totpCode(key, clock), proof: { challenge, nonce: String(nonce) } });
    expect(owner.statusCode, owner.body).toBe(200);
  });

  it('lets an administrator reset a lost authenticator', async () => {
    await createUser(t.database.db, null, { username: 'kayip', displayName: 'K', password: 'uzun-bir-parola-3', role: 'agent' });
    const me = withCookie(sessionCookie(await login('kayip', 'uzun-bir-parola-3')));
    const key = base32Decode((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrolment', headers: me })).json().secret);
    tick(30);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/confirmation', headers: me, payload: { code: totpCode(key, clock) } });
    const selfOff = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/disable', headers: me, payload: {} });
    expect(selfOff.statusCode).toBe(400);
    const admin = await t.signIn('admin');
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'kayip'));
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${u!.id}/totp`, headers: admin })).statusCode).toBe(204);
    expect((await login('kayip', 'uzun-bir-parola-3')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('ends a user\'s sessions when an administrator changes their role', async () => {
    const admin = await t.signIn('admin');
    const user = await createUser(t.database.db, null, { username: 'terfi', displayName: 'T', password: 'uzun-bir-parola-4', role: 'agent' });
    const cookie = sessionCookie(await login('terfi', 'uzun-bir-parola-4'));
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: admin, payload: { role: 'supervisor' } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('lets an administrator list and revoke a user\'s sessions', async () => {
    const admin = await t.signIn('admin');
    const user = await createUser(t.database.db, null, { username: 'dizustu', displayName: 'D', password: 'uzun-bir-parola-5', role: 'agent' });
    const cookies = [sessionCookie(await login('dizustu', 'uzun-bir-parola-5')), sessionCookie(await login('dizustu', 'uzun-bir-parola-5'))];
    const list = await t.app.inject({ url: `/api/v1/users/${user.id}/sessions`, headers: admin });
    expect(list.json().items).toHaveLength(2);
    expect(JSON.stringify(list.json())).not.toContain(cookies[0]!.split('=')[1]);
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/sessions/revocation`, headers: admin });
    expect(revoked.json()).toEqual({ revoked: 2 });
    for (const cookie of cookies) expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const logged = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sessions_revoked'), eq(auditLog.subjectId, String(user.id))));
    expect(logged).toHaveLength(1);
  });

  it('expires a session after SESSION_TTL_HOURS without activity', async () => {
    await createUser(t.database.db, null, { username: 'uykucu', displayName: 'U', password: 'uzun-bir-parola-6', role: 'agent' });
    const cookie = sessionCookie(await login('uykucu', 'uzun-bir-parola-6'));
    tick(t.config.sessionTtlHours * 3600 + 1);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts per client address, not per claimed address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `kimse-${i}`, password: 'x' }, remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await login('kimse-0', 'x', {}, '203.0.113.8')).statusCode).toBe(401);
  });
});

describe('headers', () => {
  it('sends security headers on API answers and pages', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('gives other origins no CORS access, listed origins access with credentials, and Open311 reads to anyone', async () => {
    const evil = await t.app.inject({ url: '/api/v1/auth/me', headers: { origin: 'https://evil.example' } });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/requests', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const listed = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/requests', headers: { origin: 'https://harita.samsun.bel.tr', 'access-control-request-method': 'POST' } });
    expect(listed.headers['access-control-allow-origin']).toBe('https://harita.samsun.bel.tr');
    expect(listed.headers['access-control-allow-credentials']).toBe('true');
    const open311 = await t.app.inject({ url: '/open311/v2/services.json', headers: { origin: 'https://evil.example' } });
    expect(open311.headers['access-control-allow-origin']).toBe('*');
    expect(open311.headers['access-control-allow-credentials']).toBeUndefined();
    const open311Post = await t.app.inject({ method: 'OPTIONS', url: '/open311/v2/requests.json', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(open311Post.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** A server of the test's own, logging at `logLevel` into `lines` for the test to read. */
function withLogLines(logLevel: Config['logLevel'], use: (logged: TestContext, lines: string[]) => Promise<void>): Promise<void> {
  const lines: string[] = [];
  return withTestApp({ config: { logLevel }, logStream: { write: (line) => lines.push(line) } }, (logged) => use(logged, lines));
}

describe('logs', () => {
  it("tags a request's lines with its id and redacts personal fields wherever a logged object carries them", async () => {
    await withLogLines('info', async (logged, lines) => {
      logged.app.get('/log-probe', { config: { access: 'public' } }, async (request) => {
        request.log.warn({ body: { citizen: { phone: '05321234567', tcKimlikNo: '10000000146', email: 'a@b.org', address: 'Deniz Sok. 4', fullName: 'Ayşe' } }, payload: { to: '905321234567' } }, 'probe');
        return {};
      });
      expect((await logged.app.inject({ url: '/log-probe', headers: { 'x-request-id': 'probe-1' } })).statusCode).toBe(200);
      const mine = lines.map((line) => JSON.parse(line) as { reqId?: string; msg: string }).filter((line) => line.reqId === 'probe-1');
      expect(mine.map((line) => line.msg)).toEqual(['incoming request', 'probe', 'request completed']);
      const probe = lines.find((line) => line.includes('"msg":"probe"'))!;
      expect(probe).not.toMatch(/05321234567|10000000146|a@b\.org|Deniz|Ayşe|905321234567/);
      expect(probe).toContain('[redacted]');
    });
  });
});

describe('logs: URLs', () => {
  it('logs route patterns and query names, never the phone, TC kimlik no, e-mail or api_key a URL carried', async () => {
    await withLogLines('debug', async (logged, lines) => {
      logged.app.get('/log-probe/failing', { config: { access: 'public' } }, async (request) => {
        request.log.warn('retrying /api/v1/callers/05321234567?api_key=gizli-anahtar-153&limit=5 for veli [at] example.com');
        throw Object.assign(new Error('Failed query: select * from citizens where phone = $1\nparams: 05321234567,10000000146'), { params: ['05321234567'] });
      });
      const agent = await logged.signIn('agent');
      const sent = [
        { url: '/api/v1/callers/05321234567', headers: agent, route: '/api/v1/callers/:number' },
        { url: `/api/v1/callers/${encodeURIComponent('+90 532 123 45 67')}`, headers: agent, route: '/api/v1/callers/:number' },
        { url: '/api/v1/citizens?q=ayse.yilmaz%40example.org&limit=20&tcKimlikNo=10000000146', headers: agent, route: '/api/v1/citizens?q&limit=20&tcKimlikNo' },
        { url: '/open311/v2/requests.json?api_key=gizli-anahtar-153&phone=05321234567&email=ayse.yilmaz@example.org', route: '/open311/v2/requests.:format?api_key&phone&email' },
        { url: '/api/v1/yok/10000000146/ayse.yilmaz@example.org?ad=Ay%C5%9Fe', route: '/api/v1/yok/:value/:value?ad' },
        { url: '/log-probe/failing?phone=05321234567', route: '/log-probe/failing?phone' },
      ];
      for (const [i, { url, headers, route }] of sent.entries()) {
        const res = await logged.app.inject({ method: url.startsWith('/open311') ? 'POST' : 'GET', url, headers: { ...headers, 'x-request-id': `url-${i}` } });
        expect(res.statusCode, url).toBeLessThan(url.includes('failing') ? 600 : 500);
        const mine = lines.map((line) => JSON.parse(line) as { reqId?: string; msg: string; req?: { url: string } }).filter((line) => line.reqId === `url-${i}`);
        expect(mine.find((line) => line.msg === 'incoming request')?.req?.url, url).toBe(route);
      }
      const all = lines.join('\n');
      expect(all).toContain('unhandled error');
      expect(all).toContain('retrying');
      for (const value of ['05321234567', '532 123 45 67', '5321234567', '10000000146', 'ayse.yilmaz', 'example.com', 'gizli-anahtar-153', 'Ayşe', 'Ay%C5%9Fe']) expect(all).not.toContain(value);
    });
  });
});
