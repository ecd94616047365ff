/**
 * Intake: one request from any channel. Checks the category, type and place, finds or creates
 * the citizen, routes to a unit, computes the deadlines, and writes the request, its first
 * event and the citizen's confirmation (outbox) in the caller's transaction.
 *
 * In two steps, so the API can take many intakes in one transaction (intake-queue.ts):
 * `prepareIntake` checks and decides everything from reference data alone, and
 * `writeIntakes` writes any number of prepared intakes with a handful of statements.
 */
import { sql } from 'drizzle-orm';
import { DomainError, chooseRoute, computeDueDates, formatTrackingNumber, invalid, type Route } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { requestEvents, requests } from '../../db/schema.js';
import type { Actor } from '../audit.js';
import { checkCitizen, findOrCreateCitizens, type CheckedCitizen, type CitizenInput } from '../citizens.js';
import { notifyCitizens } from '../notifications.js';
import { ancestorsOf, loadIntakeReference, TRIAGE_UNIT_CODE, type CategoryRef, type IntakeReference } from './intake-reference.js';

export { TRIAGE_UNIT_CODE };
export const CHANNELS = ['phone', 'web', 'email', 'whatsapp', 'walk_in', 'field', 'cimer', 'open311', 'mobile'] as const;
export type Channel = (typeof CHANNELS)[number];

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

/** An intake checked and decided, ready to write. */
export interface PreparedIntake {
  actor: Actor | null;
  input: CreateRequestInput;
  now: Date;
  description: string;
  category: CategoryRef;
  typeCode: string;
  districtId: number | null;
  neighbourhoodId: number | null;
  citizen: CheckedCitizen | null;
  route: Route;
  dueAt: Date | null;
  legalDueAt: Date | null;
}

/** The year a tracking number carries is the year in Türkiye (UTC+3) at intake. */
const localYear = (now: Date) => new Date(now.getTime() + 3 * 3600_000).getUTCFullYear();

/**
 * One sequence per year (created by migration 0002 for 2000–2100): nextval never blocks
 * concurrent intakes, as a counter row would, and the numbers restart each year.
 */
/**
 * One sequence per year (created by migration 0002 for 2000–2100): nextval never blocks
 * concurrent intakes, as a counter row would, and the numbers restart each year.
 */
async function nextTrackingNumbers(ex: Executor, year: number, count: number): Promise<string[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('request.no_tracking_sequence', `tracking numbers exist for the years 2000 to 2100, not ${year}; add a migration for later years`);
  const result = (await ex.execute(sql.raw(`select nextval('request_tracking_${year}') as n from generate_series(1, ${count}) order by 1`))) as unknown as { rows: { n: number | string }[] };
  return result.rows.map((r) => formatTrackingNumber(year, Number(r.n)));
}

/** Checks one intake against the reference data and decides its unit and deadlines; writes nothing. */
export function prepareIntake(reference: IntakeReference, actor: Actor | null, input: CreateRequestInput, now: Date): PreparedIntake {
  const description = input.description.trim();
  if (description.length < 5) throw invalid('description', 'must say what the request is about (at least 5 characters)');

  const category = reference.categories.get(input.categoryId);
  if (!category || !category.active) throw invalid('categoryId', `category ${input.categoryId} does not exist or is no longer in use; pick one from the category search`);
  const typeCode = input.requestType ?? category.requestType;
  const type = reference.requestTypes.get(typeCode);
  if (!type || !type.active) throw invalid('requestType', `'${typeCode}' is not a request type`);

  // The place: a neighbourhood must lie in the chosen district.
  let districtId = input.districtId ?? null;
  const neighbourhoodId = input.neighbourhoodId ?? null;
  if (districtId && !reference.districts.has(districtId)) throw invalid('districtId', `district ${districtId} does not exist`);
  if (neighbourhoodId) {
    const hood = reference.neighbourhoods.get(neighbourhoodId);
    if (!hood) throw invalid('neighbourhoodId', `neighbourhood ${neighbourhoodId} does not exist`);
    if (districtId && hood.districtId !== districtId) {
      throw invalid('neighbourhoodId', `${hood.name} is not in ${reference.districts.get(districtId)?.name ?? `district ${districtId}`}; choose a neighbourhood of that district or change the district`);
    }
    districtId ??= hood.districtId;
  }
  const hasLat = input.latitude != null;
  if (hasLat !== (input.longitude != null)) throw invalid(hasLat ? 'longitude' : 'latitude', 'give both latitude and longitude, or neither');

  // The citizen: anonymous only where the type allows it.
  const checked = input.citizen ? checkCitizen(input.citizen) : null;
  const citizen = checked && (checked.phone || checked.tcKimlikNo || checked.email || checked.fullName) ? checked : null;
  if (!citizen && !type.allowsAnonymous) throw invalid('citizen', `a ${type.nameEn.toLowerCase()} cannot be anonymous: give the applicant's name and a phone number or e-mail`);
  if (type.legalClock === 'information_4982' && !(citizen?.fullName && (citizen.phone || citizen.email || citizen.address))) {
    // Law 4982 art. 6: the applicant's name and an address for the answer are required.
    throw invalid('citizen', 'an information request (Law 4982 art. 6) needs the applicant\'s name and an address, e-mail or phone for the answer');
  }

  // Routing: the most specific rule of the category or its parents, else defaults.
  if (reference.triageUnitId == null) throw new DomainError('request.no_triage_unit', `no unit has the code '${TRIAGE_UNIT_CODE}', where unroutable requests go; run 'cozum seed' or create it`);
  const ancestors = ancestorsOf(reference, category.id);
  const rules = [category.id, ...ancestors].flatMap((id) => reference.rules.get(id) ?? []);
  const route = chooseRoute({ categoryId: category.id, categoryAncestors: ancestors, districtId, neighbourhoodId }, rules, { categoryDefaultUnitId: category.defaultUnitId, triageUnitId: reference.triageUnitId });

  const due = computeDueDates({ receivedAt: now, category: { slaHours: category.slaHours, slaBusinessHours: category.slaBusinessHours }, legalClock: (type.legalClock ?? null) as never, calendar: reference.calendar });
  return { actor, input, now, description, category, typeCode: type.code, districtId, neighbourhoodId, citizen, route, dueAt: due.dueAt, legalDueAt: due.legalDueAt };
}

