/**
 * The reference data an intake is checked, routed and timed against: categories, request
 * types (with the channels each tells its citizens on), places, routing rules, the triage unit
 * and the working calendar; and the edited templates its confirmation to the citizen is
 * written from.
 *
 * Two ways to get it, one shape: `loadIntakeReference` reads just what one intake needs (for
 * callers recording a request now and then), and `ReferenceCache` keeps all of it in memory
 * for the API's intake queue. The cache is exact, not eventually right: migrations 0010 and 0012 bump
 * `reference_version` in the same transaction as any change to those tables, and every batch
 * of intakes checked against the cache reads that number in the statement before its write
 * (`writeIntakes`), rechecking against fresh data when it moved: an edit made through any
 * server process applies to the very next request.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { groupBy, type NotificationSettings, type RoutingRule, type WorkCalendar } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, districts, neighbourhoods, requestTypes, routingRules, units } from '../../db/schema.js';
import { loadCalendar } from '../calendar.js';
import { editedTemplates, type EditedTemplates } from '../notifications.js';

export const TRIAGE_UNIT_CODE = 'cozum-merkezi';

export type CategoryRef = Pick<typeof categories.$inferSelect, 'id' | 'parentId' | 'active' | 'requestType' | 'defaultUnitId' | 'slaHours' | 'slaBusinessHours' | 'nameTr' | 'nameEn'>;
export type RequestTypeRef = Pick<typeof requestTypes.$inferSelect, 'code' | 'active' | 'allowsAnonymous' | 'legalClock' | 'nameEn' | 'notifySms' | 'notifyEmail'>;

/** What a request type tells its citizens of, by channel. */
export const notificationsOf = (type: RequestTypeRef): NotificationSettings => ({ sms: type.notifySms, email: type.notifyEmail });
export interface PlaceRef { id: number; name: string; districtId: number }

export interface IntakeReference {
  categories: Map<number, CategoryRef>;
  requestTypes: Map<string, RequestTypeRef>;
  districts: Map<number, { id: number; name: string }>;
  neighbourhoods: Map<number, PlaceRef>;
  /** Active rules by category id. */
  rules: Map<number, RoutingRule[]>;
  triageUnitId: number | null;
  calendar: WorkCalendar;
  templates: EditedTemplates;
  /** The `reference_version` it was read at: set by the cache, whose copy can be stale. */
  version?: number;
}

const categoryColumns = {
  id: categories.id,
  parentId: categories.parentId,
  active: categories.active,
  requestType: categories.requestType,
  defaultUnitId: categories.defaultUnitId,
  slaHours: categories.slaHours,
  slaBusinessHours: categories.slaBusinessHours,
  nameTr: categories.nameTr,
  nameEn: categories.nameEn,
};
const typeColumns = { code: requestTypes.code, active: requestTypes.active, allowsAnonymous: requestTypes.allowsAnonymous, legalClock: requestTypes.legalClock, nameEn: requestTypes.nameEn, notifySms: requestTypes.notifySms, notifyEmail: requestTypes.notifyEmail };
const ruleColumns = { id: routingRules.id, categoryId: routingRules.categoryId, districtId: routingRules.districtId, neighbourhoodId: routingRules.neighbourhoodId, unitId: routingRules.unitId, active: routingRules.active };

/** The category's parents, nearest first. */
export function ancestorsOf(reference: IntakeReference, categoryId: number): number[] {
  const chain = new Set<number>();
  for (let at = reference.categories.get(categoryId)?.parentId; at != null && !chain.has(at); at = reference.categories.get(at)?.parentId) chain.add(at);
  return [...chain];
}

const groupRules = (rows: RoutingRule[]): Map<number, RoutingRule[]> => groupBy(rows, (rule) => rule.categoryId);

async function triageUnit(ex: Executor): Promise<number | null> {
  const [triage] = await ex.select({ id: units.id }).from(units).where(eq(units.code, TRIAGE_UNIT_CODE));
  return triage?.id ?? null;
}

