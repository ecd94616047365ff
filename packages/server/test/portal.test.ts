/**
 * The citizen portal's API as a citizen (and a robot) meets it: a submission confirmed by the
 * one-time code from the SMS, consent recorded, tracking with a code, the rating after the
 * solution; and the defences: code guessing locks, rate limits per address, a rising proof of
 * work per phone and per address instead of a lockout, the
 * honeypot, oversized and fake photos refused with a message that says why.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { PROOF_OF_WORK, leadingZeroBits, proofText } from '@cozum/domain';
import { describe, expect, it } from 'vitest';
import { consents, outbox, portalChallenges, requests, satisfactionRatings } from '../src/db/schema.js';
import { NOTICE_VERSION } from '../src/app/portal/notice.js';
import { useTestApp, withTestApp, type TestContext } from './harness.js';

let t: TestContext;
let categoryId: number;
let atakum: number;
let korfez: number;

const CSRF = { 'x-cozum-csrf': '1' };
let ipCounter = 10;
/** Each test speaks from its own address, so the per-address limits of one do not touch another. */
const freshIp = () => ({ 'x-forwarded-for': `198.51.100.${ipCounter++}` });

const form = (phone: string, extra: Record<string, unknown> = {}) => ({
  categoryId,
  description: 'Körfez Mahallesi 12. sokakta boru patladı, yola su akıyor.',
  districtId: atakum,
  neighbourhoodId: korfez,
  fullName: 'Zeynep Kaya',
  phone,
  consent: true,
  noticeVersion: NOTICE_VERSION,
  ...extra,
});

/** What the portal page does when asked for work: a challenge for the number, and a nonce. */
async function solveFor(phone: string): Promise<{ proof: { challenge: string; nonce: string }; bits: number }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/portal/proof-of-work', headers: freshIp(), payload: { phone } });
  expect(res.statusCode, res.body).toBe(200);
  const { challenge, bits } = res.json();
  let n = 0;
  while (leadingZeroBits(crypto.createHash('sha256').update(proofText(challenge, String(n))).digest()) < bits) n++;
  return { proof: { challenge, nonce: String(n) }, bits };
}

/** The code the SMS carried, read from the outbox as the SMS provider would get it. */
async function codeSentTo(phone: string): Promise<string> {
  const rows = await t.database.db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.kind, 'sms'));
  const texts = rows.map((r) => r.payload as { to: string; text: string }).filter((p) => p.to === phone && /doğrulama kodunuz|confirmation code/.test(p.text));
  const match = /(\d{6})/.exec(texts.at(-1)?.text ?? '');
  if (!match) throw new Error(`no code was sent to ${phone}`);
  return match[1]!;
}

function citizenCookie(res: { cookies: { name: string; value: string }[] }): string {
  const cookie = res.cookies.find((c) => c.name === 'cozum_citizen');
  if (!cookie) throw new Error('no citizen cookie was set');
  return `cozum_citizen=${cookie.value}`;
}

async function submitAndConfirm(phone: string, headers = freshIp()) {
  const started = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers, payload: form(phone) });
  expect(started.statusCode, started.body).toBe(201);
  const code = await codeSentTo(`90${phone.replace(/\D/g, '').slice(1)}`);
  const confirmed = await t.app.inject({ method: 'POST', url: `/api/v1/portal/submissions/${started.json().submissionId}/confirm`, headers, payload: { code } });
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  return { trackingNo: confirmed.json().trackingNo as string, cookie: citizenCookie(confirmed) };
}

useTestApp(async (started) => {
  t = started;
  const cats = await t.app.inject('/api/v1/portal/categories');
  categoryId = cats.json().items.find((c: { code: string }) => c.code === 'su-arizasi').id;
  const districts = await t.app.inject('/api/v1/portal/districts');
  atakum = districts.json().items.find((d: { name: string }) => d.name === 'Atakum').id;
  const hoods = await t.app.inject(`/api/v1/portal/districts/${atakum}/neighbourhoods`);
  korfez = hoods.json().items.find((n: { name: string }) => n.name === 'Körfez').id;
});

