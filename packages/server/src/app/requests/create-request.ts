/**
 * Intake: one request from any channel. Checks the category, type and place, finds or creates
 * the citizen, routes to a unit, computes the deadlines, and writes the request, its first
 * event and the citizen's confirmation (outbox) in the caller's transaction.
 *
 * In two steps, so the API can take many intakes together (intake-queue.ts): `prepareIntake`
 * checks and decides everything from reference data alone, and `writeIntakes` writes any
 * number of prepared intakes with two statements (four with citizens to look up).
 */
import { sql } from 'drizzle-orm';
import { channelsToTell, chooseRoute, computeDueDates, DomainError, fieldError, formatTrackingNumber, localYear, type Route } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { drawFromSequences, executePrepared, jsonRows, oneStatement } from '../../db/bulk.js';
import type { Actor } from '../audit.js';
import { checkCitizen, CITIZEN_IDS, contactOf, planCitizens, writeCitizens, type CheckedCitizen } from '../citizens.js';
import { composeMessages } from '../notifications.js';
import { insertMessages } from '../outbox.js';
import { ancestorsOf, loadIntakeReference, notificationsOf, ReferenceMoved, REFERENCE_VERSION, TRIAGE_UNIT_CODE, type CategoryRef, type IntakeReference } from './intake-lookups.js';
import type { CreateRequestBody } from '@cozum/contract';

export { TRIAGE_UNIT_CODE };

/** A request as any channel's intake gives it (the contract's body of POST /requests). */
export type CreateRequestInput = CreateRequestBody;

