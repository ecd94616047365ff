/** The audit log: append-only (the database refuses UPDATE and DELETE on it). */
import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { startingWith } from '../db/like.js';
import { auditLog } from '../db/schema.js';

export interface Actor {
  id: number;
  username: string;
  role: string;
  unitId: number | null;
}

export interface AuditEntry {
  actor: Pick<Actor, 'id' | 'username'> | null;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  purpose?: string;
  ip?: string;
  data?: Record<string, unknown>;
}

export async function recordAudit(ex: Executor, entry: AuditEntry): Promise<void> {
  await ex.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.username ?? null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId === undefined ? null : String(entry.subjectId),
    purpose: entry.purpose ?? null,
    ip: entry.ip ?? null,
    data: entry.data ?? {},
  });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit?: number;
}

export interface AuditView {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  purpose: string | null;
  ip: string | null;
  data: Record<string, unknown>;
}

/**
 * Auditors' search: by actor (user name), action (exact, or a prefix ending in '.' such as
 * 'auth.'), subject and period; newest first, paged by id.
 */
export async function searchAudit(ex: Executor, filter: AuditFilter): Promise<{ items: AuditView[]; nextBefore: number | null }> {
  const where: SQL[] = [];
  if (filter.actor) where.push(sql`lower(${auditLog.actorName}) = lower(${filter.actor.trim()})`);
  if (filter.action) where.push(filter.action.endsWith('.') ? like(auditLog.action, startingWith(filter.action)) : eq(auditLog.action, filter.action));
  if (filter.subjectType) where.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) where.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, filter.to));
  if (filter.before) where.push(lt(auditLog.id, filter.before));
  const limit = filter.limit ?? 100;
  const rows = await ex.select().from(auditLog).where(where.length ? and(...where) : undefined).orderBy(desc(auditLog.id)).limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString(), data: r.data as Record<string, unknown> }));
  return { items, nextBefore: rows.length > limit ? items[items.length - 1]!.id : null };
}
