/**
 * The names of what a report is narrowed to (district, unit, topic, channel), for the title of
 * its PDF and XLSX; and, for the command line, a district or unit found by its code or name.
 */
import { eq } from 'drizzle-orm';
import { foldForSearch, fieldError } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, districts, units } from '../../db/schema.js';
import type { ReportFilter } from './report.js';
import type { ReportScope } from './report-labels.js';

/** `field` names the filter in errors: the routes say querystring.districtId, the command --district. */
type Fields = { districtId: string; unitId: string; categoryId: string };

export async function reportScope(ex: Executor, filter: Pick<ReportFilter, 'districtId' | 'unitId' | 'categoryId' | 'channel'>, fields: Fields): Promise<ReportScope> {
  const scope: ReportScope = { channel: filter.channel };
  if (filter.districtId) {
    const [d] = await ex.select({ name: districts.name }).from(districts).where(eq(districts.id, filter.districtId));
    if (!d) throw fieldError(fields.districtId, 'not_found', `no district has id ${filter.districtId}`, { id: filter.districtId });
    scope.district = d.name;
  }
  if (filter.unitId) {
    const [u] = await ex.select({ name: units.nameTr, nameEn: units.nameEn }).from(units).where(eq(units.id, filter.unitId));
    if (!u) throw fieldError(fields.unitId, 'not_found', `no unit has id ${filter.unitId}`, { id: filter.unitId });
    scope.unit = u;
  }
  if (filter.categoryId) {
    const [c] = await ex.select({ name: categories.nameTr, nameEn: categories.nameEn }).from(categories).where(eq(categories.id, filter.categoryId));
    if (!c) throw fieldError(fields.categoryId, 'not_found', `no category has id ${filter.categoryId}`, { id: filter.categoryId });
    scope.category = c;
  }
  return scope;
}

/** A district by its NVİ code or its name, Turkish letters or not ("ilkadim" finds İlkadım). */
export async function findDistrict(ex: Executor, text: string, field: string): Promise<number> {
  const all = await ex.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts);
  const found = all.find((d) => d.code === text) ?? all.find((d) => foldForSearch(d.name) === foldForSearch(text));
  if (!found) throw fieldError(field, 'not_found', `no district has the code or name '${text}'`, { id: text });
  return found.id;
}

/** A unit by its code ("fen-isleri"). */
export async function findUnit(ex: Executor, code: string, field: string): Promise<number> {
  const [found] = await ex.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!found) throw fieldError(field, 'not_found', `no unit has the code '${code}'`, { id: code });
  return found.id;
}
