/** Staff sign-in: the proof of work asked after repeated failures, the session, the signed-in user. */
import { Type, type Static } from 'typebox';
import { TIME_ZONE_EXPECTED } from '@cozum/domain';
import { ProofBody } from './proof-of-work.js';
import { User } from './users.js';

/**
 * The answer of a route that answers 204 (no body). Shared by the auth, calendar and templates
 * routes; it belongs in common.ts beside `responses`.
 */

const Username = Type.String({ minLength: 1, maxLength: 64 });

export const SignInChallengeBody = Type.Object({ username: Username }, { additionalProperties: false });
export type SignInChallengeBody = Static<typeof SignInChallengeBody>;

export const LoginBody = Type.Object(
  {
    username: Username,
    password: Type.String({ minLength: 1, maxLength: 200 }),
    totpCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'Only for accounts with two-factor sign-in on' })),
    proof: Type.Optional(ProofBody),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** The user, and the city's IANA time zone (CITY_TIME_ZONE): the web app shows dates on the city's clock. */
export const SignedIn = Type.Object({ user: User, timeZone: Type.String({ description: `the city's time zone (CITY_TIME_ZONE), ${TIME_ZONE_EXPECTED}` }) });
export type SignedIn = Static<typeof SignedIn>;
