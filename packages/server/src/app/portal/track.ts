/**
 * What a verified phone may see and do: its requests, each with the public part of its
 * timeline; a rating once a request is resolved; photos added to its own requests. Another
 * person's request answers "not found", exactly like one that does not exist.
 */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { DomainError, fieldError, isSolvedStatus, notFound } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { attachments, categories, citizens, districts, neighbourhoods, requestEvents, requests, satisfactionRatings } from '../../db/schema.js';
import { eventText } from '../open311/find-requests.js';
import { MAX_ATTACHMENT_BYTES, sniffType, storeFile, storedFileName } from '../requests/attachments.js';
import { selectRequestsWithNames } from '../requests/with-names.js';
import { checkChallenge, issueChallenge, maskedPhone, smsUnavailable, type CodeDelivery } from './challenges.js';
import { MAX_PHOTOS_PER_REQUEST, PHOTO_TYPES } from './limits.js';
import type { Proof } from '../proof-of-work.js';
import { checkPhone } from './submit.js';
import { startCitizenSession } from './sessions.js';

async function citizenIds(ex: Executor, phone: string): Promise<number[]> {
  return (await ex.select({ id: citizens.id }).from(citizens).where(eq(citizens.phone, phone))).map((c) => c.id);
}

/** Sends a sign-in code when the phone is known (and owns the tracking number, if one is given); answers alike either way. */
export async function startSignIn(ex: Executor, input: { phone: string; trackingNo?: string; locale?: 'tr' | 'en'; proof?: Proof }, context: { ip?: string; secret: string; delivery: CodeDelivery }, now: Date) {
  if (context.delivery.by === 'unavailable') throw smsUnavailable();
  const phone = checkPhone(input.phone);
  const trackingNo = input.trackingNo?.trim() || null;
  if (trackingNo && !/^\d{4}-\d{7}$/.test(trackingNo)) throw fieldError('trackingNo', 'not_tracking_number', `'${trackingNo}' is not a tracking number; it looks like 2026-0000123`);
  const ids = await citizenIds(ex, phone);
  let known = ids.length > 0;
  if (known && trackingNo) {
    const [owned] = await ex.select({ id: requests.id }).from(requests).where(and(eq(requests.trackingNo, trackingNo), inArray(requests.citizenId, ids)));
    known = Boolean(owned);
  }
  const challenge = await issueChallenge(ex, { purpose: 'sign_in', phone, payload: { trackingNo }, ip: context.ip, locale: input.locale ?? 'tr', secret: context.secret, delivery: context.delivery, send: known, proof: input.proof }, now);
  return { challengeId: challenge.id, expiresAt: challenge.expiresAt.toISOString(), phone: maskedPhone(phone) };
}

export async function confirmSignIn(ex: Executor, input: { challengeId: string; code: string }, context: { secret: string }, now: Date) {
  const check = await checkChallenge(ex, { id: input.challengeId, purpose: 'sign_in', code: input.code, secret: context.secret }, now);
  if (!check.ok) return check;
  const token = await startCitizenSession(ex, check.challenge.phone, context.secret, now);
  return { ok: true as const, token, trackingNo: ((check.challenge.payload ?? {}) as { trackingNo?: string | null }).trackingNo ?? null };
}

export async function myRequests(ex: Executor, phone: string) {
  const ids = await citizenIds(ex, phone);
  if (!ids.length) return [];
  const rows = await selectRequestsWithNames(ex, { trackingNo: requests.trackingNo, status: requests.status, categoryNameTr: categories.nameTr, categoryNameEn: categories.nameEn, createdAt: requests.createdAt, updatedAt: requests.updatedAt })
    .where(inArray(requests.citizenId, ids))
    .orderBy(desc(requests.createdAt))
    .limit(200);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}

async function ownedRequest(ex: Executor, phone: string, trackingNo: string) {
  const ids = await citizenIds(ex, phone);
  const [row] = ids.length ? await ex.select().from(requests).where(and(eq(requests.trackingNo, trackingNo), inArray(requests.citizenId, ids))) : [];
  if (!row) throw notFound('request', trackingNo);
  return row;
}

