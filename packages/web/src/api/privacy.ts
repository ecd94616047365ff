import { api, type Items } from './client';

/** A citizen as lists show them: personal fields masked unless opened with a purpose. */
export interface CitizenSummary {
  id: number;
  fullName: string | null;
  phone: string | null;
  tcKimlikNo: string | null;
  email: string | null;
  address: string | null;
  requestCount: number;
  anonymisedAt: string | null;
  createdAt: string;
}

export interface AnonymisedCounts {
  citizens: number;
  requests: number;
  contacts: number;
  messages: number;
}

export const RETENTION_CLASSES = ['citizens', 'contacts', 'messages', 'sessions'] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];
export type RetentionPolicy = Record<RetentionClass, number>;

export interface RetentionRun {
  id: number;
  startedAt: string;
  finishedAt: string;
  dryRun: boolean;
  trigger: string;
  policy: RetentionPolicy;
  cutoffs: Record<RetentionClass, string>;
  counts: Record<RetentionClass, number>;
}

export const findCitizens = (q: string) => api.get<Items<CitizenSummary>>('/citizens', { q }).then((r) => r.items);
/** Opening the full record writes the audit log, so it is a POST with the purpose in the body. */
export const openCitizen = (id: number, purpose: string) => api.post<CitizenSummary>(`/citizens/${id}/views`, { purpose });
export const anonymiseCitizen = (id: number, reason: string, trackingNo?: string) =>
  api.post<AnonymisedCounts>(`/privacy/citizens/${id}/anonymise`, { reason, ...(trackingNo ? { trackingNo } : {}) });
/**
 * The export, saved through the browser. A POST with the purpose in the body: the server logs
 * it, so it must not be a link another site could make the browser follow.
 */
export async function downloadExport(id: number, purpose: string, format: 'json' | 'pdf'): Promise<void> {
  const blob = await api.postForFile(`/privacy/citizens/${id}/export`, { purpose, format });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `kisisel-veri-${id}-${new Date().toISOString().slice(0, 10)}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

export const getRetention = () => api.get<{ policy: RetentionPolicy; intervalDays: number; runs: RetentionRun[] }>('/privacy/retention');
export const saveRetentionPolicy = (policy: RetentionPolicy) => api.put<RetentionPolicy>('/privacy/retention/policy', policy);
export const runRetention = (dryRun: boolean) => api.post<RetentionRun>('/privacy/retention/runs', { dryRun });
