/**
 * A request with the names people read it by: its category (Turkish and English), unit,
 * district, neighbourhood and assignee. The inbox, the request's page, the field's work
 * orders, the citizen's portal, Open311 and the duplicate suggestions all read requests so;
 * each picks its columns, filters, orders and pages as it needs, and publishes only what it may.
 */
import { eq } from 'drizzle-orm';
import { alias, type PgSelectBase, type SelectedFields } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { categories, districts, neighbourhoods, requests, units, users } from '../../db/schema.js';

/** The user a request is assigned to. */
export const assignee = alias(users, 'assignee');

/** The joined rows that may be missing, so their columns read null (what drizzle types each column by). */
type NamesJoined = { requests: 'not-null'; categories: 'not-null'; units: 'not-null'; districts: 'nullable'; neighbourhoods: 'nullable'; assignee: 'nullable' };

/**
 * `select fields from requests` joined to its names. Every join is a left join on a key, so a
 * query that takes no column of a table does not read it (PostgreSQL drops such a join): the
 * work orders read no unit, the duplicate suggestions only the neighbourhood. A request always
 * has its category and unit (NOT NULL foreign keys), so those joins always match and their
 * columns are typed as present; the place and the assignee may be missing.
 */
export function selectRequestsWithNames<Fields extends SelectedFields>(ex: Executor, fields: Fields): PgSelectBase<'requests', Fields, 'partial', NamesJoined> {
  // drizzle types a join only for a known selection, so the chain is typed for any and the result for these fields.
  const query = ex
    .select(fields as SelectedFields)
    .from(requests)
    .leftJoin(categories, eq(categories.id, requests.categoryId))
    .leftJoin(units, eq(units.id, requests.unitId))
    .leftJoin(districts, eq(districts.id, requests.districtId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, requests.neighbourhoodId))
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId));
  return query as unknown as PgSelectBase<'requests', Fields, 'partial', NamesJoined>;
}