export interface CreatedRequest {
  id: number;
  trackingNo: string;
  unitId: number;
  routedBy: Route['routedBy'];
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

/**
 * One sequence per year (created by migration 0002 for 2000–2100): nextval never blocks
 * concurrent intakes, as a counter row would, and the numbers restart each year.
 */
function trackingSequence(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('request.no_tracking_sequence', `tracking numbers exist for the years 2000 to 2100, not ${year}; add a migration for later years`, undefined, { year });
  return `request_tracking_${year}`;
}

/**
 * Tracking numbers for requests received at these times: how many to draw from each year's
 * sequence (`drawFromSequences`), and the numbers drawn handed out in order.
 */
export function trackingNumbersFor(receivedAt: Date[], zone: string): { wanted: Record<string, number>; assign(drawn: Record<string, number[]>): string[] } {
  // The year a tracking number carries is the city's year at intake.
  const years = receivedAt.map((at) => localYear(at, zone));
  const sequences = years.map(trackingSequence);
  const wanted: Record<string, number> = {};
  for (const name of sequences) wanted[name] = (wanted[name] ?? 0) + 1;
  return {
    wanted,
    assign(drawn) {
      const taken = new Map<string, number>();
      return sequences.map((name, n) => {
        const k = taken.get(name) ?? 0;
        taken.set(name, k + 1);
        return formatTrackingNumber(years[n]!, drawn[name]![k]!);
      });
    },
  };
}

/** The sequence request ids are drawn from (bigserial column requests.id). */
const REQUEST_IDS = 'requests_id_seq';

/** Checks one intake against the reference data and decides its unit and deadlines; writes nothing. */
export function prepareIntake(reference: IntakeReference, actor: Actor | null, input: CreateRequestInput, now: Date): PreparedIntake {
  const description = input.description.trim();
  if (description.length < 5) throw fieldError('description', 'min_length', 'must say what the request is about (at least 5 characters)', { limit: 5 });

  const category = reference.categories.get(input.categoryId);
  if (!category || !category.active) throw fieldError('categoryId', category ? 'inactive' : 'not_found', `category ${input.categoryId} does not exist or is no longer in use; pick one from the category search`, { id: input.categoryId });
  const typeCode = input.requestType ?? category.requestType;
  const type = reference.requestTypes.get(typeCode);
  if (!type || !type.active) throw fieldError('requestType', type ? 'inactive' : 'not_found', `'${typeCode}' is not a request type`, { id: typeCode });

  // The place: a neighbourhood must lie in the chosen district.
  let districtId = input.districtId ?? null;
  const neighbourhoodId = input.neighbourhoodId ?? null;
  if (districtId && !reference.districts.has(districtId)) throw fieldError('districtId', 'not_found', `district ${districtId} does not exist`, { id: districtId });
  if (neighbourhoodId) {
    const hood = reference.neighbourhoods.get(neighbourhoodId);
    if (!hood) throw fieldError('neighbourhoodId', 'not_found', `neighbourhood ${neighbourhoodId} does not exist`, { id: neighbourhoodId });
    if (districtId && hood.districtId !== districtId) {
      const district = reference.districts.get(districtId)?.name ?? `district ${districtId}`;
      throw fieldError('neighbourhoodId', 'not_in_district', `${hood.name} is not in ${district}; choose a neighbourhood of that district or change the district`, { neighbourhood: hood.name, district });
    }
    districtId ??= hood.districtId;
  }
  const hasLat = input.latitude != null;
  if (hasLat !== (input.longitude != null)) throw fieldError(hasLat ? 'longitude' : 'latitude', 'both_or_neither', 'give both latitude and longitude, or neither', { other: hasLat ? 'latitude' : 'longitude' });

  // The citizen: anonymous only where the type allows it.
  const checked = input.citizen ? checkCitizen(input.citizen) : null;
  const citizen = checked && (checked.phone || checked.tcKimlikNo || checked.email || checked.fullName) ? checked : null;
  if (!citizen && !type.allowsAnonymous) throw fieldError('citizen', 'needs_contact', `a ${type.nameEn.toLowerCase()} cannot be anonymous: give the applicant's name and a phone number or e-mail`, { reason: 'anonymous' });
  if (type.legalClock === 'information_4982' && !(citizen?.fullName && (citizen.phone || citizen.email || citizen.address))) {
    // Law 4982 art. 6: the applicant's name and an address for the answer are required.
    throw fieldError('citizen', 'needs_contact', "an information request (Law 4982 art. 6) needs the applicant's name and an address, e-mail or phone for the answer", { reason: 'information' });
  }

  // Routing: the most specific rule of the category or its parents, else defaults.
  if (reference.triageUnitId == null) throw new DomainError('request.no_triage_unit', `no unit has the code '${TRIAGE_UNIT_CODE}', where unroutable requests go; run 'cozum seed' or create it`, undefined, { code: TRIAGE_UNIT_CODE });
  const ancestors = ancestorsOf(reference, category.id);
  const rules = [category.id, ...ancestors].flatMap((id) => reference.rules.get(id) ?? []);
  const route = chooseRoute({ categoryId: category.id, categoryAncestors: ancestors, districtId, neighbourhoodId }, rules, { categoryDefaultUnitId: category.defaultUnitId, triageUnitId: reference.triageUnitId });

  const due = computeDueDates({ receivedAt: now, category: { slaHours: category.slaHours, slaBusinessHours: category.slaBusinessHours }, legalClock: (type.legalClock ?? null) as never, calendar: reference.calendar });
  return { actor, input, now, description, category, typeCode: type.code, districtId, neighbourhoodId, citizen, route, dueAt: due.dueAt, legalDueAt: due.legalDueAt };
}

/**
 * Whether writing these intakes must happen in a transaction: looking a citizen up by phone or
 * TC kimlik no takes locks that must last until the new citizen is committed. Without such
 * citizens `writeIntakes` makes one write statement, atomic on its own.
 */
export const intakesNeedTransaction = (intakes: PreparedIntake[]): boolean => intakes.some((i) => i.citizen?.phone || i.citizen?.tcKimlikNo);

/**
 * Writes prepared intakes in two statements whatever their number, after the citizens' look-up
 * (with its locks, only for citizens with a phone or TC kimlik no): ids and tracking numbers
 * drawn, and one statement writing new and updated citizens, the requests, their first events
 * and the confirmations to the citizens (outbox). With a cached reference (one that carries
 * its `version`), the first statement also checks it is still current, and throws
 * `ReferenceMoved` before anything is written if it is not.
 */
export async function writeIntakes(ex: Executor, reference: IntakeReference, intakes: PreparedIntake[]): Promise<CreatedRequest[]> {
  if (!intakes.length) return [];
  const withCitizen = intakes.filter((i) => i.citizen);
  const plan = await planCitizens(ex, withCitizen.map((i) => i.citizen!));
  const citizenOf = new Map(withCitizen.map((intake, n) => [intake, plan.contacts[n]!]));

  const tracking = trackingNumbersFor(intakes.map((intake) => intake.now), reference.calendar.timeZone);
  // A cached reference is checked in the same statement: still current, or nothing is written.
  const { drawn, alongside } = await drawFromSequences<string>(
    ex,
    { [CITIZEN_IDS]: plan.created.length, [REQUEST_IDS]: intakes.length, ...tracking.wanted },
    reference.version === undefined ? undefined : REFERENCE_VERSION,
  );
  if (reference.version !== undefined && Number(alongside) !== reference.version) throw new ReferenceMoved();
  const trackingNos = tracking.assign(drawn);
  const ids = drawn[REQUEST_IDS]!;
  const writtenAt = new Date();
  const writes = writeCitizens(plan, drawn[CITIZEN_IDS]!, writtenAt);
  const citizenIds = intakes.map((intake) => citizenOf.get(intake)?.id ?? null);
  const rows = intakes.map((i, n) => ({
    id: ids[n], tracking_no: trackingNos[n], request_type: i.typeCode, category_id: i.category.id, channel: i.input.channel, description: i.description,
    citizen_id: citizenIds[n], district_id: i.districtId, neighbourhood_id: i.neighbourhoodId, address: i.input.address?.trim() || null,
    latitude: i.input.latitude, longitude: i.input.longitude, unit_id: i.route.unitId, routing_rule_id: i.route.ruleId, routed_by: i.route.routedBy,
    due_at: i.dueAt, legal_due_at: i.legalDueAt, created_by: i.actor?.id, created_at: i.now,
  }));
  writes.push(sql`
    insert into requests (id, tracking_no, request_type, category_id, status, channel, description, citizen_id, district_id, neighbourhood_id, address,
                          latitude, longitude, unit_id, routing_rule_id, routed_by, due_at, legal_due_at, created_by, created_at, updated_at)
    select id, tracking_no, request_type, category_id, 'new', channel, description, citizen_id, district_id, neighbourhood_id, address,
           latitude, longitude, unit_id, routing_rule_id, routed_by, due_at, legal_due_at, created_by, created_at, created_at
    from ${jsonRows(
      rows,
      `id bigint, tracking_no text, request_type text, category_id int, channel text, description text, citizen_id int, district_id int, neighbourhood_id int,
       address text, latitude float8, longitude float8, unit_id int, routing_rule_id int, routed_by text, due_at timestamptz, legal_due_at timestamptz,
       created_by int, created_at timestamptz`,
      'r',
    )}`);
  const events = intakes.map((i, n) => ({
    request_id: ids[n], actor_id: i.actor?.id, actor_kind: i.actor ? 'staff' : 'citizen', at: i.now,
    data: { channel: i.input.channel, unitId: i.route.unitId, routedBy: i.route.routedBy, ruleId: i.route.ruleId },
  }));
  writes.push(sql`
    insert into request_events (request_id, type, to_status, actor_id, actor_kind, visibility, data, at)
    select request_id, 'created', 'new', actor_id, actor_kind, 'public', data, at
    from ${jsonRows(events, 'request_id bigint, actor_id int, actor_kind text, data jsonb, at timestamptz', 'e')}`);

  const messages = composeMessages(
    intakes.map((intake, n) => ({
      citizenId: citizenIds[n]!,
      requestId: ids[n]!,
      key: 'request.created' as const,
      // The tracking number, on the channels the request's type chose for 'received'.
      channels: channelsToTell('received', notificationsOf(reference.requestTypes.get(intake.typeCode)!)),
      values: (locale: 'tr' | 'en') => ({ trackingNo: trackingNos[n]!, category: locale === 'en' ? intake.category.nameEn : intake.category.nameTr }),
    })),
    new Map(plan.contacts.map((c) => [c.id, contactOf(c)])),
    reference.templates,
  );
  if (messages.length) writes.push(insertMessages(messages, writtenAt));
  await executePrepared(ex, oneStatement(writes));
  return intakes.map((intake, n) => ({ id: ids[n]!, trackingNo: trackingNos[n]!, unitId: intake.route.unitId, routedBy: intake.route.routedBy, dueAt: intake.dueAt, legalDueAt: intake.legalDueAt }));
}

/** One intake in the caller's transaction (portal, Open311, field sync, imports). */
export async function createRequest(ex: Executor, actor: Actor | null, input: CreateRequestInput, now: Date): Promise<CreatedRequest> {
  const reference = await loadIntakeReference(ex, input);
  const [created] = await writeIntakes(ex, reference, [prepareIntake(reference, actor, input, now)]);
  return created!;
}