export async function publicRequestView(ex: Executor, phone: string, trackingNo: string) {
  const r = await ownedRequest(ex, phone, trackingNo);
  const [place] = await selectRequestsWithNames(ex, { categoryNameTr: categories.nameTr, categoryNameEn: categories.nameEn, districtName: districts.name, neighbourhoodName: neighbourhoods.name }).where(eq(requests.id, r.id));
  // Public events only: internal notes never reach the citizen.
  const events = await ex
    .select({ id: requestEvents.id, type: requestEvents.type, toStatus: requestEvents.toStatus, reason: requestEvents.reason, data: requestEvents.data, at: requestEvents.at })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, r.id), eq(requestEvents.visibility, 'public')))
    .orderBy(asc(requestEvents.at), asc(requestEvents.id));
  const [rating] = await ex.select({ score: satisfactionRatings.score, comment: satisfactionRatings.comment }).from(satisfactionRatings).where(eq(satisfactionRatings.requestId, r.id));
  return {
    trackingNo: r.trackingNo,
    status: r.status,
    description: r.description,
    categoryNameTr: place!.categoryNameTr,
    categoryNameEn: place!.categoryNameEn,
    districtName: place!.districtName,
    neighbourhoodName: place!.neighbourhoodName,
    address: r.address,
    createdAt: r.createdAt.toISOString(),
    dueAt: r.dueAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolution: r.resolution,
    timeline: events.map((e) => ({ id: e.id, type: e.type, toStatus: e.toStatus, text: e.type === 'attachment' ? null : eventText(e), at: e.at.toISOString() })),
    // Solved requests may be rated, once.
    canRate: isSolvedStatus(r.status) && !rating,
    rating: rating ?? null,
  };
}

export async function rateRequest(ex: Executor, phone: string, trackingNo: string, input: { score: number; comment?: string | null }, now: Date) {
  const r = await ownedRequest(ex, phone, trackingNo);
  if (!isSolvedStatus(r.status)) throw new DomainError('rating.not_resolved', 'you can rate the solution once the request is resolved', [{ field: 'score', code: 'invalid', params: { reason: 'not_resolved' }, message: 'the request is not resolved yet' }]);
  const [existing] = await ex.select({ id: satisfactionRatings.id }).from(satisfactionRatings).where(eq(satisfactionRatings.requestId, r.id));
  if (existing) throw new DomainError('rating.already_exists', 'this request has already been rated; thank you', [{ field: 'score', code: 'invalid', params: { reason: 'already_rated' }, message: 'already rated' }]);
  await ex.insert(satisfactionRatings).values({ requestId: r.id, score: input.score, comment: input.comment?.trim() || null, channel: 'portal', createdAt: now });
  return { score: input.score, comment: input.comment?.trim() || null };
}

export async function addCitizenPhoto(ex: Executor, phone: string, trackingNo: string, upload: { fileName: string; content: Buffer }, dataDir: string, now: Date) {
  const r = await ownedRequest(ex, phone, trackingNo);
  if (upload.content.length === 0) throw fieldError('file', 'empty', 'the photo is empty; choose it again');
  // The attachment rules: the same size limit, the type judged from the first bytes.
  if (upload.content.length > MAX_ATTACHMENT_BYTES) {
    const size = (upload.content.length / 1048576).toFixed(1);
    throw fieldError('file', 'too_large', `'${upload.fileName}' is ${size} MB; a photo may be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB — send a smaller one`, { limit: MAX_ATTACHMENT_BYTES / 1048576, size });
  }
  const contentType = sniffType(upload.content);
  if (!contentType || !(PHOTO_TYPES as readonly string[]).includes(contentType)) throw fieldError('file', 'not_file_type', `'${upload.fileName}' is not a JPEG, PNG or WebP photo; only photos are accepted here`, { allowed: 'JPEG, PNG, WebP' });
  const [already] = await ex.select({ n: count() }).from(requestEvents).where(and(eq(requestEvents.requestId, r.id), eq(requestEvents.type, 'attachment'), eq(requestEvents.actorKind, 'citizen')));
  if ((already?.n ?? 0) >= MAX_PHOTOS_PER_REQUEST) throw fieldError('file', 'too_many_files', `a request takes at most ${MAX_PHOTOS_PER_REQUEST} photos from the portal`, { limit: MAX_PHOTOS_PER_REQUEST });
  const { sha256, storageKey } = storeFile(upload.content, dataDir);
  const fileName = storedFileName(upload.fileName, contentType);
  const [event] = await ex
    .insert(requestEvents)
    .values({ requestId: r.id, type: 'attachment', actorKind: 'citizen', visibility: 'public', data: { fileName, contentType, sizeBytes: upload.content.length }, at: now })
    .returning({ id: requestEvents.id });
  // The photo itself stays internal: staff see it; the public timeline only says one was added.
  const [row] = await ex
    .insert(attachments)
    .values({ requestId: r.id, eventId: event!.id, fileName, contentType, sizeBytes: upload.content.length, storageKey, sha256, visibility: 'internal', uploadedBy: null, createdAt: now })
    .returning({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes });
  return row!;
}
