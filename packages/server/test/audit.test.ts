/**
 * The audit log: it covers sign-ins, role and settings changes, exports and personal-data
 * views; auditors search it; and the database itself refuses to change or delete it.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createUser } from '../src/app/users.js';
import { refusal } from './database-refusal.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let auditor: Record<string, string>;
let admin: Record<string, string>;
useTestApp(async (started) => {
  t = started;
  auditor = await t.signIn('auditor', { username: 'denetci' });
  admin = await t.signIn('admin', { username: 'yonetici' });
}, { timeout: 120_000 });

type Entry = { id: number; at: string; actorName: string | null; action: string; subjectType: string | null; subjectId: string | null; data: Record<string, unknown> };
const search = async (query: string): Promise<{ items: Entry[]; nextBefore: number | null }> => {
  const res = await t.app.inject({ url: `/api/v1/audit?${query}`, headers: auditor });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('what the audit log records', () => {
  it('has sign-ins and failed sign-ins, role changes and settings changes, each findable by actor and action', async () => {
    const user = await createUser(t.database.db, null, { username: 'kayitli', displayName: 'K', password: 'uzun-bir-parola-7', role: 'agent' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kayitli', password: 'yanlis-parola' } });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kayitli', password: 'uzun-bir-parola-7' } });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: admin, payload: { role: 'supervisor' } });
    await t.app.inject({ method: 'PUT', url: '/api/v1/privacy/retention/policy', headers: admin, payload: { contacts: 4 } });

    const logins = await search('actor=kayitli&action=auth.');
    expect(logins.items.map((e) => e.action)).toEqual(['auth.login', 'auth.login_failed']);
    const roles = await search(`action=user.role_change&subjectType=user&subjectId=${user.id}`);
    expect(roles.items).toMatchObject([{ actorName: 'yonetici', data: { role: 'supervisor', previousRole: 'agent' } }]);
    const settings = await search('action=settings.');
    expect(settings.items[0]).toMatchObject({ action: 'settings.retention_policy', actorName: 'yonetici' });
    expect((settings.items[0]!.data.policy as { contacts: number }).contacts).toBe(4);
  });

  it('pages newest first and filters by period', async () => {
    const all = await search('limit=2');
    expect(all.items).toHaveLength(2);
    expect(all.items[0]!.id).toBeGreaterThan(all.items[1]!.id);
    const next = await search(`limit=2&before=${all.nextBefore}`);
    expect(next.items[0]!.id).toBeLessThan(all.items[1]!.id);
    const future = await search(`from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
    expect(future.items).toEqual([]);
    const past = await search(`to=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}&from=2020-01-01T00:00:00Z`);
    expect(past.items.length).toBeGreaterThan(0);
  });

  it('names the bad parameter', async () => {
    const res = await t.app.inject({ url: '/api/v1/audit?from=yesterday', headers: auditor });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('from');
  });

  it('is for auditors and administrators only', async () => {
    for (const role of ['supervisor', 'agent', 'unit_head', 'unit_staff', 'field_staff'] as const) {
      expect((await t.app.inject({ url: '/api/v1/audit', headers: await t.signIn(role) })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/audit', headers: admin })).statusCode).toBe(200);
  });
});

describe('append-only', () => {
  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const db = t.database.db;
    const before = await db.execute(sql`select count(*)::int as n, max(id) as last from audit_log`);
    const [{ n, last }] = (before as unknown as { rows: { n: number; last: number }[] }).rows as [{ n: number; last: number }];
    expect(await refusal(db.execute(sql`update audit_log set action = 'nothing happened' where id = ${last}`))).toContain('audit_log is append-only: UPDATE refused');
    expect(await refusal(db.execute(sql`delete from audit_log where id = ${last}`))).toContain('audit_log is append-only: DELETE refused');
    expect(await refusal(db.execute(sql`truncate audit_log`))).toContain('audit_log is append-only: TRUNCATE refused');
    const after = (await db.execute(sql`select count(*)::int as n from audit_log`)) as unknown as { rows: { n: number }[] };
    expect(after.rows[0]!.n).toBe(n);
  });
});
