import { api } from './client';
import type { User } from './users';

/** `totpCode` only for accounts with two-factor sign-in on (the server answers totp_required). */
export const login = (username: string, password: string, totpCode?: string) =>
  api.post<{ user: User }>('/auth/login', { username, password, ...(totpCode ? { totpCode } : {}) }).then((r) => r.user);
export const logout = () => api.post<void>('/auth/logout');
export const me = () => api.get<{ user: User }>('/auth/me').then((r) => r.user);
