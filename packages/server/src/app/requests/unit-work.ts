/**
 * Work per unit: how many requests each unit still owes an answer (the supervisor's home page),
 * and who in a unit its requests may be assigned to (the assign picker of unit heads and
 * supervisors, who may not list users).
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { DomainError, inUnitScope, notFound, OPEN_STATUSES, type Role, type Viewer } from '@cozum/domain';
import type { Assignees, OpenRequestsByUnit } from '@cozum/contract';
import type { Executor } from '../../db/client.js';
import { statusList } from '../../db/status-sql.js';
import { requests, units, users } from '../../db/schema.js';

/** Units with open requests, the most first; overdue counts the sweeper's mark, as the inbox's filter does. */
export async function openRequestsByUnit(ex: Executor, now: Date): Promise<OpenRequestsByUnit> {
  const rows = await ex
    .select({
      unitId: units.id,
      code: units.code,
      nameTr: units.nameTr,
      nameEn: units.nameEn,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${isNotNull(requests.overdueAt)}))::int`,
    })
    .from(requests)
    .innerJoin(units, eq(units.id, requests.unitId))
    .where(sql`${requests.status} in ${statusList(OPEN_STATUSES)}`)
    .groupBy(units.id)
    .orderBy(sql`count(*) desc`, asc(units.nameTr));
  return { at: now.toISOString(), units: rows };
}

/** The active members of a unit, for a viewer who may assign its requests (unit heads: their own unit only). */
export async function unitAssignees(ex: Executor, viewer: Viewer, unitId: number): Promise<Assignees> {
  const [unit] = await ex.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw notFound('unit', unitId);
  if (!inUnitScope(viewer, unitId)) throw new DomainError('request.forbidden', "you may assign only your own unit's requests, to its people");
  const rows = await ex
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.active, true)));
  return { items: rows.map((r) => ({ ...r, role: r.role as Role })).sort((a, b) => a.displayName.localeCompare(b.displayName, 'tr')) };
}
