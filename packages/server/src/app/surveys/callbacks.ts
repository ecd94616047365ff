/**
 * Whom to call back for the satisfaction survey: citizens of resolved requests who have not
 * rated the solution, whose link (if any) had a few days to be answered. The agent reads the
 * active satisfaction survey to them and records the answers on the `callback` channel.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { SOLVED_STATUSES } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, citizens, requests, satisfactionRatings, surveyInvitations } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';
import { selectRequestsWithNames } from '../requests/with-names.js';

export interface CallbackFilter {
  /** Days since the resolution before a call (the link's chance to be answered first). */
  afterDays?: number;
  /** Requests resolved longer ago are not asked any more. */
  withinDays?: number;
  limit?: number;
}

/** Only roles that call citizens back reach this (roles.ts, surveys.callback): it shows names and phone numbers in full. */
export async function satisfactionCallbacks(ex: Executor, actor: Actor, now: Date, filter: CallbackFilter = {}, ip?: string) {
  const latest = new Date(now.getTime() - (filter.afterDays ?? 3) * 86400_000);
  const earliest = new Date(now.getTime() - (filter.withinDays ?? 30) * 86400_000);
  const rows = await selectRequestsWithNames(ex, {
    requestId: requests.id,
    trackingNo: requests.trackingNo,
    categoryTr: categories.nameTr,
    resolvedAt: requests.resolvedAt,
    resolution: requests.resolution,
    citizenId: citizens.id,
    fullName: citizens.fullName,
    phone: citizens.phone,
    locale: citizens.locale,
    linkSent: sql<boolean>`exists (select 1 from ${surveyInvitations} where ${surveyInvitations.requestId} = ${requests.id})`,
  })
    .innerJoin(citizens, eq(citizens.id, requests.citizenId))
    .where(
      and(
        inArray(requests.status, [...SOLVED_STATUSES]),
        lte(requests.resolvedAt, latest),
        gte(requests.resolvedAt, earliest),
        isNotNull(citizens.phone),
        isNull(citizens.anonymisedAt),
        sql`not exists (select 1 from ${satisfactionRatings} where ${satisfactionRatings.requestId} = ${requests.id})`,
      ),
    )
    .orderBy(asc(requests.resolvedAt))
    .limit(filter.limit ?? 100);
  // KVKK: the agent sees full phone numbers to call them; the log says who saw whose.
  if (rows.length) await recordAudit(ex, { actor, action: 'personal_data.view', subjectType: 'citizen', subjectId: rows.map((r) => r.citizenId).join(','), purpose: 'satisfaction survey call-back list', ip });
  return rows.map((r) => ({ ...r, resolvedAt: r.resolvedAt!.toISOString(), linkSent: Boolean(r.linkSent) }));
}
