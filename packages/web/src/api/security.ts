import { api } from './client';

export interface TotpStatus {
  enabled: boolean;
  pending: boolean;
}

export const getTotp = () => api.get<TotpStatus>('/auth/totp');
export const startTotp = () => api.post<{ secret: string; otpauthUri: string }>('/auth/totp/enrolment');
export const confirmTotp = (code: string) => api.post<TotpStatus>('/auth/totp/confirmation', { code });
export const disableTotp = (code: string) => api.post<void>('/auth/totp/disable', { code });

export interface StaffSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export const listSessions = (userId: number) => api.get<{ items: StaffSession[] }>(`/users/${userId}/sessions`).then((r) => r.items);
export const revokeSessions = (userId: number) => api.post<{ revoked: number }>(`/users/${userId}/sessions/revocation`);
export const resetTotp = (userId: number) => api.delete<void>(`/users/${userId}/totp`);
