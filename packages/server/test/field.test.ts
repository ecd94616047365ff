/**
 * The Mobile Solution Bus and field teams through the API: visits planned across districts,
 * requests and survey answers synced from a tablet with idempotency keys (a repeat returns the
 * first answer and adds nothing, a conflict stays a conflict), work orders closed on site with
 * a note and photos, and the report of a visit.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attachments, categories, districts, fieldVisitRequests, idempotencyKeys, neighbourhoods, requests, surveyResponses, users } from '../src/db/schema.js';
import { forgetOldKeys } from '../src/app/field/idempotency.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let supervisor: Record<string, string>;
let admin: Record<string, string>;
let fieldStaff: Record<string, string>;
let outsider: Record<string, string>;
let fieldUserId: number;
let categoryId: number;
let atakum: number;
let kurupelit: number;
let ilkadim: number;
let teamId: number;
let visitId: number;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

function multipart(fields: Record<string, string>, files: { name: string; fileName: string; content: Buffer }[]) {
  const boundary = `----cozum${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const capture = (key: string | null, body: Record<string, unknown>, headers = fieldStaff) =>
  t.app.inject({ method: 'POST', url: '/api/v1/field/requests', headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: body });

const faceToFace = (extra: Record<string, unknown> = {}) => ({
  categoryId,
  description: 'Otobüs durağının yanındaki kaldırım çökmüş.',
  districtId: atakum,
  neighbourhoodId: kurupelit,
  citizen: { fullName: 'Hasan Çelik', phone: '0533 444 55 66' },
  visitId,
  ...extra,
});

useTestApp(async (started) => {
  t = started;
  const db = t.database.db;
  supervisor = await t.signIn('supervisor');
  admin = await t.signIn('admin');
  fieldStaff = await t.signIn('field_staff', { unitCode: 'saski-su-ariza', username: 'otobus-ekibi-1' });
  outsider = await t.signIn('field_staff', { username: 'baska-ekip' });
  fieldUserId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'otobus-ekibi-1')))[0]!.id;
  categoryId = (await db.select().from(categories).where(eq(categories.code, 'su-arizasi')))[0]!.id;
  atakum = (await db.select().from(districts).where(eq(districts.name, 'Atakum')))[0]!.id;
  ilkadim = (await db.select().from(districts).where(eq(districts.name, 'İlkadım')))[0]!.id;
  kurupelit = (await db.select().from(neighbourhoods).where(and(eq(neighbourhoods.name, 'Körfez'), eq(neighbourhoods.districtId, atakum))))[0]!.id;
});

describe('visit planning', () => {
  it('plans a team’s visit and refuses a neighbourhood of another district, naming the field', async () => {
    const team = await t.app.inject({ method: 'POST', url: '/api/v1/field/teams', headers: supervisor, payload: { name: 'Mobil Çözüm Otobüsü 1', kind: 'bus', memberIds: [fieldUserId] } });
    expect(team.statusCode, team.body).toBe(201);
    teamId = team.json().id;
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/field/visits', headers: supervisor, payload: { teamId, districtId: ilkadim, neighbourhoodId: kurupelit, place: 'Cumhuriyet Meydanı', visitDate: '2026-06-01' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'neighbourhoodId', code: 'not_in_district', params: { neighbourhood: 'Körfez', district: 'İlkadım' }, message: expect.stringMatching(/Körfez is not in İlkadım/) });
    const badDate = await t.app.inject({ method: 'POST', url: '/api/v1/field/visits', headers: supervisor, payload: { teamId, districtId: atakum, place: 'Sahil', visitDate: '2026-13-45' } });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].field).toBe('visitDate');

    const today = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
    const visit = await t.app.inject({ method: 'POST', url: '/api/v1/field/visits', headers: supervisor, payload: { teamId, districtId: atakum, neighbourhoodId: kurupelit, place: 'Körfez Sahil Parkı', visitDate: today } });
    expect(visit.statusCode, visit.body).toBe(201);
    visitId = visit.json().id;
    expect(visit.json()).toMatchObject({ teamName: 'Mobil Çözüm Otobüsü 1', districtName: 'Atakum', neighbourhoodName: 'Körfez', status: 'planned' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/field/visits', headers: fieldStaff, payload: { teamId, districtId: atakum, place: 'x', visitDate: today } })).statusCode).toBe(403);
  });

  it('gives the tablet what it needs offline: its team’s visits, categories, places', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/field/bootstrap', headers: fieldStaff });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.visits.map((v: { id: number }) => v.id)).toEqual([visitId]);
    expect(body.districts).toHaveLength(17);
    expect(body.neighbourhoods.length).toBeGreaterThan(1000);
    expect(body.categories.some((c: { id: number }) => c.id === categoryId)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/field/bootstrap', headers: outsider })).json().visits).toEqual([]);
  });
});

describe('sync with idempotency keys', () => {
  it('creates a request once however often the tablet repeats the write', async () => {
    const key = randomUUID();
    const body = faceToFace({ capturedAt: new Date(Date.now() - 3 * 3600_000).toISOString() });
    const first = await capture(key, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ trackingNo: expect.stringMatching(/^\d{4}-\d+$/), visitId });
    const again = await capture(key, body);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const rows = await t.database.db.select().from(requests).where(eq(requests.trackingNo, first.json().trackingNo));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'field', createdBy: fieldUserId });
    // Dated when the citizen asked, not when the tablet found a network.
    expect(Date.now() - rows[0]!.createdAt.getTime()).toBeGreaterThan(2.9 * 3600_000);
  });

  it('takes the citizen’s e-mail address up to 254 characters, as every other intake does (RFC 5321)', async () => {
    const email = `${'a'.repeat(64)}@${`${'b'.repeat(60)}.`.repeat(3)}com.tr`;
    expect(email).toHaveLength(254);
    const taken = await capture(randomUUID(), faceToFace({ visitId: null, citizen: { fullName: 'Uzun Adresli', email } }));
    expect(taken.statusCode, taken.body).toBe(201);
    const tooLong = await capture(randomUUID(), faceToFace({ visitId: null, citizen: { fullName: 'Uzun Adresli', email: `a${email}` } }));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details).toContainEqual({ field: 'body.citizen.email', code: 'max_length', params: { limit: 254 }, message: 'must NOT have more than 254 characters' });
  });

  it('does the work once when the same write arrives twice at the same moment', async () => {
    const key = randomUUID();
    const body = faceToFace({ description: 'Parkın aydınlatması iki gündür yanmıyor.' });
    const [a, b] = await Promise.all([capture(key, body), capture(key, body)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().trackingNo).toBe(b.json().trackingNo);
    expect(await t.database.db.$count(requests, eq(requests.description, 'Parkın aydınlatması iki gündür yanmıyor.'))).toBe(1);
  });

  it('refuses a missing key, a key reused for another write, and a visit of another team', async () => {
    const missing = await capture(null, faceToFace());
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('Idempotency-Key');
    const key = randomUUID();
    expect((await capture(key, faceToFace({ description: 'Çöp konteyneri taşıyor, toplanmamış.' }))).statusCode).toBe(201);
    const reused = await capture(key, faceToFace({ description: 'Bambaşka bir konu, başka bir yer.' }));
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('idempotency.key_reused');
    const notMine = await capture(randomUUID(), faceToFace(), outsider);
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.details[0]).toMatchObject({ field: 'visitId', message: expect.stringMatching(/not in Mobil Çözüm Otobüsü 1/) });
  });

  it('keeps a conflict a conflict: a category retired while the tablet was offline', async () => {
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/categories', headers: admin, payload: { code: 'otobus-gecici', nameTr: 'Geçici kampanya konusu', nameEn: 'Temporary topic', requestType: 'talep', slaHours: 24, slaBusinessHours: false } });
    expect(made.statusCode, made.body).toBe(201);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/categories/${made.json().id}`, headers: admin, payload: { active: false } })).statusCode).toBe(200);
    const key = randomUUID();
    const first = await capture(key, faceToFace({ categoryId: made.json().id }));
    expect(first.statusCode).toBe(400);
    expect(first.json().error.details[0]).toMatchObject({ field: 'categoryId', message: expect.stringMatching(/no longer in use/) });
    const again = await capture(key, faceToFace({ categoryId: made.json().id }));
    expect(again.statusCode).toBe(400);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  it('forgets keys a month old, and only those', async () => {
    const before = await t.database.db.$count(idempotencyKeys);
    await t.database.db.insert(idempotencyKeys).values({ key: 'old-tablet-key-1', userId: fieldUserId, fingerprint: 'x', statusCode: 201, response: {}, createdAt: new Date(Date.now() - 31 * 86400_000) });
    expect(await forgetOldKeys(t.database.db, new Date())).toBe(1);
    expect(await t.database.db.$count(idempotencyKeys)).toBe(before);
  });

  it('records a survey answer from the tablet once, under its visit', async () => {
    const survey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/surveys',
      headers: supervisor,
      payload: { kind: 'campaign', titleTr: 'Otobüs hizmeti', districtIds: [atakum], questions: [{ kind: 'scale', textTr: 'Otobüs hizmetinden memnun musunuz?' }] },
    });
    const surveyId = survey.json().id;
    await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${surveyId}/status`, headers: supervisor, payload: { status: 'active' } });
    const key = randomUUID();
    const payload = { channel: 'field', visitId, answers: [{ questionId: survey.json().questions[0].id, value: 5 }] };
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${surveyId}/responses`, headers: { ...fieldStaff, 'idempotency-key': key }, payload });
    expect(first.statusCode, first.body).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/surveys/${surveyId}/responses`, headers: { ...fieldStaff, 'idempotency-key': key }, payload });
    expect(again.json()).toEqual(first.json());
    const rows = await t.database.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'field', visitId, districtId: atakum });
  });
});

describe('work orders', () => {
  let requestId: number;
  let version: number;

  it('lists the requests assigned to me', async () => {
    const created = await capture(randomUUID(), faceToFace({ description: 'Vana odasının kapağı kırık, tehlike yaratıyor.', visitId: null }));
    requestId = created.json().id;
    const [row] = await t.database.db.select().from(requests).where(eq(requests.id, requestId));
    const unitOf = row!.unitId;
    // The unit the request went to is the field staff member's: the head assigns it.
    await t.database.db.update(users).set({ unitId: unitOf }).where(eq(users.id, fieldUserId));
    const head = await t.signIn('unit_head', { unitCode: 'saski-su-ariza' });
    const assigned = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/actions`, headers: head, payload: { action: 'assign', version: row!.version, assigneeId: fieldUserId } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/field/work-orders', headers: fieldStaff });
    expect(list.json().items.map((w: { id: number }) => w.id)).toEqual([requestId]);
    version = list.json().items[0].version;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/field/work-orders', headers: outsider })).json().items).toEqual([]);
  });

  it('refuses an oversized photo with a message that says what to do, leaving the order open', async () => {
    const big = multipart({ version: String(version), note: 'Kapak değiştirildi.' }, [{ name: 'photo', fileName: 'kapak.png', content: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 10)]) }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/field/work-orders/${requestId}/close`, headers: { ...fieldStaff, ...big.headers, 'idempotency-key': randomUUID() }, payload: big.payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/photo: .*larger than 10 MB; take it at a lower resolution/);
    expect((await t.database.db.select().from(requests).where(eq(requests.id, requestId)))[0]!.status).toBe('assigned');
  });

  it('closes with a note and a photo once; a repeat changes nothing; a second close is a conflict', async () => {
    const key = randomUUID();
    const form = multipart({ version: String(version), note: 'Vana odasının kapağı yenisiyle değiştirildi.' }, [{ name: 'photo', fileName: 'once-sonra.png', content: PNG }]);
    const send = (k: string) => t.app.inject({ method: 'POST', url: `/api/v1/field/work-orders/${requestId}/close`, headers: { ...fieldStaff, ...form.headers, 'idempotency-key': k }, payload: form.payload });
    const first = await send(key);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'resolved', photos: [{ fileName: 'once-sonra.png' }] });
    const again = await send(key);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await t.database.db.$count(attachments, eq(attachments.requestId, requestId))).toBe(1);
    const [row] = await t.database.db.select().from(requests).where(eq(requests.id, requestId));
    expect(row).toMatchObject({ status: 'resolved', resolution: 'Vana odasının kapağı yenisiyle değiştirildi.' });

    const other = await send(randomUUID());
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toMatch(/already resolved/);
  });

  it('does not let field staff close what is not theirs', async () => {
    const form = multipart({ version: '1', note: 'Yapıldı.' }, []);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/field/work-orders/${requestId}/close`, headers: { ...outsider, ...form.headers, 'idempotency-key': randomUUID() }, payload: form.payload });
    expect(res.statusCode).toBe(403);
  });
});

describe('the visit report', () => {
  it('counts the requests and answers a visit took, by category', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/field/visits/${visitId}/report`, headers: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const linked = await t.database.db.$count(fieldVisitRequests, eq(fieldVisitRequests.visitId, visitId));
    expect(linked).toBe(3);
    expect(body.requests.total).toBe(3);
    expect(body.requests.byCategory).toEqual([expect.objectContaining({ categoryId, count: 3 })]);
    expect(body.answers).toEqual({ total: 1, bySurvey: [expect.objectContaining({ titleTr: 'Otobüs hizmeti', count: 1 })] });
    expect(body.visit).toMatchObject({ requests: 3, answers: 1 });
  });
});
