/**
 * KVKK erasure reaches everything: every column that looks personal is either covered by the
 * export and anonymisation (personal-columns.ts) or declared not personal with a reason; a
 * person's data seeded into every covered column shows in their export and is gone from the
 * whole database after anonymisation, including messages waiting for them as a follower.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { attachments, categories, citizens, citizenSessions, consents, contacts, open311Clients, open311Submissions, outbox, portalChallenges, satisfactionRatings, surveyAnswers, surveyQuestions, surveyResponses, surveys, users } from '../src/db/schema.js';
import { LOOKS_PERSONAL, NOT_PERSONAL, PERSONAL_COLUMNS } from '../src/app/privacy/personal-columns.js';
import { exportCitizenData } from '../src/app/privacy/citizen-data.js';
import { citizenDataPdf } from '../src/app/privacy/citizen-data-pdf.js';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
let admin: Record<string, string>;
let agent: Record<string, string>;
let categoryId: number;

useTestApp(async (started) => {
  t = started;
  admin = await t.signIn('admin');
  agent = await t.signIn('agent');
  categoryId = (await t.database.db.select().from(categories).where(eq(categories.code, 'su-arizasi')))[0]!.id;
}, { timeout: 120_000 });

interface Column { table: string; column: string; type: string }

async function schemaColumns(): Promise<Column[]> {
  const result = (await t.database.db.execute(sql`
    select table_name as "table", column_name as "column", data_type as "type" from information_schema.columns
    where table_schema = 'public' and table_name not like '\\_\\_%' order by 1, 2`)) as unknown as { rows: Column[] };
  return result.rows;
}

describe('the declared list of personal columns', () => {
  it('names every column that looks personal by name or holds JSON, and nothing that is not there', async () => {
    const columns = await schemaColumns();
    const declared = new Set([...Object.keys(PERSONAL_COLUMNS), ...Object.keys(NOT_PERSONAL)]);
    const forgotten = columns.filter((c) => (LOOKS_PERSONAL.test(c.column) || c.type === 'jsonb') && !declared.has(`${c.table}.${c.column}`)).map((c) => `${c.table}.${c.column}`);
    expect(forgotten, 'add these to PERSONAL_COLUMNS (and to the export and anonymisation) or to NOT_PERSONAL with the reason').toEqual([]);
    const existing = new Set(columns.map((c) => `${c.table}.${c.column}`));
    expect([...declared].filter((name) => !existing.has(name))).toEqual([]);
    expect(Object.keys(PERSONAL_COLUMNS).filter((name) => name in NOT_PERSONAL)).toEqual([]);
  });

  it('catches a new table with personal data that nobody declared', async () => {
    await t.database.db.execute(sql`create table kvkk_probe (id serial primary key, visitor_phone text, remarks jsonb)`);
    try {
      const columns = await schemaColumns();
      const declared = new Set([...Object.keys(PERSONAL_COLUMNS), ...Object.keys(NOT_PERSONAL)]);
      const forgotten = columns.filter((c) => (LOOKS_PERSONAL.test(c.column) || c.type === 'jsonb') && !declared.has(`${c.table}.${c.column}`)).map((c) => `${c.table}.${c.column}`);
      expect(forgotten).toEqual(['kvkk_probe.remarks', 'kvkk_probe.visitor_phone']);
    } finally {
      await t.database.db.execute(sql`drop table kvkk_probe`);
    }
  });
});

/** The person's own values, each unique in the database. */
const me = {
  fullName: 'Nilüfer Silinecekoğlu',
  /** As stored (E.164 digits); free text below writes it as people do. */
  phone: '905327770411',
  tcKimlikNo: '10000000146',
  email: 'nilufer.silinecek@example.org',
  address: 'Silinecek Sokak No 9',
  ip: '203.0.113.77',
  device: 'device-silinecek-77',
  account: 'account-silinecek-77',
  media: 'https://img.example.org/silinecek-77.jpg',
  file: 'silinecekoglu-kimlik.png',
};
// The phone as people type it, too, for the free text.
const markers = [...Object.values(me), '0532 777 04 11'];

