/**
 * At intake, open requests of the same category nearby with similar text, ranked, so the
 * agent can link the caller to an existing request instead of opening another.
 * Nearby: the same neighbourhood, or within `radiusMeters` when both have coordinates.
 */
import { sql } from 'drizzle-orm';
import { OPEN_STATUSES, readsCitizenText, scopedUnitId, type Viewer } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { statusList } from '../../db/status-sql.js';

export interface DuplicateQuery {
  categoryId: number;
  description: string;
  neighbourhoodId?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  radiusMeters?: number;
  limit?: number;
}

export interface DuplicateCandidate {
  id: number;
  trackingNo: string;
  status: string;
  /** The citizen's words: null for roles that do not read requests (field staff). */
  description: string | null;
  neighbourhoodName: string | null;
  createdAt: string;
  similarity: number;
  distanceMeters: number | null;
}

/**
 * The same policy as every request route (roles.ts): unit staff and heads are offered their
 * own unit's requests only, and roles that do not read requests get no descriptions.
 */
export async function suggestDuplicates(ex: Executor, viewer: Viewer, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const unitId = scopedUnitId(viewer);
  const radius = query.radiusMeters ?? 300;
  const hasPoint = query.latitude != null && query.longitude != null;
  const nearby = [
    query.neighbourhoodId ? sql`r.neighbourhood_id = ${query.neighbourhoodId}` : null,
    // Equirectangular distance: exact enough within a city, and needs no PostGIS.
    hasPoint ? sql`(r.latitude is not null and 6371000 * sqrt(power(radians(r.latitude - ${query.latitude}), 2) + power(radians(r.longitude - ${query.longitude}) * cos(radians(${query.latitude})), 2)) <= ${radius})` : null,
  ].filter((c) => c !== null);
  if (!nearby.length) return [];
  const distance = hasPoint
    ? sql`case when r.latitude is null then null else round(6371000 * sqrt(power(radians(r.latitude - ${query.latitude}), 2) + power(radians(r.longitude - ${query.longitude}) * cos(radians(${query.latitude})), 2))) end`
    : sql`null`;
  const result = (await ex.execute(sql`
    select r.id, r.tracking_no as "trackingNo", r.status, r.description, n.name as "neighbourhoodName", r.created_at as "createdAt",
           similarity(r.description, ${query.description}) as similarity, ${distance} as "distanceMeters"
    from requests r
    left join neighbourhoods n on n.id = r.neighbourhood_id
    where r.category_id = ${query.categoryId} and r.status in ${statusList(OPEN_STATUSES)} and (${sql.join(nearby, sql` or `)})
      ${unitId === null ? sql`` : sql`and r.unit_id = ${unitId}`}
    order by similarity(r.description, ${query.description}) desc, r.created_at desc
    limit ${query.limit ?? 5}`)) as unknown as { rows: (Omit<DuplicateCandidate, 'createdAt'> & { createdAt: Date | string })[] };
  return result.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    description: readsCitizenText(viewer.role) ? r.description : null,
    similarity: Math.round(Number(r.similarity) * 100) / 100,
    distanceMeters: r.distanceMeters === null ? null : Number(r.distanceMeters),
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}
