import { api, fileUrl, type Items } from './client';

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
/** The export downloads through the browser (the server logs it with its purpose). */
export const exportUrl = (id: number, purpose: string, format: 'json' | 'pdf') =>
  fileUrl(`/privacy/citizens/${id}/export?${new URLSearchParams({ purpose, format }).toString()}`);

export const getRetention = () => api.get<{ policy: RetentionPolicy; intervalDays: number; runs: RetentionRun[] }>('/privacy/retention');
export const saveRetentionPolicy = (policy: RetentionPolicy) => api.put<RetentionPolicy>('/privacy/retention/policy', policy);
export const runRetention = (dryRun: boolean) => api.post<RetentionRun>('/privacy/retention/runs', { dryRun });
