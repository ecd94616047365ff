/**
 * "Someone already reported this": an agent who finds the caller's problem among the open
 * requests links the caller to it instead of recording it again. The caller becomes a
 * follower: told the tracking number now and the solution when it comes, as the original
 * applicant is. The request's timeline shows how many reported it.
 */
import { eq, sql } from 'drizzle-orm';
import { DomainError, fieldError, isOpenStatus, notFound, type Channel } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, requestEvents, requestFollowers, requests } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { checkCitizen, findOrCreateCitizens, type CitizenInput } from '../citizens.js';
import { channelsFor, notifyCitizens, type Notice } from '../notifications.js';
import { checkUnitScope } from './detail.js';

export interface FollowInput {
  citizen: CitizenInput;
  channel: Channel;
}

export async function followRequest(ex: Executor, actor: Actor, requestId: number, input: FollowInput, now: Date) {
  const [request] = await ex
    .select({ id: requests.id, trackingNo: requests.trackingNo, status: requests.status, unitId: requests.unitId, citizenId: requests.citizenId, requestType: requests.requestType, category: categories.nameTr, categoryEn: categories.nameEn })
    .from(requests)
    .innerJoin(categories, eq(categories.id, requests.categoryId))
    .where(eq(requests.id, requestId))
    .for('update', { of: requests });
  if (!request) throw notFound('request', requestId);
  checkUnitScope(actor, request.unitId);
  // A linked caller can still be helped only while the request is open.
  if (!isOpenStatus(request.status)) {
    throw new DomainError('request.conflict', `request ${request.trackingNo} is ${request.status}; record a new request for this caller instead`, undefined, { reason: 'closed', trackingNo: request.trackingNo, status: request.status });
  }
  const checked = checkCitizen(input.citizen);
  if (!checked.phone && !checked.email) throw fieldError('citizen', 'needs_contact', "give the caller's phone or e-mail, so they can be told when the problem is solved", { reason: 'follower' });
  const [citizen] = await findOrCreateCitizens(ex, [checked]);
  if (citizen!.id === request.citizenId) return { requestId, trackingNo: request.trackingNo, followers: await countFollowers(ex, requestId), alreadyFollowing: true };

  const added = await ex.insert(requestFollowers).values({ requestId, citizenId: citizen!.id, channel: input.channel, createdBy: actor.id, createdAt: now }).onConflictDoNothing().returning({ citizenId: requestFollowers.citizenId });
  if (added.length) {
    await ex.insert(requestEvents).values({ requestId, type: 'follower_added', actorId: actor.id, actorKind: 'staff', visibility: 'internal', data: { citizenId: citizen!.id, channel: input.channel }, at: now });
    // The confirmation a new applicant gets, on the channels the request's type chose for it:
    // this tracking number is now theirs to quote too.
    const channels = await channelsFor(ex, request.requestType, 'received');
    await notifyCitizens(ex, [{ citizenId: citizen!.id, requestId, key: 'request.created', channels, values: (locale) => ({ trackingNo: request.trackingNo, category: locale === 'en' ? request.categoryEn : request.category }) }], new Map([[citizen!.id, citizen!]]));
  }
  return { requestId, trackingNo: request.trackingNo, followers: await countFollowers(ex, requestId), alreadyFollowing: added.length === 0 };
}

async function countFollowers(ex: Executor, requestId: number): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(requestFollowers).where(eq(requestFollowers.requestId, requestId));
  return row?.n ?? 0;
}

/** Notices for a request's followers, e.g. its resolution. */
export async function followerNotices(ex: Executor, requestId: number, notice: Omit<Notice, 'citizenId' | 'requestId'>): Promise<Notice[]> {
  const rows = await ex.select({ citizenId: requestFollowers.citizenId }).from(requestFollowers).where(eq(requestFollowers.requestId, requestId));
  return rows.map((r) => ({ ...notice, citizenId: r.citizenId, requestId }));
}
