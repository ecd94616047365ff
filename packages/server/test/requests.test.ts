import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { categories, districts, neighbourhoods, outbox, requestEvents, requests, units } from '../src/db/schema.js';
import { buildServer } from '../src/http/server.js';
import { textMatch } from '../src/app/requests/inbox.js';
import { useTestApp, testConfig, type TestContext } from './harness.js';

let t: TestContext;
let agent: Record<string, string>;
let admin: Record<string, string>;
const ids = { category: 0, categoryDefaultUnit: 0, atakum: 0, ilkadim: 0, kurupelit: 0, triage: 0, suAriza: 0, kanal: 0 };

useTestApp(async (started) => {
  t = started;
  agent = await t.signIn('agent');
  admin = await t.signIn('admin');
  const db = t.database.db;
  const [cat] = await db.select().from(categories).where(eq(categories.code, 'su-arizasi'));
  ids.category = cat!.id;
  ids.categoryDefaultUnit = cat!.defaultUnitId!;
  ids.atakum = (await db.select().from(districts).where(eq(districts.name, 'Atakum')))[0]!.id;
  ids.ilkadim = (await db.select().from(districts).where(eq(districts.name, 'İlkadım')))[0]!.id;
  ids.kurupelit = (await db.select().from(neighbourhoods).where(and(eq(neighbourhoods.name, 'Körfez'), eq(neighbourhoods.districtId, ids.atakum))))[0]!.id;
  ids.triage = (await db.select().from(units).where(eq(units.code, 'cozum-merkezi')))[0]!.id;
  ids.suAriza = (await db.select().from(units).where(eq(units.code, 'saski-su-ariza')))[0]!.id;
  ids.kanal = (await db.select().from(units).where(eq(units.code, 'saski-kanalizasyon')))[0]!.id;
});

const create = (body: object, headers = agent) => t.app.inject({ method: 'POST', url: '/api/v1/requests', headers, payload: body });
const base = () => ({ categoryId: ids.category, description: 'Sokakta boru patladı, su akıyor', channel: 'phone', districtId: ids.atakum, neighbourhoodId: ids.kurupelit, citizen: { fullName: 'Ayşe Yılmaz', phone: '0532 123 45 67', email: 'ayse@example.org' } });

