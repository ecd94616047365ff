/**
 * Work per unit: the open and overdue requests each unit owes (the supervisor's home page), and
 * assigning within a unit: unit heads assign to their own unit's people, unit staff only to
 * themselves, and a role that does not work requests is offered no action at all.
 */
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { categories, requests, units, users } from '../src/db/schema.js';
import { createUser } from '../src/app/users.js';
import { useTestApp, type TestContext } from './harness.js';

type Headers = Record<string, string>;
let t: TestContext;
let agent: Headers;
let supervisor: Headers;
useTestApp(async (started) => {
  t = started;
  agent = await t.signIn('agent');
  supervisor = await t.signIn('supervisor');
});

const unitId = async (code: string) => (await t.database.db.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;
const record = async (categoryCode: string) => {
  const [category] = await t.database.db.select({ id: categories.id }).from(categories).where(eq(categories.code, categoryCode));
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId: category!.id, description: 'Sokakta sorun var, ekip bekleniyor', channel: 'phone' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};
const detail = async (id: number, headers: Headers) => (await t.app.inject({ url: `/api/v1/requests/${id}`, headers })).json() as { version: number; allowedActions: string[]; assigneeId: number | null };
const act = async (id: number, headers: Headers, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/actions`, headers, payload: { version: (await detail(id, supervisor)).version, ...body } });

describe('open requests per unit', () => {
  it('counts each unit’s open requests and the overdue among them, leaving out what is solved', async () => {
    const water = await unitId('saski-su-ariza');
    const police = await unitId('zabita');
    const [w1, w2] = [await record('su-arizasi'), await record('su-arizasi'), await record('su-arizasi')];
    await record('gurultu');
    // The sweeper's mark makes one overdue; one is resolved and no longer owed.
    await t.database.db.update(requests).set({ overdueAt: new Date() }).where(eq(requests.id, w1));
    expect((await act(w2, supervisor, { action: 'resolve', text: 'Arıza giderildi.' })).statusCode).toBe(200);

    const res = await t.app.inject({ url: '/api/v1/requests/open-by-unit', headers: supervisor });
    expect(res.statusCode).toBe(200);
    const byUnit = new Map((res.json().units as { unitId: number; open: number; overdue: number; nameTr: string }[]).map((u) => [u.unitId, u]));
    expect(byUnit.get(water)).toMatchObject({ open: 2, overdue: 1, nameTr: 'Su Arıza Şube Müdürlüğü' });
    expect(byUnit.get(police)).toMatchObject({ open: 1, overdue: 0 });
    expect([...byUnit.values()].every((u) => u.open > 0)).toBe(true);

    // Every unit's figures without personal data: report readers only.
    expect((await t.app.inject({ url: '/api/v1/requests/open-by-unit', headers: await t.signIn('unit_head') })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/requests/open-by-unit', headers: agent })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/requests/open-by-unit' })).statusCode).toBe(401);
  });
});

describe('assigning within a unit', () => {
  it('lists a unit’s active people to its head, and to no one of another unit or without the permission', async () => {
    const water = await unitId('saski-su-ariza');
    const head = await t.signIn('unit_head', { username: 'amir-ayse' });
    await createUser(t.database.db, null, { username: 'ekip-ali', displayName: 'Ali Ekip', password: 'ekip-parola-12345', role: 'unit_staff', unitId: water });
    await createUser(t.database.db, null, { username: 'eski-veli', displayName: 'Veli Eski', password: 'eski-parola-12345', role: 'unit_staff', unitId: water });
    await t.database.db.update(users).set({ active: false }).where(eq(users.username, 'eski-veli'));

    const listed = await t.app.inject({ url: `/api/v1/units/${water}/assignees`, headers: head });
    expect(listed.statusCode).toBe(200);
    const names = (listed.json().items as { displayName: string; role: string }[]).map((p) => p.displayName);
    expect(names).toContain('Ali Ekip');
    expect(names).not.toContain('Veli Eski');
    expect(listed.json().items.find((p: { displayName: string }) => p.displayName === 'Ali Ekip')).toEqual({ id: expect.any(Number), displayName: 'Ali Ekip', role: 'unit_staff' });

    const police = await unitId('zabita');
    const elsewhere = await t.app.inject({ url: `/api/v1/units/${police}/assignees`, headers: head });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('request.forbidden');
    expect((await t.app.inject({ url: `/api/v1/units/${police}/assignees`, headers: supervisor })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/units/2147480000/assignees`, headers: supervisor })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/units/${water}/assignees`, headers: await t.signIn('unit_staff') })).statusCode).toBe(403);
  });

  it('lets a unit head assign to their unit’s staff; unit staff take work only on themselves; agents are offered no action', async () => {
    const head = await t.signIn('unit_head');
    const staff = await t.signIn('unit_staff', { username: 'ekip-zeynep' });
    const [zeynep] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'ekip-zeynep'));
    const id = await record('su-arizasi');

    const assigned = await act(id, head, { action: 'assign', assigneeId: zeynep!.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await detail(id, head)).assigneeId).toBe(zeynep!.id);

    // Unit staff may not hand work to someone else...
    const other = await record('su-arizasi');
    const [headRow] = await t.database.db.select({ id: users.id }).from(users).where(inArray(users.role, ['unit_head'])).limit(1);
    const refused = await act(other, staff, { action: 'assign', assigneeId: headRow!.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('only to yourself');
    // ...but take it on themselves, and their page offers the actions their role has.
    expect((await act(other, staff, { action: 'assign', assigneeId: zeynep!.id })).statusCode).toBe(200);
    expect((await detail(other, staff)).allowedActions).toContain('start');

    // An agent reads the request but works none: no action is offered, and acting is refused.
    expect((await detail(other, agent)).allowedActions).toEqual([]);
    expect((await act(other, agent, { action: 'comment', text: 'Not' })).statusCode).toBe(403);
  });
});
