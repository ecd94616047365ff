/**
 * A request taken face to face by a field team or at the Mobile Solution Bus, possibly hours
 * before the tablet found a network. Goes through the one intake use case (createRequest) on
 * the 'field' channel, and is counted under its visit.
 */
import { fieldError } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { fieldVisitRequests } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { createRequest } from '../requests/create-request.js';
import { checkVisitMember } from './visits.js';
import type { FieldRequestBody } from '@cozum/contract';

/** A request captured in the field; `capturedAt` is when the citizen asked, by the tablet's clock (the deadlines run from then). */
export type FieldCaptureInput = FieldRequestBody;

/** How far back an offline capture may be dated: a tablet that was a week without network. */
const MAX_OFFLINE_DAYS = 7;
/** Tablet clocks drift; a capture a few minutes "in the future" is the same moment. */
const CLOCK_SKEW_MS = 10 * 60_000;

export function captureTime(capturedAt: string | undefined, now: Date): Date {
  if (!capturedAt) return now;
  const at = new Date(capturedAt);
  if (Number.isNaN(at.getTime())) throw fieldError('capturedAt', 'not_date', `'${capturedAt}' is not a date and time; send ISO 8601, e.g. 2026-05-04T07:30:00Z`, { value: capturedAt });
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw fieldError('capturedAt', 'in_future', `${capturedAt} is in the future; check the tablet's clock`);
  if (at.getTime() < now.getTime() - MAX_OFFLINE_DAYS * 86400_000) throw fieldError('capturedAt', 'too_old', `${capturedAt} is more than ${MAX_OFFLINE_DAYS} days ago; record it as a new request`, { days: MAX_OFFLINE_DAYS });
  return at > now ? now : at;
}

export async function captureFieldRequest(ex: Executor, actor: Actor, input: FieldCaptureInput, now: Date) {
  if (input.visitId) await checkVisitMember(ex, actor, input.visitId);
  const at = captureTime(input.capturedAt, now);
  const created = await createRequest(
    ex,
    actor,
    {
      categoryId: input.categoryId,
      description: input.description,
      channel: 'field',
      districtId: input.districtId ?? null,
      neighbourhoodId: input.neighbourhoodId ?? null,
      address: input.address ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      citizen: input.citizen ?? null,
    },
    at,
  );
  if (input.visitId) await ex.insert(fieldVisitRequests).values({ requestId: created.id, visitId: input.visitId });
  return { id: created.id, trackingNo: created.trackingNo, unitId: created.unitId, dueAt: created.dueAt?.toISOString() ?? null, visitId: input.visitId ?? null };
}
