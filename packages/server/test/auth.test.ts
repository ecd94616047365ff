import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../src/db/schema.js';
import { createUser } from '../src/app/users.js';
import { sessionCookie, startTestApp, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
  await createUser(t.database.db, null, { username: 'ayse', displayName: 'Ayşe Yılmaz', password: 'guzel-bir-parola', role: 'agent' });
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

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

  it('locks the account after five failures, even for the right password', async () => {
    await createUser(t.database.db, null, { username: 'mehmet', displayName: 'Mehmet', password: 'dogru-parola-123', role: 'agent' });
    for (let i = 0; i < 5; i++) expect((await login('mehmet', 'yanlis-parola')).statusCode).toBe(401);
    const res = await login('mehmet', 'dogru-parola-123');
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('account_locked');
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
