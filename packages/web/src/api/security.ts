import { api } from './client';

export interface TotpStatus {
  enabled: boolean;
  pending: boolean;
}

export const getTotp = () => api.get<TotpStatus>('/auth/totp');
export const startTotp = () => api.post<{ secret: string; otpauthUri: string }>('/auth/totp/enrolment');
export const confirmTotp = (code: string) => api.post<TotpStatus>('/auth/totp/confirmation', { code });
export const disableTotp = (code: string) => api.post<void>('/auth/totp/disable', { code });
