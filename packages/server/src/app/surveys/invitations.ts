/**
 * Survey links: the satisfaction survey sent after a resolution (by SMS and e-mail through the
 * outbox, in the citizen's language), and links to a campaign that staff hand out (printed on a
 * flyer, shared by the muhtar). Each link takes one answer.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { DomainError, MESSAGE_CHANNELS, SOLVED_STATUSES, fieldError } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { citizens, requests, satisfactionRatings, surveyInvitations, surveys } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';
import { notifyCitizens, type Channel } from '../notifications.js';
import { getSurvey } from './surveys.js';
import { surveyLink } from './tokens.js';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.js';

/** A link stays open this long. */
export const LINK_DAYS = 30;
/** Wait this long after the resolution: the citizen hears of it first, and may still reopen. */
export const SATISFACTION_DELAY_MINUTES = 60;
/** Requests resolved longer ago than this are not asked any more (e.g. after the survey was first opened). */
export const SATISFACTION_WITHIN_DAYS = 14;

export interface LinkOptions {
  secret: string;
  publicUrl: string;
}

/** Links to a campaign survey, optionally marked with the district they are handed out in. */
export async function createCampaignLinks(ex: Executor, actor: Actor, surveyId: number, input: { count: number; districtId?: number | null }, now: Date, options: LinkOptions) {
  const survey = await getSurvey(ex, surveyId);
  if (survey.kind !== 'campaign') throw fieldError('surveyId', 'campaigns_only', 'satisfaction survey links are sent by themselves after each resolution; links are made for campaigns');
  if (survey.status === 'closed') throw new DomainError('survey.closed', `"${survey.titleTr}" is closed; open it again before handing out links`, undefined, { title: survey.titleTr });
  const districtId = input.districtId ?? null;
  if (districtId && survey.districtIds.length && !survey.districtIds.includes(districtId)) throw fieldError('districtId', 'not_targeted', `"${survey.titleTr}" is not asked in district ${districtId}`, { survey: survey.titleTr });
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 86400_000);
  const rows = await ex
    .insert(surveyInvitations)
    .values(Array.from({ length: input.count }, () => ({ surveyId, channel: 'link', districtId, createdAt: now, expiresAt })))
    .returning({ id: surveyInvitations.id });
  await recordAudit(ex, { actor, action: 'survey.links', subjectType: 'survey', subjectId: surveyId, data: { count: input.count, districtId } });
  return rows.map((r) => ({ id: r.id, url: surveyLink(options.publicUrl, r.id, options.secret), expiresAt: expiresAt.toISOString() }));
}

/**
 * Sends the active satisfaction survey to citizens whose requests were resolved: one link per
 * channel we can reach them on, the invitation and its message committed together. Requests
 * are claimed with SKIP LOCKED, so several processes can run this side by side.
 */
export async function inviteResolvedRequests(
  ex: Executor,
  now: Date,
  options: LinkOptions & { delayMinutes?: number; withinDays?: number; limit?: number },
): Promise<number> {
  // One pass at a time across servers. Locking the requests alone is not enough: a pass whose
  // snapshot predates another's commit would lock the rows once they are free and, not seeing
  // the invitations just made, invite the same citizens again.
  const locked = (await ex.execute(sql`select pg_try_advisory_xact_lock(${ADVISORY_LOCKS.surveyInvitations}) as ok`)) as unknown as { rows: { ok: boolean }[] };
  if (!locked.rows[0]?.ok) return 0;
  const [survey] = await ex.select({ id: surveys.id }).from(surveys).where(and(eq(surveys.kind, 'satisfaction'), eq(surveys.status, 'active')));
  if (!survey) return 0;
  const latest = new Date(now.getTime() - (options.delayMinutes ?? SATISFACTION_DELAY_MINUTES) * 60_000);
  const earliest = new Date(now.getTime() - (options.withinDays ?? SATISFACTION_WITHIN_DAYS) * 86400_000);
  const due = await ex
    .select({ id: requests.id, trackingNo: requests.trackingNo, citizenId: requests.citizenId, districtId: requests.districtId, phone: citizens.phone, email: citizens.email, locale: citizens.locale })
    .from(requests)
    .innerJoin(citizens, eq(citizens.id, requests.citizenId))
    .where(
      and(
        inArray(requests.status, [...SOLVED_STATUSES]),
        isNotNull(requests.resolvedAt),
        lte(requests.resolvedAt, latest),
        gte(requests.resolvedAt, earliest),
        isNull(citizens.anonymisedAt),
        or(isNotNull(citizens.phone), isNotNull(citizens.email)),
        sql`not exists (select 1 from ${surveyInvitations} where ${surveyInvitations.requestId} = ${requests.id})`,
        sql`not exists (select 1 from ${satisfactionRatings} where ${satisfactionRatings.requestId} = ${requests.id})`,
      ),
    )
    .orderBy(requests.resolvedAt)
    .limit(options.limit ?? 200)
    .for('update', { of: requests, skipLocked: true });
  if (!due.length) return 0;

  const expiresAt = new Date(now.getTime() + LINK_DAYS * 86400_000);
  const wanted = due.flatMap((r) => [
    ...(r.phone ? [{ request: r, channel: 'sms_link' as const }] : []),
    ...(r.email ? [{ request: r, channel: 'email_link' as const }] : []),
  ]);
  const rows = await ex
    .insert(surveyInvitations)
    .values(wanted.map((w) => ({ surveyId: survey.id, requestId: w.request.id, channel: w.channel, districtId: w.request.districtId, createdAt: now, expiresAt })))
    .returning({ id: surveyInvitations.id, requestId: surveyInvitations.requestId, channel: surveyInvitations.channel });
  const localeOf = new Map(due.map((r) => [r.id, r.locale]));
  // The page opens in the language the message was written in.
  const linkOf = new Map(rows.map((r) => [`${r.requestId}|${r.channel}`, `${surveyLink(options.publicUrl, r.id, options.secret)}${localeOf.get(r.requestId!) === 'en' ? '?lang=en' : ''}`]));
  const linkFor = (requestId: number, channel: Channel) => linkOf.get(`${requestId}|${channel === 'sms' ? 'sms_link' : 'email_link'}`) ?? '';
  await notifyCitizens(
    ex,
    due.map((r) => ({ citizenId: r.citizenId, requestId: r.id, key: 'survey.satisfaction' as const, channels: MESSAGE_CHANNELS, values: (_locale, channel) => ({ trackingNo: r.trackingNo, link: linkFor(r.id, channel) }) })),
  );
  return due.length;
}