/** Everything, for the cache. */
async function loadAll(ex: Executor): Promise<IntakeReference> {
  const [cats, types, dists, hoods, rules, triageUnitId, calendar, templates] = [
    await ex.select(categoryColumns).from(categories),
    await ex.select(typeColumns).from(requestTypes),
    await ex.select({ id: districts.id, name: districts.name }).from(districts),
    await ex.select({ id: neighbourhoods.id, name: neighbourhoods.name, districtId: neighbourhoods.districtId }).from(neighbourhoods),
    await ex.select(ruleColumns).from(routingRules).where(eq(routingRules.active, true)),
    await triageUnit(ex),
    await loadCalendar(ex),
    await editedTemplates(ex),
  ];
  return {
    categories: new Map(cats.map((c) => [c.id, c])),
    requestTypes: new Map(types.map((t) => [t.code, t])),
    districts: new Map(dists.map((d) => [d.id, d])),
    neighbourhoods: new Map(hoods.map((n) => [n.id, n])),
    rules: groupRules(rules),
    triageUnitId,
    calendar,
    templates,
  };
}

/** Just what one intake of this category, type and place needs. */
export async function loadIntakeReference(ex: Executor, wanted: { categoryId: number; requestType?: string; districtId?: number | null; neighbourhoodId?: number | null }): Promise<IntakeReference> {
  // The category chain is short; all (id, parent) pairs are a few hundred small rows.
  const cats = await ex.select(categoryColumns).from(categories);
  const reference: IntakeReference = {
    categories: new Map(cats.map((c) => [c.id, c])),
    requestTypes: new Map(),
    districts: new Map(),
    neighbourhoods: new Map(),
    rules: new Map(),
    triageUnitId: await triageUnit(ex),
    calendar: await loadCalendar(ex),
    templates: await editedTemplates(ex, ['request.created']),
  };
  const typeCode = wanted.requestType ?? reference.categories.get(wanted.categoryId)?.requestType;
  if (typeCode) for (const t of await ex.select(typeColumns).from(requestTypes).where(eq(requestTypes.code, typeCode))) reference.requestTypes.set(t.code, t);
  const hoodRows = wanted.neighbourhoodId ? await ex.select({ id: neighbourhoods.id, name: neighbourhoods.name, districtId: neighbourhoods.districtId }).from(neighbourhoods).where(eq(neighbourhoods.id, wanted.neighbourhoodId)) : [];
  for (const n of hoodRows) reference.neighbourhoods.set(n.id, n);
  const districtIds = [wanted.districtId, ...hoodRows.map((n) => n.districtId)].filter((id): id is number => id != null);
  if (districtIds.length) for (const d of await ex.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, districtIds))) reference.districts.set(d.id, d);
  const chain = [wanted.categoryId, ...ancestorsOf(reference, wanted.categoryId)];
  reference.rules = groupRules(await ex.select(ruleColumns).from(routingRules).where(and(inArray(routingRules.categoryId, chain), eq(routingRules.active, true))));
  return reference;
}

/** The number that moves with every change to the reference data (migrations 0010, 0012). */
export const REFERENCE_VERSION = sql`(select version from reference_version)`;

async function referenceVersion(ex: Executor): Promise<number> {
  const result = (await ex.execute(sql`select ${REFERENCE_VERSION} as version`)) as unknown as { rows: { version: number | string }[] };
  return Number(result.rows[0]?.version ?? 0);
}

/** A cached reference was found stale when a batch came to be written; nothing was written. */
export class ReferenceMoved extends Error {
  constructor() {
    super('the reference data changed while a batch of intakes was checked against it');
  }
}

/** All reference data in memory, reloaded whenever `reference_version` moved. */
export class ReferenceCache {
  private current: IntakeReference | null = null;

  /** The copy read last, without asking the database (it may be stale); null before the first read. */
  latest(): IntakeReference | null {
    return this.current;
  }

  /** The data as committed now: one small read when nothing changed since the last call. */
  async get(ex: Executor): Promise<IntakeReference> {
    const version = await referenceVersion(ex);
    if (this.current?.version === version) return this.current;
    const data = { ...(await loadAll(ex)), version };
    // A slower, older load never replaces a newer one.
    if (!this.current || this.current.version! < version) this.current = data;
    return data;
  }
}