/** For each covered column, whether any row still holds one of the person's values. */
async function columnsHolding(values: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of Object.keys(PERSONAL_COLUMNS)) {
    const [table, column] = name.split('.') as [string, string];
    const patterns = sql.join(values.map((v) => sql`${`%${v}%`}`), sql`, `);
    const result = (await t.database.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text like any (array[${patterns}])`)) as unknown as { rows: { n: number }[] };
    if (Number(result.rows[0]!.n) > 0) found.push(name);
  }
  return found;
}

describe('a person anonymised on request', () => {
  it('is exported from every covered column, then gone from all of them; waiting messages as a follower are not sent', async () => {
    const db = t.database.db;
    const citizen = { fullName: me.fullName, phone: '0532 777 04 11', tcKimlikNo: me.tcKimlikNo, email: me.email, address: me.address };
    // Their own request, and someone else's that they follow.
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId, channel: 'phone', description: `Su kesik, bana 0532 777 04 11 veya ${me.email} adresinden ulaşın`, address: me.address, citizen } });
    expect(own.statusCode, own.body).toBe(201);
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId, channel: 'phone', description: 'Cadde boyunca su yok', citizen: { fullName: 'Başka Biri', phone: '0532 777 09 99' } } });
    expect(other.statusCode, other.body).toBe(201);
    const follow = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${other.json().id}/followers`, headers: agent, payload: { citizen: { phone: citizen.phone, email: me.email }, channel: 'phone' } });
    expect(follow.statusCode, follow.body).toBe(200);
    const [person] = await db.select().from(citizens).where(eq(citizens.phone, me.phone));
    const ownId = own.json().id as number;
    const otherId = other.json().id as number;

    // The rest of what a person leaves behind, written where the product writes it.
    await db.insert(contacts).values({ channel: 'phone', callerNumber: me.phone, citizenId: person!.id, offeredAt: new Date(), notes: `Arayan ${me.fullName}, ${me.address}` });
    await db.insert(consents).values({ citizenId: person!.id, phone: me.phone, purpose: 'sms', noticeVersion: '2026-01', channel: 'phone', ip: me.ip });
    await db.insert(satisfactionRatings).values({ requestId: ownId, score: 2, comment: `Geç geldiler, ${me.email}`, channel: 'portal' });
    const [survey] = await db.insert(surveys).values({ kind: 'campaign', titleTr: 'Su hizmetleri' }).returning();
    const [question] = await db.insert(surveyQuestions).values({ surveyId: survey!.id, position: 1, kind: 'text', textTr: 'Ne önerirsiniz?' }).returning();
    const [response] = await db.insert(surveyResponses).values({ surveyId: survey!.id, requestId: ownId, channel: 'callback' }).returning();
    await db.insert(surveyAnswers).values({ responseId: response!.id, questionId: question!.id, text: 'Beni 0532 777 04 11 numarasından arayın' });
    const [client] = await db.insert(open311Clients).values({ name: 'Şehir uygulaması', keyHash: 'x'.repeat(64), keyPrefix: 'xxxx' }).returning();
    await db.insert(open311Submissions).values({ requestId: ownId, clientId: client!.id, token: 'tok-silinecek', mediaUrl: me.media, attributes: { plate: me.account }, deviceId: me.device, accountId: me.account });
    await db.insert(attachments).values({ requestId: ownId, fileName: me.file, contentType: 'image/png', sizeBytes: 10, storageKey: 'ab/cd', sha256: 'ab'.repeat(32) });
    const soon = new Date(Date.now() + 600_000);
    await db.insert(portalChallenges).values({ id: 'silinecek-code', purpose: 'submit', phone: me.phone, codeHash: 'h', payload: { fullName: me.fullName }, ip: me.ip, expiresAt: soon });
    await db.insert(outbox).values({ kind: 'sms', payload: { to: me.phone, text: 'Doğrulama kodunuz: 123456' } });
    await db.insert(citizenSessions).values({ tokenHash: 'silinecek-session', phone: me.phone, expiresAt: soon });
    await db.update(outbox).set({ status: 'failed', lastError: `550 <${me.email}> unknown` }).where(and(eq(outbox.requestId, ownId), eq(outbox.kind, 'email')));

    // Every covered column now holds the person, so the checks below can fail.
    expect((await columnsHolding(markers)).sort()).toEqual(Object.keys(PERSONAL_COLUMNS).sort());
    const pendingAsFollower = await db.select().from(outbox).where(and(eq(outbox.requestId, otherId), sql`${outbox.payload}->>'to' in (${me.phone}, ${me.email})`));
    expect(pendingAsFollower.map((m) => m.status)).toEqual(['pending', 'pending']);

    // The export as its route (whichever method it takes) hands it out.
    const [kvkkOfficer] = await db.select({ id: users.id, username: users.username, role: users.role, unitId: users.unitId }).from(users).where(eq(users.role, 'admin')).limit(1);
    const data = await t.database.db.transaction((tx) => exportCitizenData(tx, kvkkOfficer!, person!.id, { purpose: 'KVKK başvurusu: erişim', format: 'json', now: new Date() }));
    const exported = { body: JSON.stringify(data) };
    for (const value of [me.fullName, me.phone, me.tcKimlikNo, me.email, me.address, me.ip, me.device, me.account, me.media, me.file]) expect(exported.body, value).toContain(value);
    expect((await citizenDataPdf(data)).length).toBeGreaterThan(1000);
    expect(data.following).toEqual([expect.objectContaining({ trackingNo: other.json().trackingNo, status: 'new', channel: 'phone' })]);
    // Their messages as a follower are theirs; the other applicant's are not.
    const followerMessages = data.messages.filter((m) => m.text?.includes(other.json().trackingNo));
    expect(followerMessages.map((m) => `${m.kind} ${m.to}`).sort()).toEqual([`email ${me.email}`, `sms ${me.phone}`]);
    expect(exported.body).not.toContain('905327770999');
    expect(data.messages.some((m) => m.text === 'Doğrulama kodunuz: 123456')).toBe(true);
    expect(data.requests[0]!.surveyAnswers).toEqual([{ question: 'Ne önerirsiniz?', text: 'Beni 0532 777 04 11 numarasından arayın' }]);

    const anonymised = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${person!.id}/anonymise`, headers: admin, payload: { reason: 'KVKK başvurusu: silme talebi' } });
    expect(anonymised.statusCode, anonymised.body).toBe(200);

    expect(await columnsHolding(markers)).toEqual([]);
    const afterwards = await db.select().from(outbox).where(eq(outbox.requestId, otherId));
    // The other applicant's confirmation still goes; the follower's two are stopped.
    expect(afterwards.map((m) => [m.status, m.payload]).sort()).toEqual([
      ['failed', { anonymised: true }],
      ['failed', { anonymised: true }],
      ['pending', expect.objectContaining({ to: '905327770999' })],
    ].sort());
    const [file] = await db.select().from(attachments).where(eq(attachments.requestId, ownId));
    expect(file!.fileName).toBe(`dosya-${file!.id}.png`);
    const [rating] = await db.select().from(satisfactionRatings).where(eq(satisfactionRatings.requestId, ownId));
    expect(rating).toMatchObject({ score: 2, comment: 'Geç geldiler, [e-posta]' });
  });

  it('stops what waits for someone who only followed a request', async () => {
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agent, payload: { categoryId, channel: 'phone', description: 'Kanalizasyon taştı', citizen: { phone: '0532 777 08 88' } } });
    expect(other.statusCode, other.body).toBe(201);
    const follow = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${other.json().id}/followers`, headers: agent, payload: { citizen: { phone: '0532 777 06 66' }, channel: 'phone' } });
    expect(follow.statusCode, follow.body).toBe(200);
    const [follower] = await t.database.db.select().from(citizens).where(eq(citizens.phone, '905327770666'));
    const anonymised = await t.app.inject({ method: 'POST', url: `/api/v1/privacy/citizens/${follower!.id}/anonymise`, headers: admin, payload: { reason: 'KVKK başvurusu: silme talebi' } });
    expect(anonymised.statusCode, anonymised.body).toBe(200);
    expect(anonymised.json().messages).toBe(1);
    const waiting = await t.database.db.select().from(outbox).where(and(eq(outbox.requestId, other.json().id), eq(outbox.status, 'pending')));
    expect(waiting.map((m) => (m.payload as { to: string }).to)).toEqual(['905327770888']);
  });
});
