import type { LoginBody, SignedIn, SignInChallengeBody } from '@cozum/contract';
import { api } from './client';
import { withProofOfWork, type ProofChallenge } from './proofOfWork';
import { setCityTimeZone } from '../clock';

/**
 * `totpCode` only for accounts with two-factor sign-in on (the server answers totp_required).
 * After repeated failures the server asks for a proof of work: found here, `working` told meanwhile.
 */
export const login = (username: string, password: string, totpCode?: string, working: (busy: boolean) => void = () => undefined) =>
  withProofOfWork(
    (proof) => api.post<SignedIn>('/auth/login', { username, password, ...(totpCode ? { totpCode } : {}), ...(proof ? { proof } : {}) } satisfies LoginBody),
    () => api.post<ProofChallenge>('/auth/proof-of-work', { username } satisfies SignInChallengeBody),
    working,
  ).then((r) => {
    setCityTimeZone(r.timeZone);
    return r.user;
  });
export const logout = () => api.post<void>('/auth/logout');
export const me = () =>
  api.get<SignedIn>('/auth/me').then((r) => {
    setCityTimeZone(r.timeZone);
    return r.user;
  });
