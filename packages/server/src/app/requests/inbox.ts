/**
 * The unit inbox: requests filtered, sorted and paged. Unit staff see their own unit only;
 * the route passes that scope in. Text search uses Turkish full-text search, with trigrams of
 * the folded text so that text typed without Turkish letters, or with a typo, still matches.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { isOpenStatus, type RequestStatus } from '@cozum/domain';
import type { InboxSort } from '@cozum/contract';
import type { Executor } from '../../db/client.js';
import { containing } from '../../db/like.js';
import { categories, districts, neighbourhoods, requests, units } from '../../db/schema.js';
import { assignee, selectRequestsWithNames } from './with-names.js';
import type { InboxRow } from '@cozum/contract';

/**
 * Descriptions matching a search: Turkish full-text search (stems: "lambalar" finds "lamba"),
 * or the folded words as part of the folded text ("cop kont" finds "Çöp konteyneri"), or
 * close to a word of it ("konteynri"). Each arm has its index (migration 0013), so a search
 * reads only the matching rows, not the table.
 */
export function textMatch(q: string): SQL {
  return sql`(to_tsvector('turkish', ${requests.description}) @@ plainto_tsquery('turkish', ${q})
    or search_fold(${requests.description}) like search_fold(${containing(q)})
    or search_fold(${requests.description}) %> search_fold(${q}))`;
}

export interface InboxFilter {
  unitId?: number;
  status?: RequestStatus[];
  overdue?: boolean;
  categoryId?: number;
  districtId?: number;
  neighbourhoodId?: number;
  assigneeId?: number;
  unassigned?: boolean;
  from?: Date;
  to?: Date;
  q?: string;
  sort?: InboxSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** One row of the inbox, as the contract says. */
export type InboxItem = InboxRow;

export async function listInbox(ex: Executor, filter: InboxFilter, now: Date): Promise<{ items: InboxItem[]; total: number; page: number; pageSize: number }> {
  const where: SQL[] = [];
  if (filter.unitId) where.push(eq(requests.unitId, filter.unitId));
  if (filter.status?.length) where.push(inArray(requests.status, filter.status));
  if (filter.overdue === true) where.push(isNotNull(requests.overdueAt));
  if (filter.overdue === false) where.push(isNull(requests.overdueAt));
  if (filter.categoryId) where.push(or(eq(requests.categoryId, filter.categoryId), sql`${requests.categoryId} in (select id from categories where parent_id = ${filter.categoryId})`)!);
  if (filter.districtId) where.push(eq(requests.districtId, filter.districtId));
  if (filter.neighbourhoodId) where.push(eq(requests.neighbourhoodId, filter.neighbourhoodId));
  if (filter.assigneeId) where.push(eq(requests.assigneeId, filter.assigneeId));
  if (filter.unassigned) where.push(isNull(requests.assigneeId));
  if (filter.from) where.push(gte(requests.createdAt, filter.from));
  if (filter.to) where.push(lt(requests.createdAt, filter.to));
  const q = filter.q?.trim();
  if (q) {
    const tracking = /^\d{4}-?\d{1,7}$/.test(q.replace(/\s/g, ''));
    where.push(
      tracking
        ? eq(requests.trackingNo, q.replace(/\s/g, '').replace(/^(\d{4})-?(\d+)$/, (_, y: string, n: string) => `${y}-${n.padStart(7, '0')}`))
        : textMatch(q),
    );
  }
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, filter.pageSize ?? 50));
  const sortColumn = filter.sort === 'due' ? requests.dueAt : filter.sort === 'updated' ? requests.updatedAt : requests.createdAt;
  const direction = (filter.order ?? (filter.sort === 'due' ? 'asc' : 'desc')) === 'asc' ? asc : desc;
  const condition = where.length ? and(...where) : undefined;

  const rows = await selectRequestsWithNames(ex, {
    id: requests.id,
    trackingNo: requests.trackingNo,
    status: requests.status,
    requestType: requests.requestType,
    channel: requests.channel,
    description: requests.description,
    categoryId: requests.categoryId,
    categoryName: categories.nameTr,
    unitId: requests.unitId,
    unitName: units.nameTr,
    districtName: districts.name,
    neighbourhoodName: neighbourhoods.name,
    assigneeId: requests.assigneeId,
    assigneeName: assignee.displayName,
    dueAt: requests.dueAt,
    overdueAt: requests.overdueAt,
    createdAt: requests.createdAt,
    version: requests.version,
    // Counted in the same statement (run once: it refers to nothing of the row).
    total: sql<number>`(select count(*)::int from ${requests} where ${condition ?? sql`true`})`,
  })
    .where(condition)
    .orderBy(direction(sortColumn), desc(requests.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // A page past the end holds no row to carry the count.
  const total = rows[0]?.total ?? ((await ex.select({ total: sql<number>`count(*)::int` }).from(requests).where(condition)) as [{ total: number }])[0].total;

  return {
    items: rows.map(({ overdueAt, total: _total, ...r }) => ({
      ...r,
      description: r.description.length > 300 ? `${r.description.slice(0, 297)}…` : r.description,
      dueAt: r.dueAt?.toISOString() ?? null,
      overdue: Boolean(overdueAt) || (r.dueAt !== null && r.dueAt < now && isOpenStatus(r.status)),
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}
