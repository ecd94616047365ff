/**
 * GeoReport services are our categories: every active topic without active sub-topics is a
 * service, its code the category code, its group the parent topic. The service definition
 * offers the place and the kind of request as attributes, and the deadline as information.
 */
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { DomainError } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { categories, districts, requestTypes } from '../../db/schema.js';

export interface Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime';
  keywords: string | null;
  group: string | null;
}

async function leafCategories(ex: Executor) {
  const parent = alias(categories, 'parent');
  const rows = await ex
    .select({ id: categories.id, code: categories.code, nameTr: categories.nameTr, nameEn: categories.nameEn, parentId: categories.parentId, requestType: categories.requestType, slaHours: categories.slaHours, slaBusinessHours: categories.slaBusinessHours, active: categories.active, groupTr: parent.nameTr, typeTr: requestTypes.nameTr })
    .from(categories)
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .innerJoin(requestTypes, eq(requestTypes.code, categories.requestType))
    .orderBy(asc(categories.code));
  const withActiveChildren = new Set(rows.filter((r) => r.active && r.parentId !== null).map((r) => r.parentId));
  return rows.filter((r) => r.active && !withActiveChildren.has(r.id));
}

const describe = (c: { typeTr: string; slaHours: number; slaBusinessHours: boolean }) =>
  `${c.typeTr}. Hedef çözüm süresi: ${c.slaHours} ${c.slaBusinessHours ? 'iş saati' : 'saat'}.`;

export async function listServices(ex: Executor): Promise<Service[]> {
  return (await leafCategories(ex)).map((c) => ({
    service_code: c.code,
    service_name: c.nameTr,
    description: describe(c),
    metadata: true,
    type: 'realtime',
    keywords: c.nameEn,
    group: c.groupTr,
  }));
}

/** The category behind a service code, or a 400/404 the client can act on. */
export async function serviceByCode(ex: Executor, code: string, missing: 400 | 404) {
  const found = (await leafCategories(ex)).find((c) => c.code === code);
  if (!found) throw new DomainError(missing === 404 ? 'not_found' : 'validation_failed', `service_code '${code}' is not a service here; GET services.json lists the codes`);
  return found;
}

/** Attribute codes a POST may send as attribute[code]. */
export const ATTRIBUTES = { district: 'district', neighbourhood: 'neighbourhood', requestType: 'request_type' } as const;

export async function serviceDefinition(ex: Executor, code: string) {
  const service = await serviceByCode(ex, code, 404);
  const allDistricts = await ex.select({ code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.name));
  const types = await ex.select({ code: requestTypes.code, nameTr: requestTypes.nameTr }).from(requestTypes).where(eq(requestTypes.active, true)).orderBy(asc(requestTypes.code));
  return {
    service_code: service.code,
    attributes: [
      { variable: false, code: 'deadline', datatype: 'text', required: false, datatype_description: null, order: 1, description: describe(service), values: [] },
      { variable: true, code: ATTRIBUTES.district, datatype: 'singlevaluelist', required: false, datatype_description: 'İlçe (NVİ kodu). Konum (lat/long) verilirse ondan bulunur.', order: 2, description: 'İlçe / district', values: allDistricts.map((d) => ({ key: d.code, name: d.name })) },
      { variable: true, code: ATTRIBUTES.neighbourhood, datatype: 'string', required: false, datatype_description: 'Mahalle adı veya NVİ mahalle kodu; ilçe ile birlikte.', order: 3, description: 'Mahalle / neighbourhood', values: [] },
      { variable: true, code: ATTRIBUTES.requestType, datatype: 'singlevaluelist', required: false, datatype_description: `Verilmezse: ${service.typeTr}`, order: 4, description: 'Başvuru türü / kind of request', values: types.map((t) => ({ key: t.code, name: t.nameTr })) },
    ],
  };
}
