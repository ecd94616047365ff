import type { Items, SessionsRevoked, StaffSession, TotpConfirmationBody, TotpDisableBody, TotpEnrolment, TotpStatus } from '@cozum/contract';
import { api } from './client';

export type { StaffSession, TotpStatus } from '@cozum/contract';

export const getTotp = () => api.get<TotpStatus>('/auth/totp');
export const startTotp = () => api.post<TotpEnrolment>('/auth/totp/enrolment');
export const confirmTotp = (code: string) => api.post<TotpStatus>('/auth/totp/confirmation', { code } satisfies TotpConfirmationBody);
export const disableTotp = (code: string) => api.post<void>('/auth/totp/disable', { code } satisfies TotpDisableBody);

export const listSessions = (userId: number) => api.get<Items<StaffSession>>(`/users/${userId}/sessions`).then((r) => r.items);
export const revokeSessions = (userId: number) => api.post<SessionsRevoked>(`/users/${userId}/sessions/revocation`);
export const resetTotp = (userId: number) => api.delete<void>(`/users/${userId}/totp`);
