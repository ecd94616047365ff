/**
 * Survey links carry a signed token: the invitation's id and an HMAC of it under
 * SESSION_SECRET. A token cannot be guessed or made up for another invitation, and the
 * database holds no token a stolen copy could use.
 */
import crypto from 'node:crypto';

const signature = (id: number, secret: string) => crypto.createHmac('sha256', secret).update(`survey-invitation:${id}`).digest('base64url').slice(0, 32);

export const signInvitation = (id: number, secret: string): string => `${id}.${signature(id, secret)}`;

/** The invitation id a token stands for, or null when the token is malformed or its signature wrong. */
export function readInvitationToken(token: string, secret: string): number | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(signature(id, secret));
  const given = Buffer.from(match[2]!);
  return crypto.timingSafeEqual(expected, given) ? id : null;
}

export const surveyLink = (publicUrl: string, id: number, secret: string): string => `${publicUrl.replace(/\/+$/, '')}/s/${signInvitation(id, secret)}`;
