/** Read-only reference data: districts, neighbourhoods, request types. */
import { asc, eq } from 'drizzle-orm';
import { notFound } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { districts, neighbourhoods, requestTypes } from '../db/schema.js';

export const listDistricts = (ex: Executor) =>
  ex.select({ id: districts.id, code: districts.code, name: districts.name, population: districts.population }).from(districts).orderBy(asc(districts.name));

export async function listNeighbourhoods(ex: Executor, districtId: number) {
  const [district] = await ex.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
  if (!district) throw notFound('district', districtId);
  return ex
    .select({ id: neighbourhoods.id, code: neighbourhoods.code, name: neighbourhoods.name, population: neighbourhoods.population })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.districtId, districtId))
    .orderBy(asc(neighbourhoods.name));
}

export const listRequestTypes = (ex: Executor) =>
  ex
    .select({ code: requestTypes.code, nameTr: requestTypes.nameTr, nameEn: requestTypes.nameEn, legalClock: requestTypes.legalClock, allowsAnonymous: requestTypes.allowsAnonymous })
    .from(requestTypes)
    .where(eq(requestTypes.active, true))
    .orderBy(asc(requestTypes.code));
