/**
 * A citizen's submission on the portal, in two steps: the form is checked and kept with a
 * one-time code sent to the phone; the code confirms it, and only then does the request exist
 * (through the same intake as every channel), with the consent to the privacy notice recorded
 * and a citizen session started, all in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import { fieldError, normalizePhone } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, citizens, consents, districts, neighbourhoods, portalChallenges, requests, requestTypes } from '../../db/schema.js';
import { createRequest } from '../requests/create-request.js';
import type { Proof } from '../proof-of-work.js';
import { checkChallenge, issueChallenge, maskedPhone, smsUnavailable, type CodeDelivery } from './challenges.js';
import { NOTICE_VERSION } from './notice.js';
import { districtAt } from './places.js';
import { startCitizenSession } from './sessions.js';

export interface SubmissionInput {
  categoryId: number;
  description: string;
  districtId?: number | null;
  neighbourhoodId?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  fullName?: string | null;
  phone: string;
  email?: string | null;
  locale?: 'tr' | 'en';
  consent: boolean;
  noticeVersion: string;
  /** The honeypot: people never see it, so only a robot fills it in. */
  website?: string;
  /** Asked for after many codes to this number or from this address (proof_of_work.required). */
  proof?: Proof;
}

interface Draft {
  categoryId: number;
  description: string;
  districtId: number | null;
  neighbourhoodId: number | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  fullName: string | null;
  email: string | null;
  locale: 'tr' | 'en';
  noticeVersion: string;
}

async function checkDraft(ex: Executor, input: SubmissionInput): Promise<Draft> {
  const description = input.description.trim();
  if (description.length < 10) throw fieldError('description', 'min_length', 'describe the problem in at least 10 characters: what, and where exactly', { limit: 10 });
  const [category] = await ex
    .select({ active: categories.active, legalClock: requestTypes.legalClock })
    .from(categories)
    .innerJoin(requestTypes, eq(requestTypes.code, categories.requestType))
    .where(eq(categories.id, input.categoryId));
  if (!category?.active) throw fieldError('categoryId', 'one_of', 'choose a topic from the list');
  const fullName = input.fullName?.trim() || null;
  // Law 4982 art. 6: an information request names the applicant.
  if (category.legalClock === 'information_4982' && !fullName) throw fieldError('fullName', 'required', 'an information request (Law 4982) needs your name and surname', { reason: 'information' });
  const email = input.email?.trim().toLowerCase() || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fieldError('email', 'not_email', `'${input.email}' is not an e-mail address; leave it empty or write it like ad@ornek.com`);

  let districtId = input.districtId ?? null;
  const neighbourhoodId = input.neighbourhoodId ?? null;
  const hasPoint = input.latitude != null && input.longitude != null;
  if ((input.latitude == null) !== (input.longitude == null)) throw fieldError(input.latitude == null ? 'latitude' : 'longitude', 'both_or_neither', 'give both latitude and longitude, or neither', { other: input.latitude == null ? 'longitude' : 'latitude' });
  if (hasPoint) {
    const located = await districtAt(ex, { latitude: input.latitude!, longitude: input.longitude! });
    if (districtId && districtId !== located.id) throw fieldError('districtId', 'pin_elsewhere', `the pin is in ${located.name}; choose that district or move the pin`, { district: located.name });
    districtId = located.id;
  }
  if (districtId) {
    const [district] = await ex.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
    if (!district) throw fieldError('districtId', 'one_of', 'choose a district from the list');
  }
  if (neighbourhoodId) {
    const [hood] = await ex.select({ id: neighbourhoods.id }).from(neighbourhoods).where(and(eq(neighbourhoods.id, neighbourhoodId), districtId ? eq(neighbourhoods.districtId, districtId) : undefined));
    if (!hood) throw fieldError('neighbourhoodId', 'one_of', 'choose a neighbourhood of the chosen district');
  }
  if (!districtId && !input.address?.trim()) throw fieldError('districtId', 'required', 'say where: choose the district (and neighbourhood), or put a pin on the map', { reason: 'place' });
  return {
    categoryId: input.categoryId,
    description,
    districtId,
    neighbourhoodId,
    latitude: hasPoint ? input.latitude! : null,
    longitude: hasPoint ? input.longitude! : null,
    address: input.address?.trim() || null,
    fullName,
    email,
    locale: input.locale ?? 'tr',
    noticeVersion: input.noticeVersion,
  };
}

export function checkPhone(raw: string): string {
  const phone = normalizePhone(raw);
  // Codes go by SMS: a mobile number (5xx) is needed.
  if (!phone || !/^905\d{9}$/.test(phone)) throw fieldError('phone', 'not_mobile', `'${raw}' is not a mobile number; write it like 0532 123 45 67`);
  return phone;
}

export async function startSubmission(ex: Executor, input: SubmissionInput, context: { ip?: string; secret: string; delivery: CodeDelivery }, now: Date) {
  // Before the form is judged: without a code nothing could confirm it.
  if (context.delivery.by === 'unavailable') throw smsUnavailable();
  const phone = checkPhone(input.phone);
  if (input.consent !== true) throw fieldError('consent', 'required', 'read the privacy notice and tick the box to agree; we cannot take the request without it', { reason: 'consent' });
  if (input.noticeVersion !== NOTICE_VERSION) throw fieldError('noticeVersion', 'outdated', 'the privacy notice has changed since the page was opened; reload the page and read it again');
  const draft = await checkDraft(ex, input);
  const challenge = await issueChallenge(ex, { purpose: 'submit', phone, payload: { ...draft }, ip: context.ip, locale: draft.locale, secret: context.secret, delivery: context.delivery, proof: input.proof }, now);
  return { submissionId: challenge.id, expiresAt: challenge.expiresAt.toISOString(), phone: maskedPhone(phone) };
}

export async function confirmSubmission(ex: Executor, input: { submissionId: string; code: string }, context: { ip?: string; secret: string }, now: Date) {
  const check = await checkChallenge(ex, { id: input.submissionId, purpose: 'submit', code: input.code, secret: context.secret }, now);
  if (!check.ok) return check;
  const { challenge } = check;
  const draft = challenge.payload as Draft;
  const created = await createRequest(
    ex,
    null,
    {
      categoryId: draft.categoryId,
      description: draft.description,
      channel: 'web',
      districtId: draft.districtId,
      neighbourhoodId: draft.neighbourhoodId,
      address: draft.address,
      latitude: draft.latitude,
      longitude: draft.longitude,
      citizen: { fullName: draft.fullName, phone: challenge.phone, email: draft.email, locale: draft.locale },
    },
    now,
  );
  const [row] = await ex.select({ citizenId: requests.citizenId }).from(requests).where(eq(requests.id, created.id));
  const citizenId = row?.citizenId ?? null;
  await ex.update(portalChallenges).set({ requestId: created.id }).where(eq(portalChallenges.id, challenge.id));
  // KVKK: the consent, with the notice version the person read, beside the request it came with.
  await ex.insert(consents).values({ citizenId, phone: challenge.phone, purpose: 'request_submission', noticeVersion: draft.noticeVersion, channel: 'portal', ip: context.ip ?? null, requestId: created.id, givenAt: now });
  if (citizenId) await ex.update(citizens).set({ consentAt: now, consentNoticeVersion: draft.noticeVersion }).where(eq(citizens.id, citizenId));
  const token = await startCitizenSession(ex, challenge.phone, context.secret, now);
  return { ok: true as const, trackingNo: created.trackingNo, token };
}

/** A robot filled in the honeypot: the route answers it like a person, and nothing happens. */
export const isRobot = (input: { website?: string }) => Boolean(input.website?.trim());
