/**
 * Intake: one request from any channel. Checks the category, type and place, finds or creates
 * the citizen, routes to a unit, computes the deadlines, and writes the request, its first
 * event and the citizen's confirmation (outbox) in the caller's transaction.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DomainError, chooseRoute, computeDueDates, formatTrackingNumber, invalid } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, districts, neighbourhoods, requestEvents, requestTypes, requests, routingRules, units } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { loadCalendar } from '../calendar.js';
import { checkCitizen, findOrCreateCitizen, type CitizenInput } from '../citizens.js';
import { notifyCitizen } from '../notifications.js';

export const CHANNELS = ['phone', 'web', 'email', 'whatsapp', 'walk_in', 'field', 'cimer', 'open311', 'mobile'] as const;
export type Channel = (typeof CHANNELS)[number];
export const TRIAGE_UNIT_CODE = 'cozum-merkezi';

export interface CreateRequestInput {
  categoryId: number;
  requestType?: string;
  description: string;
  channel: Channel;
  districtId?: number | null;
  neighbourhoodId?: number | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  citizen?: CitizenInput | null;
}

export interface CreatedRequest {
  id: number;
  trackingNo: string;
  unitId: number;
  routedBy: string;
  dueAt: Date | null;
  legalDueAt: Date | null;
}

/** The year a tracking number carries is the year in Türkiye (UTC+3) at intake. */
const localYear = (now: Date) => new Date(now.getTime() + 3 * 3600_000).getUTCFullYear();

/**
 * One sequence per year (created by migration 0002 for 2000–2100): nextval never blocks
 * concurrent intakes, as a counter row would, and the numbers restart each year.
 */
async function nextTrackingNumber(ex: Executor, year: number): Promise<string> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('request.no_tracking_sequence', `tracking numbers exist for the years 2000 to 2100, not ${year}; add a migration for later years`);
  const result = (await ex.execute(sql.raw(`select nextval('request_tracking_${year}') as n`))) as unknown as { rows: { n: number | string }[] };
  return formatTrackingNumber(year, Number(result.rows[0]!.n));
}

async function categoryAncestors(ex: Executor, categoryId: number): Promise<number[]> {
  const all = await ex.select({ id: categories.id, parentId: categories.parentId }).from(categories);
  const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
  const chain: number[] = [];
  for (let at = parentOf.get(categoryId); at != null; at = parentOf.get(at)) chain.push(at);
  return chain;
}

