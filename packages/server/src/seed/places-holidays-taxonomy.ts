/**
 * Reference data every city starts with: Samsun's districts and neighbourhoods (NVİ/TÜİK),
 * Turkey's public holidays, and a default taxonomy of units, request types and categories with
 * the everyday words citizens use for them. Idempotent: running it again adds what is missing
 * and changes nothing an admin edited.
 */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Publication } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { categories, districts, holidays, neighbourhoods, requestTypes, units } from '../db/schema.js';
import { readCityData } from '../city-data/read.js';
import { claimSeedKeys } from './seeded-content.js';

interface DistrictSeed { code: string; name: string; population: number; postalCodes: string[] }
interface NeighbourhoodSeed { code: string; districtCode: string; name: string; population: number | null }
interface HolidaySeed { date: string; nameTr: string; nameEn: string; halfDay: boolean }
export interface TaxonomySeed {
  requestTypes: { code: string; nameTr: string; nameEn: string; legalClock: string | null; allowsAnonymous: boolean; publishable: boolean }[];
  units: { code: string; nameTr: string; nameEn: string; parentCode: string | null }[];
  categories: { code: string; nameTr: string; nameEn: string; parentCode: string | null; requestType: string; unitCode: string; slaHours: number; slaBusinessHours: boolean; publication: Publication; synonyms?: string[] }[];
}

const BATCH = 500;
const chunks = <T>(rows: T[]): T[][] => Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

export interface SeedSummary { districts: number; neighbourhoods: number; holidays: number; units: number; categories: number; requestTypes: number }

export async function seedReference(ex: Executor): Promise<SeedSummary> {
  const districtRows = readCityData<DistrictSeed[]>('districts.json');
  const neighbourhoodRows = readCityData<NeighbourhoodSeed[]>('neighbourhoods.json');
  const holidayRows = readCityData<HolidaySeed[]>('holidays.json');
  const taxonomy = readCityData<TaxonomySeed>('taxonomy.json');

  await ex.insert(districts).values(districtRows.map((d) => ({ code: d.code, name: d.name, population: d.population, postalCodes: d.postalCodes }))).onConflictDoNothing();
  const districtIds = new Map((await ex.select({ id: districts.id, code: districts.code }).from(districts)).map((d) => [d.code, d.id]));
  for (const batch of chunks(neighbourhoodRows)) {
    await ex
      .insert(neighbourhoods)
      .values(batch.map((n) => ({ code: n.code, districtId: districtIds.get(n.districtCode)!, name: n.name, population: n.population })))
      .onConflictDoNothing();
  }
  await ex.insert(holidays).values(holidayRows).onConflictDoNothing();
  await ex.insert(requestTypes).values(taxonomy.requestTypes).onConflictDoNothing();

  // Parents before children: insert in passes until every unit has its parent.
  const unitIds = new Map((await ex.select({ id: units.id, code: units.code }).from(units)).map((u) => [u.code, u.id]));
  let pending = taxonomy.units.filter((u) => !unitIds.has(u.code));
  while (pending.length) {
    const ready = pending.filter((u) => u.parentCode === null || unitIds.has(u.parentCode));
    if (!ready.length) throw new Error(`taxonomy.json: units ${pending.map((u) => u.code).join(', ')} name parents that do not exist`);
    const inserted = await ex
      .insert(units)
      .values(ready.map((u) => ({ code: u.code, nameTr: u.nameTr, nameEn: u.nameEn, parentId: u.parentCode ? unitIds.get(u.parentCode)! : null })))
      .returning({ id: units.id, code: units.code });
    for (const u of inserted) unitIds.set(u.code, u.id);
    pending = pending.filter((u) => !unitIds.has(u.code));
  }

  const categoryIds = new Map((await ex.select({ id: categories.id, code: categories.code }).from(categories)).map((c) => [c.code, c.id]));
  let pendingCategories = taxonomy.categories.filter((c) => !categoryIds.has(c.code));
  while (pendingCategories.length) {
    const ready = pendingCategories.filter((c) => c.parentCode === null || categoryIds.has(c.parentCode));
    if (!ready.length) throw new Error(`taxonomy.json: categories ${pendingCategories.map((c) => c.code).join(', ')} name parents that do not exist`);
    const inserted = await ex
      .insert(categories)
      .values(
        ready.map((c) => {
          const unitId = unitIds.get(c.unitCode);
          if (!unitId) throw new Error(`taxonomy.json: category ${c.code} names the unknown unit ${c.unitCode}`);
          return { code: c.code, nameTr: c.nameTr, nameEn: c.nameEn, parentId: c.parentCode ? categoryIds.get(c.parentCode)! : null, requestType: c.requestType, defaultUnitId: unitId, slaHours: c.slaHours, slaBusinessHours: c.slaBusinessHours, publication: c.publication };
        }),
      )
      .returning({ id: categories.id, code: categories.code });
    for (const c of inserted) categoryIds.set(c.code, c.id);
    pendingCategories = pendingCategories.filter((c) => !categoryIds.has(c.code));
  }

  await seedSynonyms(ex, taxonomy.categories);

  const count = async (table: PgTable) =>
    Number((await ex.select({ n: sql<number>`count(*)` }).from(table))[0]!.n);
  return {
    districts: await count(districts),
    neighbourhoods: await count(neighbourhoods),
    holidays: await count(holidays),
    units: await count(units),
    categories: await count(categories),
    requestTypes: await count(requestTypes),
  };
}

/**
 * The everyday words of each category, once (the seed's ledger): databases seeded before
 * synonyms existed get them too, and an administrator's later edit of them stays.
 */
async function seedSynonyms(ex: Executor, seeds: TaxonomySeed['categories']): Promise<void> {
  const key = (code: string) => `category-synonyms:${code}`;
  const withSynonyms = seeds.filter((c) => c.synonyms?.length);
  const claimed = await claimSeedKeys(ex, withSynonyms.map((c) => key(c.code)));
  const rows = withSynonyms.filter((c) => claimed.has(key(c.code))).map((c) => ({ code: c.code, synonyms: c.synonyms }));
  if (!rows.length) return;
  await ex.execute(sql`
    update ${categories} set synonyms = v.synonyms
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(code text, synonyms text[])
    where ${categories.code} = v.code and cardinality(${categories.synonyms}) = 0`);
}
