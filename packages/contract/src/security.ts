/** Two-factor sign-in (TOTP) for the signed-in user, and administrators' control of sessions. */
import { Type, type Static } from 'typebox';
import { Items, Nullable } from './common.js';

export const TotpStatus = Type.Object({ enabled: Type.Boolean(), pending: Type.Boolean() });
export type TotpStatus = Static<typeof TotpStatus>;

/** A new secret and its otpauth:// URI for the authenticator app; confirmed with a code. */
export const TotpEnrolment = Type.Object({ secret: Type.String(), otpauthUri: Type.String() });
export type TotpEnrolment = Static<typeof TotpEnrolment>;

const Code = Type.String({ pattern: '^\\d{6}$', description: 'The 6-digit code the authenticator app shows now' });
export const TotpConfirmationBody = Type.Object({ code: Code }, { additionalProperties: false });
export type TotpConfirmationBody = Static<typeof TotpConfirmationBody>;
export const TotpDisableBody = Type.Object({ code: Type.Optional(Code) }, { additionalProperties: false });
export type TotpDisableBody = Static<typeof TotpDisableBody>;

/** An open session; the id is a prefix of the stored hash, useless as a cookie. */
export const StaffSession = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
});
export type StaffSession = Static<typeof StaffSession>;
export const StaffSessions = Items(StaffSession);

export const SessionsRevoked = Type.Object({ revoked: Type.Integer() });
export type SessionsRevoked = Static<typeof SessionsRevoked>;
