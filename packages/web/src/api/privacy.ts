import type { AnonymiseBody, AnonymisedCounts, CitizenExportBody, CitizenExportFormat, CitizenSummary, CitizenViewBody, Items, Retention, RetentionPolicy, RetentionRun, RetentionRunBody } from '@cozum/contract';
import { api } from './client';

export { RETENTION_CLASS_NAMES as RETENTION_CLASSES } from '@cozum/contract';
export type { AnonymisedCounts, CitizenSummary, RetentionPolicy, RetentionRun } from '@cozum/contract';
export type RetentionClass = keyof RetentionPolicy;

export const findCitizens = (q: string) => api.get<Items<CitizenSummary>>('/citizens', { q }).then((r) => r.items);
/** Opening the full record writes the audit log, so it is a POST with the purpose in the body. */
export const openCitizen = (id: number, purpose: string) => api.post<CitizenSummary>(`/citizens/${id}/views`, { purpose } satisfies CitizenViewBody);
export const anonymiseCitizen = (id: number, reason: string, trackingNo?: string) =>
  api.post<AnonymisedCounts>(`/privacy/citizens/${id}/anonymise`, { reason, ...(trackingNo ? { trackingNo } : {}) } satisfies AnonymiseBody);
/**
 * The export, saved through the browser. A POST with the purpose in the body: the server logs
 * it, so it must not be a link another site could make the browser follow.
 */
export async function downloadExport(id: number, purpose: string, format: CitizenExportFormat): Promise<void> {
  const blob = await api.postForFile(`/privacy/citizens/${id}/export`, { purpose, format } satisfies CitizenExportBody);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `kisisel-veri-${id}-${new Date().toISOString().slice(0, 10)}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

export const getRetention = () => api.get<Retention>('/privacy/retention');
export const saveRetentionPolicy = (policy: RetentionPolicy) => api.put<RetentionPolicy>('/privacy/retention/policy', policy);
export const runRetention = (dryRun: boolean) => api.post<RetentionRun>('/privacy/retention/runs', { dryRun } satisfies RetentionRunBody);
