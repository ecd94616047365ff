import { api } from './client';

export interface AuditEntry {
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

export interface AuditFilter {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  before?: number;
}

export const searchAudit = (filter: AuditFilter) => api.get<{ items: AuditEntry[]; nextBefore: number | null }>('/audit', { ...filter, limit: 100 });
