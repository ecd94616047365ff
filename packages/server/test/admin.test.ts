import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../src/db/schema.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let admin: Record<string, string>;
useTestApp(async (started) => {
  t = started;
  admin = await t.signIn('admin');
});

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: admin, payload });

describe('users', () => {
  it('creates a unit staff account in a unit and lists it', async () => {
    const units = (await api('GET', '/units')).json().items;
    const unit = units.find((u: { code: string }) => u.code === 'saski-su-ariza');
    const res = await api('POST', '/users', { username: 'zeynep.k', displayName: 'Zeynep Kaya', password: 'uzun-bir-parola', role: 'unit_staff', unitId: unit.id, email: 'zeynep@example.org' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'zeynep.k', role: 'unit_staff', unitId: unit.id, unitName: unit.nameTr, active: true });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const list = await api('GET', '/users?q=zeynep');
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['zeynep.k']);
  });

  it('requires a unit for unit roles, naming the field', async () => {
    const res = await api('POST', '/users', { username: 'no.unit', displayName: 'No Unit', password: 'uzun-bir-parola', role: 'unit_head' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('unitId');
  });

  it('refuses a taken username with 409 and a short password with 400', async () => {
    await api('POST', '/users', { username: 'taken', displayName: 'A', password: 'uzun-bir-parola', role: 'agent' });
    const again = await api('POST', '/users', { username: 'TAKEN', displayName: 'B', password: 'uzun-bir-parola', role: 'agent' });
    expect(again.statusCode).toBe(409);
    const short = await api('POST', '/users', { username: 'short.pw', displayName: 'B', password: 'short', role: 'agent' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].field).toBe('body.password');
  });

  it('records a role change in the audit log', async () => {
    const created = (await api('POST', '/users', { username: 'promote.me', displayName: 'P', password: 'uzun-bir-parola', role: 'agent' })).json();
    const res = await api('PATCH', `/users/${created.id}`, { role: 'supervisor' });
    expect(res.json().role).toBe('supervisor');
    const entries = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.role_change'), eq(auditLog.subjectId, String(created.id))));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.data).toMatchObject({ role: 'supervisor', previousRole: 'agent' });
  });

  it('answers 404 for an unknown user', async () => {
    const res = await api('PATCH', '/users/999999', { displayName: 'x' });
    expect(res.statusCode).toBe(404);
  });
});

describe('units and categories', () => {
  it('creates a branch under a department and refuses a cycle', async () => {
    const parent = (await api('POST', '/units', { code: 'test-daire', nameTr: 'Test Dairesi', nameEn: 'Test Department' })).json();
    const child = await api('POST', '/units', { code: 'test-sube', nameTr: 'Test Şube', nameEn: 'Test Branch', parentId: parent.id });
    expect(child.statusCode).toBe(201);
    const cycle = await api('PATCH', `/units/${parent.id}`, { parentId: child.json().id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details[0].field).toBe('parentId');
  });

  it('creates a category and names a bad request type', async () => {
    const unit = (await api('GET', '/units')).json().items[0];
    const ok = await api('POST', '/categories', { code: 'test-konu', nameTr: 'Test Konu', nameEn: 'Test Topic', requestType: 'talep', defaultUnitId: unit.id, slaHours: 48, slaBusinessHours: true });
    expect(ok.statusCode).toBe(201);
    const bad = await api('POST', '/categories', { code: 'test-konu-2', nameTr: 'X', nameEn: 'X', requestType: 'nonsense', slaHours: 48, slaBusinessHours: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe("requestType: 'nonsense' is not a request type");
  });

  it('serves the seeded taxonomy and reference data', async () => {
    const categories = (await api('GET', '/categories')).json().items;
    expect(categories.length).toBeGreaterThan(50);
    expect(categories.find((c: { code: string }) => c.code === 'su-kesintisi')).toMatchObject({ nameEn: expect.any(String), requestType: 'talep' });
    const districts = (await api('GET', '/districts')).json().items;
    expect(districts).toHaveLength(17);
    const atakum = districts.find((d: { name: string }) => d.name === 'Atakum');
    const hoods = (await api('GET', `/districts/${atakum.id}/neighbourhoods`)).json().items;
    expect(hoods).toHaveLength(57);
    expect((await api('GET', '/districts/99999/neighbourhoods')).statusCode).toBe(404);
  });
});
