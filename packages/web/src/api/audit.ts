import type { AuditPage, AuditQuery } from '@cozum/contract';
import { api } from './client';

export type { AuditEntry } from '@cozum/contract';
/** The search as the page holds it; the page size is this module's. */
export type AuditFilter = Omit<AuditQuery, 'limit'>;

export const searchAudit = (filter: AuditFilter) => api.get<AuditPage>('/audit', { ...filter, limit: 100 } satisfies AuditQuery);
