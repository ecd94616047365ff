/** The audit log: append-only (the database refuses UPDATE and DELETE on it). */
import type { Executor } from '../db/client.js';
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