describe('intake', () => {
  it('records a request with a readable tracking number, routes it and queues the citizen\'s confirmation', async () => {
    const res = await create(base());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.trackingNo).toMatch(/^\d{4}-\d{7}$/);
    expect(body.unitId).toBe(ids.categoryDefaultUnit);
    expect(body.routedBy).toBe('category_default');
    expect(new Date(body.dueAt).getTime()).toBeGreaterThan(Date.now());
    const messages = await t.database.db.select().from(outbox).where(eq(outbox.requestId, body.id));
    expect(messages.map((m) => m.kind).sort()).toEqual(['email', 'sms']);
    const sms = messages.find((m) => m.kind === 'sms')!.payload as { to: string; text: string };
    expect(sms.to).toBe('905321234567');
    expect(sms.text).toContain(body.trackingNo);
    const events = await t.database.db.select().from(requestEvents).where(eq(requestEvents.requestId, body.id));
    expect(events).toMatchObject([{ type: 'created', toStatus: 'new', visibility: 'public' }]);
  });

  it('numbers requests one after another within the year', async () => {
    const a = (await create(base())).json().trackingNo as string;
    const b = (await create(base())).json().trackingNo as string;
    expect(a.slice(0, 4)).toBe(b.slice(0, 4));
    expect(Number(b.slice(5))).toBe(Number(a.slice(5)) + 1);
  });

  it.each([
    [{ categoryId: 999999 }, 'categoryId'],
    [{ neighbourhoodId: -1 }, 'body.neighbourhoodId'],
    [{ citizen: { fullName: 'X', tcKimlikNo: '10000000156' } }, 'citizen.tcKimlikNo'],
    [{ citizen: { fullName: 'X', phone: '12' } }, 'citizen.phone'],
    [{ latitude: 41.3 }, 'longitude'],
    [{ description: 'ab' }, 'description'],
  ])('refuses bad input %j naming %s', async (override, field) => {
    const res = await create({ ...base(), ...override });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(field);
  });

  it('keeps coordinates sent as null empty, not at 0,0', async () => {
    const res = await create({ ...base(), latitude: null, longitude: null });
    expect(res.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(requests).where(eq(requests.id, res.json().id));
    expect([row!.latitude, row!.longitude]).toEqual([null, null]);
  });

  it('refuses a neighbourhood outside the chosen district, naming both', async () => {
    const res = await create({ ...base(), districtId: ids.ilkadim });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('neighbourhoodId');
    expect(res.json().error.message).toContain('Körfez is not in İlkadım');
  });

  it('allows an anonymous complaint but not an anonymous information request', async () => {
    expect((await create({ ...base(), citizen: null })).statusCode).toBe(201);
    const [info] = await t.database.db.select().from(categories).where(eq(categories.code, 'bilgi-edinme-basvurusu'));
    const res = await create({ ...base(), categoryId: info!.id, citizen: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('citizen');
  });

  it('gives an information request its Law 4982 deadline', async () => {
    const [info] = await t.database.db.select().from(categories).where(eq(categories.code, 'bilgi-edinme-basvurusu'));
    const res = await create({ ...base(), categoryId: info!.id });
    expect(res.statusCode).toBe(201);
    const days = (new Date(res.json().legalDueAt).getTime() - Date.now()) / 86400_000;
    // 15 working days: three calendar weeks, more across holidays.
    expect(days).toBeGreaterThan(18);
    expect(days).toBeLessThan(30);
  });
});

describe('intakes arriving together', () => {
  it('writes each one, refuses only the bad ones, and makes one citizen of one phone', async () => {
    const phone = '0533 765 43 21';
    const bodies = Array.from({ length: 30 }, (_, n) =>
      n === 7 ? { ...base(), categoryId: 999999 }
      : n === 19 ? { ...base(), citizen: { fullName: 'Hatalı', tcKimlikNo: '10000000156' } }
      : { ...base(), description: `Aynı anda gelen başvuru ${n}`, citizen: { fullName: `Vatandaş ${n}`, phone: n % 3 === 0 ? phone : `0532 000 00 ${String(n).padStart(2, '0')}` } },
    );
    const answers = await Promise.all(bodies.map((body) => create(body)));
    expect(answers[7]!.statusCode).toBe(400);
    expect(answers[7]!.json().error.details[0].field).toBe('categoryId');
    expect(answers[19]!.statusCode).toBe(400);
    expect(JSON.stringify(answers[19]!.json().error)).toContain('citizen.tcKimlikNo');
    const created = answers.filter((_, n) => n !== 7 && n !== 19).map((a) => a.json());
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(28);
    const numbers = created.map((c) => Number(c.trackingNo.slice(5))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(28);
    expect(numbers[27]! - numbers[0]!).toBe(27);
    const rows = await t.database.db.select({ id: requests.id, citizenId: requests.citizenId, description: requests.description }).from(requests).where(sql`${requests.id} in ${created.map((c) => c.id)}`);
    expect(rows).toHaveLength(28);
    const samePhone = rows.filter((r) => Number(r.description.split(' ').pop()) % 3 === 0);
    expect(samePhone).toHaveLength(10);
    expect(new Set(samePhone.map((r) => r.citizenId)).size).toBe(1);
    for (const c of created) {
      const sms = await t.database.db.select().from(outbox).where(and(eq(outbox.requestId, c.id), eq(outbox.kind, 'sms')));
      expect(sms).toHaveLength(1);
      expect((sms[0]!.payload as { text: string }).text).toContain(c.trackingNo);
    }
  });

  it('applies a category change made through another server to the very next request', async () => {
    const made = (await t.app.inject({ method: 'POST', url: '/api/v1/categories', headers: admin, payload: { code: 'gecici-konu', nameTr: 'Geçici konu', nameEn: 'Temporary topic', requestType: 'talep', slaHours: 24, slaBusinessHours: false } })).json();
    expect((await create({ ...base(), categoryId: made.id })).statusCode).toBe(201);
    const other = await buildServer({ config: testConfig(), database: t.database, now: () => new Date(), webDist: null });
    try {
      const change = await other.inject({ method: 'PATCH', url: `/api/v1/categories/${made.id}`, headers: admin, payload: { active: false } });
      expect(change.statusCode).toBe(200);
    } finally {
      await other.close();
    }
    const refused = await create({ ...base(), categoryId: made.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('categoryId');
  });
});

describe('routing precedence', () => {
  it('prefers a neighbourhood rule to a district rule to a category rule to the default', async () => {
    const rule = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/routing-rules', headers: admin, payload: body });
    const [cat] = await t.database.db.select().from(categories).where(eq(categories.code, 'kanalizasyon-tikanikligi'));
    const payload = { ...base(), categoryId: cat!.id };
    expect((await create(payload)).json()).toMatchObject({ unitId: cat!.defaultUnitId, routedBy: 'category_default' });
    const categoryRule = (await rule({ categoryId: cat!.id, unitId: ids.triage })).json();
    expect((await create(payload)).json()).toMatchObject({ unitId: ids.triage, routedBy: 'rule' });
    await rule({ categoryId: cat!.id, districtId: ids.atakum, unitId: ids.suAriza });
    expect((await create(payload)).json()).toMatchObject({ unitId: ids.suAriza });
    await rule({ categoryId: cat!.id, neighbourhoodId: ids.kurupelit, unitId: ids.kanal });
    expect((await create(payload)).json()).toMatchObject({ unitId: ids.kanal });
    // Elsewhere in the city the category rule still applies.
    expect((await create({ ...payload, districtId: ids.ilkadim, neighbourhoodId: null })).json()).toMatchObject({ unitId: ids.triage });
    const created = (await create(payload)).json();
    const [row] = await t.database.db.select().from(requests).where(eq(requests.id, created.id));
    expect(row!.routingRuleId).not.toBe(categoryRule.id);
    expect(row!.routingRuleId).not.toBeNull();
  });

  it('sends a category without a default unit or rule to the triage unit', async () => {
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/categories', headers: admin, payload: { code: 'sahipsiz-konu', nameTr: 'Sahipsiz', nameEn: 'Unowned', requestType: 'talep', slaHours: 24, slaBusinessHours: false } });
    const res = await create({ ...base(), categoryId: made.json().id });
    expect(res.json()).toMatchObject({ unitId: ids.triage, routedBy: 'triage' });
  });
});

describe('lifecycle over HTTP', () => {
  it('takes a request from new to closed, telling the citizen, and keeps every event', async () => {
    const staff = await t.signIn('unit_staff');
    const head = await t.signIn('unit_head');
    const created = (await create(base())).json();
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: staff })).json().user;
    const act = (body: object, headers = head) => t.app.inject({ method: 'POST', url: `/api/v1/requests/${created.id}/actions`, headers, payload: body });
    let v = 1;
    const step = async (body: object, headers = head) => {
      const res = await act({ ...body, version: v }, headers);
      expect(res.statusCode, res.body).toBe(200);
      v = res.json().version;
      return res.json();
    };
    expect((await step({ action: 'assign', assigneeId: me.id })).status).toBe('assigned');
    expect((await step({ action: 'start' }, staff)).status).toBe('in_progress');
    expect((await step({ action: 'hold', reason: 'Parça bekleniyor' }, staff)).status).toBe('on_hold');
    expect((await step({ action: 'resume' }, staff)).status).toBe('in_progress');
    expect((await act({ action: 'comment', text: 'Ekip yolda' }, staff)).statusCode).toBe(200);
    expect((await step({ action: 'resolve', text: 'Boru değiştirildi, su verildi.' }, staff)).status).toBe('resolved');
    expect((await step({ action: 'close' })).status).toBe('closed');

    const detail = (await t.app.inject({ url: `/api/v1/requests/${created.id}`, headers: head })).json();
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['created', 'assign', 'start', 'hold', 'resume', 'comment', 'resolve', 'close']);
    expect(detail.events.find((e: { type: string }) => e.type === 'comment').visibility).toBe('internal');
    const sms = await t.database.db.select().from(outbox).where(and(eq(outbox.requestId, created.id), eq(outbox.kind, 'sms')));
    expect(sms.some((m) => (m.payload as { text: string }).text.includes('Boru değiştirildi'))).toBe(true);
  });

  it('refuses a forbidden transition with a message naming the state and the allowed actions', async () => {
    const created = (await create(base())).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${created.id}/actions`, headers: admin, payload: { action: 'close', version: 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('request.invalid_transition');
    expect(res.json().error.message).toContain("'new'");
  });

  it('gives the second of two concurrent updates a 409', async () => {
    const created = (await create(base())).json();
    // An admin on both sides: a unit head who lost the race to a transfer would hear 403 (the
    // request left the unit) before any version check, which is a different story.
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: `/api/v1/requests/${created.id}/actions`, headers: admin, payload: { action: 'reject', version: 1, reason: 'Mükerrer' } }),
      t.app.inject({ method: 'POST', url: `/api/v1/requests/${created.id}/actions`, headers: admin, payload: { action: 'transfer', version: 1, unitId: ids.kanal, reason: 'Kanalizasyon konusu' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort(), a.body + b.body).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('request.version_conflict');
  });

  it('keeps unit staff out of another unit\'s requests', async () => {
    const created = (await create(base())).json();
    const other = await t.signIn('unit_staff', { unitCode: 'zabita' });
    expect((await t.app.inject({ url: `/api/v1/requests/${created.id}`, headers: other })).statusCode).toBe(403);
    const inbox = (await t.app.inject({ url: '/api/v1/requests', headers: other })).json();
    expect(inbox.items.every((r: { unitName: string }) => r.unitName === 'Zabıta Dairesi Başkanlığı')).toBe(true);
  });

  it('tells the citizens of duplicates when the parent is resolved', async () => {
    const parent = (await create(base())).json();
    const child = (await create({ ...base(), citizen: { fullName: 'Mehmet Kaya', phone: '0533 765 43 21' } })).json();
    const act = (id: number, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/actions`, headers: admin, payload: body });
    expect((await act(child.id, { action: 'mark_duplicate', version: 1, parentTrackingNo: parent.trackingNo, reason: 'Aynı arıza' })).statusCode).toBe(200);
    expect((await act(parent.id, { action: 'resolve', version: 1, text: 'Arıza giderildi.' })).statusCode).toBe(200);
    const told = await t.database.db.select().from(outbox).where(and(eq(outbox.requestId, child.id), eq(outbox.kind, 'sms')));
    expect(told.some((m) => (m.payload as { to: string; text: string }).to === '905337654321' && (m.payload as { text: string }).text.includes('Arıza giderildi'))).toBe(true);
  });

  it('links a caller to an open request instead of recording it again, and tells them when it is solved', async () => {
    const original = (await create(base())).json();
    const follow = (id: number, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/followers`, headers: agent, payload: body });
    const caller = { fullName: 'Zeynep Arslan', phone: '0544 111 22 33' };
    const linked = await follow(original.id, { citizen: caller, channel: 'phone' });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ trackingNo: original.trackingNo, followers: 1, alreadyFollowing: false });
    // Linking the same caller twice adds nothing and tells them nothing more.
    expect((await follow(original.id, { citizen: caller, channel: 'phone' })).json()).toMatchObject({ followers: 1, alreadyFollowing: true });
    const smsTo = async (id: number, to: string) => (await t.database.db.select().from(outbox).where(and(eq(outbox.requestId, id), eq(outbox.kind, 'sms')))).filter((m) => (m.payload as { to: string }).to === to).map((m) => (m.payload as { text: string }).text);
    expect(await smsTo(original.id, '905441112233')).toEqual([expect.stringContaining(original.trackingNo)]);
    const detail = (await t.app.inject({ url: `/api/v1/requests/${original.id}`, headers: admin })).json();
    expect(detail.events.map((e: { type: string }) => e.type)).toContain('follower_added');

    const act = (body: object) => t.app.inject({ method: 'POST', url: `/api/v1/requests/${original.id}/actions`, headers: admin, payload: body });
    expect((await act({ action: 'resolve', version: 1, text: 'Vana değiştirildi.' })).statusCode).toBe(200);
    expect(await smsTo(original.id, '905441112233')).toEqual([expect.stringContaining(original.trackingNo), expect.stringContaining('Vana değiştirildi')]);

    const late = await follow(original.id, { citizen: { fullName: 'Geç Arayan', phone: '0544 999 88 77' }, channel: 'phone' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('record a new request');
    const noContact = await follow((await create(base())).json().id, { citizen: { fullName: 'İsimsiz' }, channel: 'phone' });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().error.details[0].field).toBe('citizen');
  });
});

describe('inbox', () => {
  it('filters by status and district, searches Turkish text without Turkish letters, and pages', async () => {
    await create({ ...base(), description: 'Çöp konteyneri taşıyor, koku yapıyor' });
    const head = await t.signIn('unit_head');
    const page = (await t.app.inject({ url: `/api/v1/requests?status=new&districtId=${ids.atakum}&pageSize=2`, headers: head })).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.items.every((r: { status: string; districtName: string }) => r.status === 'new' && r.districtName === 'Atakum')).toBe(true);
    // Every page says how many there are, the last one and one past the end too.
    const last = Math.ceil(page.total / 2);
    for (const n of [last, last + 1]) {
      const later = (await t.app.inject({ url: `/api/v1/requests?status=new&districtId=${ids.atakum}&pageSize=2&page=${n}`, headers: head })).json();
      expect(later.total).toBe(page.total);
      expect(later.items).toHaveLength(n === last ? page.total - 2 * (last - 1) : 0);
    }
    // Typed without Turkish letters, in capitals, inflected, cut short, or with a typo.
    for (const q of ['cop konteyneri', 'ÇÖP', 'konteynerler', 'cop kont', 'konteynri']) {
      const found = (await t.app.inject({ url: `/api/v1/requests?q=${encodeURIComponent(q)}`, headers: head })).json();
      expect(found.items.map((r: { description: string }) => r.description), q).toContain('Çöp konteyneri taşıyor, koku yapıyor');
    }
    const none = (await t.app.inject({ url: `/api/v1/requests?q=${encodeURIComponent('asfalt')}`, headers: head })).json();
    expect(none.items.map((r: { description: string }) => r.description)).not.toContain('Çöp konteyneri taşıyor, koku yapıyor');
  });

  it('answers a text search from indexes, without reading the whole table', async () => {
    // Table scans ruled out: a plan without one exists only if every way of matching has an index.
    const plan = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const explained = (await tx.execute(sql`explain select id from requests where ${textMatch('konteyner')}`)) as unknown as { rows: { 'QUERY PLAN': string }[] };
      return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).not.toMatch(/Seq Scan on requests/);
    expect(plan).toContain('requests_description_fts_idx');
    expect(plan).toContain('requests_description_fold_trgm_idx');
  });

  it('suggests open requests nearby with similar text as duplicates', async () => {
    const res = await t.app.inject({ url: `/api/v1/requests/duplicates?categoryId=${ids.category}&neighbourhoodId=${ids.kurupelit}&description=${encodeURIComponent('boru patladı su akıyor')}`, headers: agent });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.json().items[0].similarity).toBeGreaterThan(0.3);
  });
});

describe('deadline sweeper', () => {
  it('escalates each breach once, to the unit head and supervisors', async () => {
    const { sweepOverdue } = await import('../src/workers/sweeper.js');
    const head = await t.signIn('unit_head');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: head })).json().user;
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.id}`, headers: admin, payload: { email: 'birim.muduru@example.org' } });
    const created = (await create(base())).json();
    await t.database.db.update(requests).set({ dueAt: sql`now() - interval '1 hour'` }).where(eq(requests.id, created.id));
    const first = await sweepOverdue(t.database.db, new Date(), { timeZone: t.config.cityTimeZone });
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sweepOverdue(t.database.db, new Date(), { timeZone: t.config.cityTimeZone })).toBe(0);
    const events = await t.database.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, created.id), eq(requestEvents.type, 'overdue')));
    expect(events).toHaveLength(1);
    const mails = await t.database.db.select().from(outbox).where(and(eq(outbox.requestId, created.id), eq(outbox.kind, 'email')));
    expect(mails.filter((m) => (m.payload as { to: string }).to === 'birim.muduru@example.org')).toHaveLength(1);
  });

  it('escalates each breach once when several workers sweep at the same time', async () => {
    const { sweepOverdue } = await import('../src/workers/sweeper.js');
    const made = [];
    for (let i = 0; i < 12; i++) made.push((await create(base())).json().id as number);
    await t.database.db.update(requests).set({ dueAt: sql`now() - interval '1 hour'` }).where(sql`${requests.id} in (${sql.join(made.map((id) => sql`${id}`), sql`, `)})`);
    const counts = await Promise.all([1, 2, 3].map(() => sweepOverdue(t.database.db, new Date(), { timeZone: t.config.cityTimeZone, batch: 5 }).then(async (n) => n + (await sweepOverdue(t.database.db, new Date(), { timeZone: t.config.cityTimeZone, batch: 5 })) + (await sweepOverdue(t.database.db, new Date(), { timeZone: t.config.cityTimeZone, batch: 5 })))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
    const events = await t.database.db.select().from(requestEvents).where(and(eq(requestEvents.type, 'overdue'), sql`${requestEvents.requestId} in (${sql.join(made.map((id) => sql`${id}`), sql`, `)})`));
    expect(events).toHaveLength(12);
  });
});
