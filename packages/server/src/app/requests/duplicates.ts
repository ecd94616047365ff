/**
 * At intake, open requests of the same category nearby with similar text, ranked, so the
 * agent can link the caller to an existing request instead of opening another.
 * Nearby: the same neighbourhood, or within `radiusMeters` when both have coordinates.
 */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { OPEN_STATUSES, readsCitizenText, scopedUnitId, type Viewer } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { neighbourhoods, requests } from '../../db/schema.js';
import { statusList } from '../../db/status-sql.js';
import { selectRequestsWithNames } from './with-names.js';
import type { PossibleDuplicate } from '@cozum/contract';

export interface DuplicateQuery {
  categoryId: number;
  description: string;
  neighbourhoodId?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  radiusMeters?: number;
  limit?: number;
}

/** An open request like the one being recorded; its description is null for roles that do not read requests. */
export type DuplicateCandidate = PossibleDuplicate;

/**
 * The same policy as every request route (roles.ts): unit staff and heads are offered their
 * own unit's requests only, and roles that do not read requests get no descriptions.
 */
export async function suggestDuplicates(ex: Executor, viewer: Viewer, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const unitId = scopedUnitId(viewer);
  const radius = query.radiusMeters ?? 300;
  const hasPoint = query.latitude != null && query.longitude != null;
  // Equirectangular distance: exact enough within a city, and needs no PostGIS.
  const distance = sql`6371000 * sqrt(power(radians(${requests.latitude} - ${query.latitude}), 2) + power(radians(${requests.longitude} - ${query.longitude}) * cos(radians(${query.latitude})), 2))`;
  const nearby = [
    query.neighbourhoodId ? eq(requests.neighbourhoodId, query.neighbourhoodId) : null,
    hasPoint ? sql`(${requests.latitude} is not null and ${distance} <= ${radius})` : null,
  ].filter((c) => c !== null);
  if (!nearby.length) return [];
  const similarity = sql<number>`similarity(${requests.description}, ${query.description})`;
  const rows = await selectRequestsWithNames(ex, {
    id: requests.id,
    trackingNo: requests.trackingNo,
    status: requests.status,
    description: requests.description,
    neighbourhoodName: neighbourhoods.name,
    createdAt: requests.createdAt,
    similarity,
    distanceMeters: hasPoint ? sql<number | null>`case when ${requests.latitude} is null then null else round(${distance}) end` : sql<null>`null`,
  })
    .where(and(eq(requests.categoryId, query.categoryId), sql`${requests.status} in ${statusList(OPEN_STATUSES)}`, or(...nearby), unitId === null ? undefined : eq(requests.unitId, unitId)))
    .orderBy(desc(similarity), desc(requests.createdAt))
    .limit(query.limit ?? 5);
  return rows.map((r) => ({
    ...r,
    description: readsCitizenText(viewer.role) ? r.description : null,
    similarity: Math.round(Number(r.similarity) * 100) / 100,
    distanceMeters: r.distanceMeters === null ? null : Number(r.distanceMeters),
    createdAt: r.createdAt.toISOString(),
  }));
}
