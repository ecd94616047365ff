import { api } from './client';
import { withProofOfWork, type ProofChallenge } from './proofOfWork';
import { setCityTimeZone } from '../clock';
import type { User } from './users';

/**
 * `totpCode` only for accounts with two-factor sign-in on (the server answers totp_required).
 * After repeated failures the server asks for a proof of work: found here, `working` told meanwhile.
 */
export const login = (username: string, password: string, totpCode?: string, working: (busy: boolean) => void = () => undefined) =>
  withProofOfWork(
    (proof) => api.post<{ user: User; timeZone: string }>('/auth/login', { username, password, ...(totpCode ? { totpCode } : {}), ...(proof ? { proof } : {}) }),
    () => api.post<ProofChallenge>('/auth/proof-of-work', { username }),
    working,
  ).then((r) => {
    setCityTimeZone(r.timeZone);
    return r.user;
  });
export const logout = () => api.post<void>('/auth/logout');
export const me = () =>
  api.get<{ user: User; timeZone: string }>('/auth/me').then((r) => {
    setCityTimeZone(r.timeZone);
    return r.user;
  });