describe('submitting', () => {
  it('records the request only after the code from the SMS, with the consent, and opens a citizen session', async () => {
    const headers = freshIp();
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers, payload: form('0532 700 00 01', { email: 'zeynep@example.org' }) });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().phone).toBe('0532 *** ** 01');
    expect(await t.database.db.select().from(requests)).toHaveLength(0);
    const [challenge] = await t.database.db.select().from(portalChallenges);
    const code = await codeSentTo('905327000001');
    // The code itself is not in the database.
    expect(JSON.stringify(challenge)).not.toContain(code);

    const confirmed = await t.app.inject({ method: 'POST', url: `/api/v1/portal/submissions/${started.json().submissionId}/confirm`, headers, payload: { code } });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const trackingNo = confirmed.json().trackingNo;
    const [request] = await t.database.db.select().from(requests).where(eq(requests.trackingNo, trackingNo));
    expect(request).toMatchObject({ channel: 'web', districtId: atakum, neighbourhoodId: korfez, status: 'new' });
    const [consent] = await t.database.db.select().from(consents).where(eq(consents.requestId, request!.id));
    expect(consent).toMatchObject({ phone: '905327000001', purpose: 'request_submission', noticeVersion: NOTICE_VERSION, channel: 'portal', citizenId: request!.citizenId });
    // The citizen is told the tracking number by SMS, as on every channel.
    const sms = await t.database.db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.requestId, request!.id));
    expect(sms.map((m) => (m.payload as { text: string }).text).join(' ')).toContain(trackingNo);

    // A used code cannot be used again.
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/portal/submissions/${started.json().submissionId}/confirm`, headers, payload: { code } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('already used');

    const cookie = citizenCookie(confirmed);
    const mine = await t.app.inject({ url: '/api/v1/portal/requests', headers: { cookie } });
    expect(mine.json().items.map((r: { trackingNo: string }) => r.trackingNo)).toEqual([trackingNo]);
    // A staff route does not take a citizen cookie.
    expect((await t.app.inject({ url: '/api/v1/requests', headers: { cookie } })).statusCode).toBe(401);

    // Every portal write made with the citizen cookie needs the CSRF header, whichever part of the portal it goes to.
    const writes = [
      { url: '/api/v1/portal/submissions', payload: form('0532 700 00 01') },
      { url: `/api/v1/portal/requests/${trackingNo}/rating`, payload: { score: 5 } },
      { url: '/api/v1/portal/sign-out', payload: {} },
    ];
    for (const write of writes) {
      const refused = await t.app.inject({ method: 'POST', ...write, headers: { ...freshIp(), cookie } });
      expect(refused.statusCode, write.url).toBe(403);
      expect(refused.json().error.code).toBe('csrf_required');
    }
    const signedOut = await t.app.inject({ method: 'POST', url: '/api/v1/portal/sign-out', headers: { ...CSRF, cookie } });
    expect(signedOut.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/portal/requests', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a submission without consent, with a bad phone, or a pin outside the city, naming the field', async () => {
    const headers = freshIp();
    const cases: [Record<string, unknown>, string][] = [
      [{ consent: false }, 'consent'],
      [{ noticeVersion: 'old' }, 'noticeVersion'],
      [{ phone: '0212 123 45 67' }, 'phone'],
      [{ districtId: null, neighbourhoodId: null, latitude: 40, longitude: 36 }, 'latitude'],
      [{ description: 'su' }, 'description'],
    ];
    for (const [change, field] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers, payload: form('0532 700 00 02', change) });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error.details[0].field, JSON.stringify(change)).toBe(field);
    }
    // A pin in the city finds its district.
    const pinned = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers, payload: form('0532 700 00 02', { districtId: null, neighbourhoodId: null, latitude: 41.33, longitude: 36.27 }) });
    expect(pinned.statusCode, pinned.body).toBe(201);
    const [challenge] = await t.database.db.select().from(portalChallenges).where(eq(portalChallenges.id, pinned.json().submissionId));
    expect(challenge!.payload).toMatchObject({ districtId: atakum });
  });

  it('drops what a robot sends through the honeypot: no code, no request', async () => {
    const before = (await t.database.db.select().from(outbox)).length;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers: freshIp(), payload: form('0532 700 00 03', { website: 'http://spam.example' }) });
    expect(res.statusCode).toBe(201);
    expect((await t.database.db.select().from(outbox)).length).toBe(before);
    expect(await t.database.db.select().from(portalChallenges).where(eq(portalChallenges.phone, '905327000003'))).toEqual([]);
  });
});

describe('one-time codes cannot be guessed', () => {
  it('counts wrong codes, locks after five, and keeps it locked even for the right code', async () => {
    const headers = freshIp();
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers, payload: form('0532 700 00 04') });
    const id = started.json().submissionId;
    const code = await codeSentTo('905327000004');
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await t.app.inject({ method: 'POST', url: `/api/v1/portal/submissions/${id}/confirm`, headers, payload: { code: wrong } }));
    expect(answers.slice(0, 4).map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    expect(answers[0]!.json().error.message).toContain('4 tries left');
    expect(answers[3]!.json().error.message).toContain('1 try left');
    expect(answers[4]!.statusCode).toBe(429);
    expect(answers[4]!.json().error.message).toContain('locked');
    const right = await t.app.inject({ method: 'POST', url: `/api/v1/portal/submissions/${id}/confirm`, headers, payload: { code } });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toContain('ask for a new code');
    expect(await t.database.db.select().from(requests).where(eq(requests.description, form('x').description))).toHaveLength(1);
  });

  it('expires codes after ten minutes', async () => {
    let now = new Date();
    await withTestApp({ now: () => now }, async (clocked) => {
      const cats = await clocked.app.inject('/api/v1/portal/categories');
      const started = await clocked.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', payload: { ...form('0532 700 00 05'), categoryId: cats.json().items.find((c: { code: string }) => c.code === 'su-arizasi').id } });
      const rows = await clocked.database.db.select({ payload: outbox.payload }).from(outbox);
      const code = /(\d{6})/.exec((rows[0]!.payload as { text: string }).text)![1]!;
      now = new Date(now.getTime() + 11 * 60_000);
      const late = await clocked.app.inject({ method: 'POST', url: `/api/v1/portal/submissions/${started.json().submissionId}/confirm`, payload: { code } });
      expect(late.statusCode).toBe(400);
      expect(late.json().error.message).toContain('expired');
      // A day later the kept form, with its personal data, is gone.
      now = new Date(now.getTime() + 24 * 3600_000);
      await clocked.app.inject({ method: 'POST', url: '/api/v1/portal/sign-in', payload: { phone: '0532 700 00 15' } });
      expect(await clocked.database.db.select().from(portalChallenges).where(eq(portalChallenges.id, started.json().submissionId))).toEqual([]);
    });
  });
});

describe('rate limits', () => {
  it('never locks a number out: past three codes an hour each further one costs a rising proof of work', async () => {
    const phone = '0532 700 00 06';
    const ask = (extra: Record<string, unknown> = {}) => t.app.inject({ method: 'POST', url: '/api/v1/portal/sign-in', headers: freshIp(), payload: { phone, ...extra } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask()).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await ask();
    expect(refused.json().error).toMatchObject({ code: 'proof_of_work.required', details: [{ field: 'proof' }] });
    // The owner's browser does the work and gets the code; the next one costs four times more.
    const first = await solveFor(phone);
    expect(first.bits).toBe(PROOF_OF_WORK.baseBits);
    expect((await ask({ proof: first.proof })).statusCode).toBe(201);
    expect((await ask({ proof: first.proof })).json().error.code).toBe('proof_of_work.required');
    const second = await solveFor(phone);
    expect(second.bits).toBe(PROOF_OF_WORK.baseBits + PROOF_OF_WORK.stepBits);
    // A proof is for one number only.
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers: freshIp(), payload: form('0532 700 00 06', { proof: (await solveFor('0532 700 00 07')).proof }) });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.code).toBe('proof_of_work.invalid');
    const submitted = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers: freshIp(), payload: form(phone, { proof: second.proof }) });
    expect(submitted.statusCode, submitted.body).toBe(201);
  });

  it('asks work of an address that asked for many numbers, and of no other', async () => {
    const busy = '198.51.200.1';
    const now = new Date();
    await t.database.db.insert(portalChallenges).values(Array.from({ length: 10 }, (_, i) => ({ id: `adres-${i}`, purpose: 'sign_in', phone: `90532701${String(i).padStart(4, '0')}`, codeHash: 'h', ip: busy, createdAt: now, expiresAt: new Date(now.getTime() + 600_000) })));
    const fromBusy = await t.app.inject({ method: 'POST', url: '/api/v1/portal/sign-in', headers: { 'x-forwarded-for': busy }, payload: { phone: '0532 702 00 01' } });
    expect(fromBusy.statusCode).toBe(429);
    expect(fromBusy.json().error.code).toBe('proof_of_work.required');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/portal/sign-in', headers: freshIp(), payload: { phone: '0532 702 00 01' } })).statusCode).toBe(201);
  });

  it('takes at most ten submissions from one address in ten minutes', async () => {
    const headers = freshIp();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers, payload: form(`0533 800 00 ${String(i).padStart(2, '0')}`) })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const last = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers, payload: form('0533 800 00 99') });
    expect(last.statusCode).toBe(429);
    expect(last.json().error.message).toContain('too many submissions from your address');
    // Another address is not held back.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers: freshIp(), payload: form('0533 800 00 98') })).statusCode).toBe(201);
  });
});

describe('tracking, photos and rating', () => {
  it('tracks a request with its number and a code, shows only public events, and takes one rating after the solution', async () => {
    const { trackingNo } = await submitAndConfirm('0532 700 00 07');
    const headers = freshIp();
    // Someone else's number gets the same answer but no code.
    const stranger = await t.app.inject({ method: 'POST', url: '/api/v1/portal/sign-in', headers, payload: { phone: '0532 799 99 99', trackingNo } });
    expect(stranger.statusCode).toBe(201);
    await expect(codeSentTo('905327999999')).rejects.toThrow('no code');

    const asked = await t.app.inject({ method: 'POST', url: '/api/v1/portal/sign-in', headers, payload: { phone: '0532 700 00 07', trackingNo } });
    const code = await codeSentTo('905327000007');
    const signedIn = await t.app.inject({ method: 'POST', url: `/api/v1/portal/sign-in/${asked.json().challengeId}/confirm`, headers, payload: { code } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().trackingNo).toBe(trackingNo);
    const cookie = citizenCookie(signedIn);

    const early = await t.app.inject({ method: 'POST', url: `/api/v1/portal/requests/${trackingNo}/rating`, headers: { cookie, ...CSRF }, payload: { score: 5 } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('once the request is resolved');

    const staff = await t.signIn('unit_staff');
    const [request] = await t.database.db.select().from(requests).where(eq(requests.trackingNo, trackingNo));
    let version = request!.version;
    for (const body of [{ action: 'comment', text: 'İç not: ekip 3 gönderilecek' }, { action: 'reply', text: 'Ekibimiz yola çıktı.' }, { action: 'resolve', text: 'Boru değiştirildi, su verildi.' }]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${request!.id}/actions`, headers: staff, payload: body.action === 'comment' || body.action === 'reply' ? body : { ...body, version } });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }

    const view = await t.app.inject({ url: `/api/v1/portal/requests/${trackingNo}`, headers: { cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ trackingNo, status: 'resolved', resolution: 'Boru değiştirildi, su verildi.', canRate: true, rating: null });
    expect(view.json().timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'reply', 'resolve']);
    expect(view.body).not.toContain('İç not');

    // Without the CSRF header a cookie write is refused.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/portal/requests/${trackingNo}/rating`, headers: { cookie }, payload: { score: 5 } })).statusCode).toBe(403);
    const rated = await t.app.inject({ method: 'POST', url: `/api/v1/portal/requests/${trackingNo}/rating`, headers: { cookie, ...CSRF }, payload: { score: 4, comment: 'Hızlı çözüldü.' } });
    expect(rated.statusCode, rated.body).toBe(201);
    const [rating] = await t.database.db.select().from(satisfactionRatings).where(eq(satisfactionRatings.requestId, request!.id));
    expect(rating).toMatchObject({ score: 4, comment: 'Hızlı çözüldü.', channel: 'portal' });
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/portal/requests/${trackingNo}/rating`, headers: { cookie, ...CSRF }, payload: { score: 1 } });
    expect(twice.statusCode).toBe(409);
  });

  it("does not show one citizen another's request", async () => {
    const first = await submitAndConfirm('0532 700 00 08');
    const second = await submitAndConfirm('0532 700 00 09');
    const res = await t.app.inject({ url: `/api/v1/portal/requests/${first.trackingNo}`, headers: { cookie: second.cookie } });
    expect(res.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/portal/requests/${first.trackingNo}` })).statusCode).toBe(401);
  });

  it('takes photos, and refuses oversized ones and files that are not photos with a clear message', async () => {
    const { trackingNo, cookie } = await submitAndConfirm('0532 700 00 10');
    const upload = (content: Buffer, fileName: string) => {
      const boundary = '----cozum-test-boundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({ method: 'POST', url: `/api/v1/portal/requests/${trackingNo}/photos`, headers: { cookie, ...CSRF, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    };
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 1)]);
    const ok = await upload(jpeg, 'boru.jpg');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: 'boru.jpg', contentType: 'image/jpeg', sizeBytes: 2004 });
    // The name follows what the file is, not what it was called.
    const renamed = await upload(jpeg, 'kapı.html');
    expect(renamed.statusCode, renamed.body).toBe(201);
    expect(renamed.json()).toMatchObject({ fileName: 'kapı.jpg', contentType: 'image/jpeg' });

    const huge = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024, 1)]), 'kocaman.jpg');
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.details[0].field).toBe('file');
    expect(huge.json().error.message).toContain("'kocaman.jpg' is larger than 10 MB");

    const pdf = await upload(Buffer.from('%PDF-1.4 not a photo'), 'belge.pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toContain('is not a JPEG, PNG or WebP photo');

    const view = await t.app.inject({ url: `/api/v1/portal/requests/${trackingNo}`, headers: { cookie } });
    expect(view.json().timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'attachment', 'attachment']);
  });
});

describe('the map', () => {
  it('serves the district boundaries, and tiles only when a tile server is configured', async () => {
    const map = await t.app.inject('/api/v1/portal/map/districts');
    expect(map.json().features).toHaveLength(17);
    expect(map.json().attribution).toContain('OpenStreetMap');
    expect((await t.app.inject('/api/v1/portal/config')).json().mapTiles).toBeNull();
    expect(String((await t.app.inject('/portal')).headers['content-security-policy'] ?? '')).not.toContain('tiles.example.org');

    await withTestApp({ config: { mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', mapTileAttribution: '© Örnek Harita' } }, async (tiled) => {
      const config = await tiled.app.inject('/api/v1/portal/config');
      expect(config.json().mapTiles).toEqual({ url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Örnek Harita' });
      // The page may load the tiles: the server's CSP names the tile server.
      expect(String(config.headers['content-security-policy'])).toMatch(/img-src[^;]*https:\/\/tiles\.example\.org/);
    });
  });
});
