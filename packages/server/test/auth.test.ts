import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROOF_OF_WORK, leadingZeroBits, proofText } from '@cozum/domain';
import { desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../src/db/schema.js';
import { createUser } from '../src/app/users.js';
import { checkProof, issueProofChallenge } from '../src/app/proof-of-work.js';
import { FREE_FAILURES_PER_ADDRESS, recordSignInFailure, throttleKeys } from '../src/app/sign-in-throttle.js';
import { sessionCookie, useTestApp, type TestContext } from './harness.js';

let t: TestContext;
useTestApp(async (started) => {
  t = started;
  await createUser(t.database.db, null, { username: 'ayse', displayName: 'Ayşe Yılmaz', password: 'guzel-bir-parola', role: 'agent' });
});

const login = (username: string, password: string, remoteAddress?: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
/** Each test signs in from its own address, under the per-address rate limit. */
const loginWith = (payload: Record<string, unknown>, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });

async function challenge(username: string, remoteAddress?: string): Promise<{ challenge: string; bits: number }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/proof-of-work', payload: { username }, remoteAddress });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** What the browser does: asks for a challenge and finds a nonce. */
async function solve(username: string, remoteAddress?: string): Promise<{ proof: { challenge: string; nonce: string }; bits: number }> {
  const { challenge: c, bits } = await challenge(username, remoteAddress);
  let n = 0;
  while (leadingZeroBits(crypto.createHash('sha256').update(proofText(c, String(n))).digest()) < bits) n++;
  return { proof: { challenge: c, nonce: String(n) }, bits };
}

describe('sign-in', () => {
  it('sets an httpOnly SameSite session cookie and returns the user', async () => {
    const res = await login('ayse', 'guzel-bir-parola');
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'ayse', role: 'agent', displayName: 'Ayşe Yılmaz' });
    const cookie = res.cookies.find((c) => c.name === 'cozum_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: sessionCookie(res) } });
    expect(me.json().user.username).toBe('ayse');
  });

  it('is case-insensitive on the username and refuses a wrong password with 401', async () => {
    expect((await login('AYSE', 'guzel-bir-parola')).statusCode).toBe(200);
    const res = await login('ayse', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'invalid_credentials', message: 'the username or password is wrong' });
  });

  it('audits sign-ins and failures', async () => {
    await login('ayse', 'not-the-password');
    const [last] = await t.database.db.select().from(auditLog).where(eq(auditLog.actorName, 'ayse')).orderBy(desc(auditLog.id)).limit(1);
    expect(last?.action).toBe('auth.login_failed');
  });

  it('never locks the owner out: past five failures a proof of work is asked, and with it the right password works', async () => {
    await createUser(t.database.db, null, { username: 'mehmet', displayName: 'Mehmet', password: 'dogru-parola-123', role: 'agent' });
    const from = '10.1.0.1';
    for (let i = 0; i < 5; i++) expect((await login('mehmet', 'yanlis-parola', from)).statusCode).toBe(401);
    const unproven = await login('mehmet', 'dogru-parola-123', from);
    expect(unproven.statusCode).toBe(429);
    expect(unproven.json().error).toMatchObject({ code: 'proof_of_work.required', details: [{ field: 'proof' }] });
    const { proof, bits } = await solve('mehmet', from);
    expect(bits).toBe(PROOF_OF_WORK.baseBits);
    const res = await loginWith({ username: 'mehmet', password: 'dogru-parola-123', proof }, from);
    expect(res.statusCode, res.body).toBe(200);
    // The owner is in: what was spent on their name no longer slows them.
    expect((await login('mehmet', 'dogru-parola-123', from)).statusCode).toBe(200);
  });

  it('keeps no lock on the account: failures are counted apart from the user row, under keys that name nobody', async () => {
    await createUser(t.database.db, null, { username: 'kilitsiz', displayName: 'Kilitsiz', password: 'kilitsiz-parola-1', role: 'agent' });
    const from = '10.1.0.9';
    for (let i = 0; i < 3; i++) expect((await login('kilitsiz', 'yanlis-parola', from)).statusCode).toBe(401);
    const row = (await t.database.db.execute(sql`select * from users where username = 'kilitsiz'`)) as unknown as { rows: Record<string, unknown>[] };
    expect(Object.keys(row.rows[0]!).filter((column) => /fail|lock/.test(column))).toEqual([]);
    const failures = (await t.database.db.execute(sql`select key from sign_in_failures`)) as unknown as { rows: { key: string }[] };
    expect(failures.rows.length).toBeGreaterThanOrEqual(3);
    expect(failures.rows.filter((f) => f.key.includes('kilitsiz') || f.key.includes(from))).toEqual([]);
  });

  it('makes each further guess dearer, and takes each proof once', async () => {
    await createUser(t.database.db, null, { username: 'zehra', displayName: 'Zehra', password: 'dogru-parola-456', role: 'agent' });
    const from = '10.1.0.2';
    for (let i = 0; i < 5; i++) await login('zehra', 'yanlis-parola', from);
    const first = await solve('zehra', from);
    expect((await loginWith({ username: 'zehra', password: 'yanlis-parola', proof: first.proof }, from)).statusCode).toBe(401);
    // The sixth failure raised the cost: the first proof is too cheap now.
    const again = await loginWith({ username: 'zehra', password: 'dogru-parola-456', proof: first.proof }, from);
    expect(again.statusCode).toBe(429);
    const second = await solve('zehra', from);
    expect(second.bits).toBe(PROOF_OF_WORK.baseBits + PROOF_OF_WORK.stepBits);
    expect((await loginWith({ username: 'zehra', password: 'dogru-parola-456', proof: second.proof }, from)).statusCode).toBe(200);
  });

  it('asks work of an address that failed for many names, and of no other', async () => {
    const now = new Date();
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) await recordSignInFailure(t.database.db, throttleKeys(t.config.sessionSecret, `tahmin-${i}`, '10.1.0.9'), now);
    const busy = await login('yeni-bir-ad', 'yanlis-parola', '10.1.0.9');
    expect(busy.statusCode).toBe(429);
    expect(busy.json().error.code).toBe('proof_of_work.required');
    expect((await login('yeni-bir-ad', 'yanlis-parola', '10.1.0.10')).statusCode).toBe(401);
  });

  it('lets the owner in without work from where they usually sign in, whatever strangers spent elsewhere', async () => {
    await createUser(t.database.db, null, { username: 'ofis', displayName: 'Ofis', password: 'dogru-parola-ofis', role: 'agent' });
    const office = '10.2.0.1';
    const stranger = '10.2.0.2';
    expect((await login('ofis', 'dogru-parola-ofis', office)).statusCode).toBe(200);
    for (let i = 0; i < 6; i++) await login('ofis', 'yanlis-parola', stranger);
    expect((await login('ofis', 'dogru-parola-ofis', stranger)).statusCode).toBe(429);
    expect((await login('ofis', 'dogru-parola-ofis', office)).statusCode).toBe(200);
    // No usual place for a name without an account: the office address is slowed like any other.
    for (let i = 0; i < 5; i++) await login('ofis-yok', 'yanlis-parola', stranger);
    expect((await login('ofis-yok', 'yanlis-parola', office)).statusCode).toBe(429);
  });

  it('takes a solved challenge once', async () => {
    const now = new Date();
    const issued = issueProofChallenge(t.config.sessionSecret, 'sign_in', 'scope', 4, now);
    let n = 0;
    while (leadingZeroBits(crypto.createHash('sha256').update(proofText(issued.challenge, String(n))).digest()) < 4) n++;
    const input = { secret: t.config.sessionSecret, purpose: 'sign_in' as const, scope: 'scope', required: 4, proof: { challenge: issued.challenge, nonce: String(n) } };
    expect(await checkProof(t.database.db, input, now)).toBeNull();
    expect((await checkProof(t.database.db, input, now))?.message).toContain('already used');
    expect((await checkProof(t.database.db, { ...input, purpose: 'portal_code' }, now))?.code).toBe('proof_of_work.invalid');
    expect((await checkProof(t.database.db, input, new Date(now.getTime() + 301_000)))?.message).toContain('expired');
  });

  it('refuses a proof made for another name, forged or not solved, with a 400 naming the proof', async () => {
    const from = '10.1.0.3';
    for (let i = 0; i < 5; i++) await login('kimse-yok', 'yanlis-parola', from);
    const other = (await solve('baska-biri', from)).proof;
    const cases = [
      other,
      { challenge: 'abc', nonce: '1' },
      { challenge: `20.${Date.now() + 60_000}.x.y`, nonce: '1' },
    ];
    for (const proof of cases) {
      const res = await loginWith({ username: 'kimse-yok', password: 'yanlis-parola', proof }, from);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'proof_of_work.invalid', details: [{ field: 'proof' }] });
    }
    const real = await challenge('kimse-yok', from);
    expect(real.bits).toBe(PROOF_OF_WORK.baseBits);
    // One nonce in 4,096 solves it by chance: pick one that does not.
    const nonce = ['x', 'y', 'z'].find((n) => leadingZeroBits(crypto.createHash('sha256').update(proofText(real.challenge, n)).digest()) < real.bits)!;
    const unsolved = await loginWith({ username: 'kimse-yok', password: 'yanlis-parola', proof: { challenge: real.challenge, nonce } }, from);
    expect(unsolved.json().error.code).toBe('proof_of_work.invalid');
  });

  it('answers an unknown username exactly as a known one, also after many failures', async () => {
    await createUser(t.database.db, null, { username: 'gizli', displayName: 'Gizli', password: 'dogru-parola-789', role: 'agent' });
    const known: { status: number; body: string; ms: number }[] = [];
    const unknown: { status: number; body: string; ms: number }[] = [];
    for (let i = 0; i < 7; i++) {
      for (const [name, into, from] of [['gizli', known, '10.1.0.4'], ['yok-boyle-biri', unknown, '10.1.0.5']] as const) {
        const started = performance.now();
        const res = await login(name, 'yanlis-parola', from);
        into.push({ status: res.statusCode, body: res.body, ms: performance.now() - started });
      }
    }
    expect(known.map((r) => [r.status, r.body])).toEqual(unknown.map((r) => [r.status, r.body]));
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Both run argon2: the median times differ by far less than one argon2 verification.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const knownMs = median(known.slice(0, 5).map((r) => r.ms));
    const unknownMs = median(unknown.slice(0, 5).map((r) => r.ms));
    expect(Math.abs(knownMs - unknownMs)).toBeLessThan(Math.max(knownMs, unknownMs) * 0.5);
  });

  it('ends the session on logout', async () => {
    const cookie = sessionCookie(await login('ayse', 'guzel-bir-parola'));
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-cozum-csrf': '1' } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without the CSRF header', async () => {
    const admin = await t.signIn('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin.cookie }, payload: { code: 'csrf-test', nameTr: 'A', nameEn: 'A' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_required');
  });

  it('ends the sessions of a deactivated user', async () => {
    const admin = await t.signIn('admin');
    const agent = await t.signIn('agent', { username: 'leaving-agent' });
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: agent });
    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.json().user.id}`, headers: admin, payload: { active: false } });
    expect(off.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: agent })).statusCode).toBe(401);
  });
});