/** Writes prepared intakes: citizens, tracking numbers, requests, first events, confirmations. */
export async function writeIntakes(ex: Executor, intakes: PreparedIntake[]): Promise<CreatedRequest[]> {
  if (!intakes.length) return [];
  const withCitizen = intakes.filter((i) => i.citizen);
  const contacts = await findOrCreateCitizens(ex, withCitizen.map((i) => i.citizen!));
  const citizenOf = new Map(withCitizen.map((intake, n) => [intake, contacts[n]!]));

  const trackingNos: string[] = new Array(intakes.length);
  const byYear = new Map<number, number[]>();
  intakes.forEach((intake, n) => byYear.set(localYear(intake.now), [...(byYear.get(localYear(intake.now)) ?? []), n]));
  for (const [year, members] of byYear) {
    const numbers = await nextTrackingNumbers(ex, year, members.length);
    members.forEach((n, k) => (trackingNos[n] = numbers[k]!));
  }

  const rows = await ex
    .insert(requests)
    .values(
      intakes.map((intake, n) => ({
        trackingNo: trackingNos[n]!,
        requestType: intake.typeCode,
        categoryId: intake.category.id,
        status: 'new',
        channel: intake.input.channel,
        description: intake.description,
        citizenId: citizenOf.get(intake)?.id ?? null,
        districtId: intake.districtId,
        neighbourhoodId: intake.neighbourhoodId,
        address: intake.input.address?.trim() || null,
        latitude: intake.input.latitude ?? null,
        longitude: intake.input.longitude ?? null,
        unitId: intake.route.unitId,
        routingRuleId: intake.route.ruleId,
        routedBy: intake.route.routedBy,
        dueAt: intake.dueAt,
        legalDueAt: intake.legalDueAt,
        createdBy: intake.actor?.id ?? null,
        createdAt: intake.now,
        updatedAt: intake.now,
      })),
    )
    .returning({ id: requests.id, trackingNo: requests.trackingNo });
  const idOf = new Map(rows.map((r) => [r.trackingNo, r.id]));
  const ids = trackingNos.map((t) => idOf.get(t)!);

  await ex.insert(requestEvents).values(
    intakes.map((intake, n) => ({
      requestId: ids[n]!,
      type: 'created',
      toStatus: 'new',
      actorId: intake.actor?.id ?? null,
      actorKind: intake.actor ? 'staff' : 'citizen',
      visibility: 'public',
      data: { channel: intake.input.channel, unitId: intake.route.unitId, routedBy: intake.route.routedBy, ruleId: intake.route.ruleId },
      at: intake.now,
    })),
  );
  await notifyCitizens(
    ex,
    intakes.map((intake, n) => ({
      citizenId: citizenOf.get(intake)?.id ?? null,
      requestId: ids[n]!,
      key: 'request.created' as const,
      values: (locale: 'tr' | 'en') => ({ trackingNo: trackingNos[n]!, category: locale === 'en' ? intake.category.nameEn : intake.category.nameTr }),
    })),
    new Map(contacts.map((c) => [c.id, c])),
  );
  return intakes.map((intake, n) => ({ id: ids[n]!, trackingNo: trackingNos[n]!, unitId: intake.route.unitId, routedBy: intake.route.routedBy, dueAt: intake.dueAt, legalDueAt: intake.legalDueAt }));
}

/** One intake in the caller's transaction (portal, Open311, field sync, imports). */
export async function createRequest(ex: Executor, actor: Actor | null, input: CreateRequestInput, now: Date): Promise<CreatedRequest> {
  const reference = await loadIntakeReference(ex, input);
  const [created] = await writeIntakes(ex, [prepareIntake(reference, actor, input, now)]);
  return created!;
}