export async function createRequest(ex: Executor, actor: Actor | null, input: CreateRequestInput, now: Date): Promise<CreatedRequest> {
  const description = input.description.trim();
  if (description.length < 5) throw invalid('description', 'must say what the request is about (at least 5 characters)');

  const [category] = await ex.select().from(categories).where(eq(categories.id, input.categoryId));
  if (!category || !category.active) throw invalid('categoryId', `category ${input.categoryId} does not exist or is no longer in use; pick one from the category search`);
  const typeCode = input.requestType ?? category.requestType;
  const [type] = await ex.select().from(requestTypes).where(eq(requestTypes.code, typeCode));
  if (!type || !type.active) throw invalid('requestType', `'${typeCode}' is not a request type`);

  // The place: a neighbourhood must lie in the chosen district.
  let districtId = input.districtId ?? null;
  const neighbourhoodId = input.neighbourhoodId ?? null;
  if (districtId) {
    const [district] = await ex.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
    if (!district) throw invalid('districtId', `district ${districtId} does not exist`);
  }
  if (neighbourhoodId) {
    const [hood] = await ex.select({ districtId: neighbourhoods.districtId, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, neighbourhoodId));
    if (!hood) throw invalid('neighbourhoodId', `neighbourhood ${neighbourhoodId} does not exist`);
    if (districtId && hood.districtId !== districtId) {
      const [chosen] = await ex.select({ name: districts.name }).from(districts).where(eq(districts.id, districtId));
      throw invalid('neighbourhoodId', `${hood.name} is not in ${chosen?.name ?? `district ${districtId}`}; choose a neighbourhood of that district or change the district`);
    }
    districtId ??= hood.districtId;
  }
  const hasLat = input.latitude != null;
  if (hasLat !== (input.longitude != null)) throw invalid(hasLat ? 'longitude' : 'latitude', 'give both latitude and longitude, or neither');

  // The citizen: anonymous only where the type allows it.
  let citizenId: number | null = null;
  const citizen = input.citizen ? checkCitizen(input.citizen) : null;
  if (citizen && (citizen.phone || citizen.tcKimlikNo || citizen.email || citizen.fullName)) citizenId = await findOrCreateCitizen(ex, citizen);
  if (!citizenId && !type.allowsAnonymous) throw invalid('citizen', `a ${type.nameEn.toLowerCase()} cannot be anonymous: give the applicant's name and a phone number or e-mail`);
  if (type.legalClock === 'information_4982' && !(citizen?.fullName && (citizen.phone || citizen.email || citizen.address))) {
    // Law 4982 art. 6: the applicant's name and an address for the answer are required.
    throw invalid('citizen', 'an information request (Law 4982 art. 6) needs the applicant\'s name and an address, e-mail or phone for the answer');
  }

  // Routing.
  const ancestors = await categoryAncestors(ex, category.id);
  const rules = await ex
    .select({ id: routingRules.id, categoryId: routingRules.categoryId, districtId: routingRules.districtId, neighbourhoodId: routingRules.neighbourhoodId, unitId: routingRules.unitId, active: routingRules.active })
    .from(routingRules)
    .where(and(inArray(routingRules.categoryId, [category.id, ...ancestors]), eq(routingRules.active, true)));
  const [triage] = await ex.select({ id: units.id }).from(units).where(eq(units.code, TRIAGE_UNIT_CODE));
  if (!triage) throw new DomainError('request.no_triage_unit', `no unit has the code '${TRIAGE_UNIT_CODE}', where unroutable requests go; run 'cozum seed' or create it`);
  const route = chooseRoute({ categoryId: category.id, categoryAncestors: ancestors, districtId, neighbourhoodId }, rules, { categoryDefaultUnitId: category.defaultUnitId, triageUnitId: triage.id });

  const calendar = await loadCalendar(ex);
  const due = computeDueDates({ receivedAt: now, category: { slaHours: category.slaHours, slaBusinessHours: category.slaBusinessHours }, legalClock: (type.legalClock ?? null) as never, calendar });
  const trackingNo = await nextTrackingNumber(ex, localYear(now));

  const [row] = await ex
    .insert(requests)
    .values({
      trackingNo,
      requestType: type.code,
      categoryId: category.id,
      status: 'new',
      channel: input.channel,
      description,
      citizenId,
      districtId,
      neighbourhoodId,
      address: input.address?.trim() || null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      unitId: route.unitId,
      routingRuleId: route.ruleId,
      routedBy: route.routedBy,
      dueAt: due.dueAt,
      legalDueAt: due.legalDueAt,
      createdBy: actor?.id ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: requests.id });
  const id = row!.id;
  await ex.insert(requestEvents).values({
    requestId: id,
    type: 'created',
    toStatus: 'new',
    actorId: actor?.id ?? null,
    actorKind: actor ? 'staff' : 'citizen',
    visibility: 'public',
    data: { channel: input.channel, unitId: route.unitId, routedBy: route.routedBy, ruleId: route.ruleId },
    at: now,
  });
  await notifyCitizen(ex, { citizenId, requestId: id, key: 'request.created', values: (locale) => ({ trackingNo, category: locale === 'en' ? category.nameEn : category.nameTr }) });
  return { id, trackingNo, unitId: route.unitId, routedBy: route.routedBy, dueAt: due.dueAt, legalDueAt: due.legalDueAt };
}
