/**
 * A verified phone's short session on the portal: its own cookie, its own table, nothing to do
 * with staff sessions. The cookie holds a random token; the table its HMAC.
 */
import crypto from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { citizenSessions } from '../../db/schema.js';
import { hashToken } from '../sessions.js';
import { CITIZEN_SESSION_MINUTES } from './limits.js';

export async function startCitizenSession(ex: Executor, phone: string, secret: string, now: Date) {
  const token = crypto.randomBytes(32).toString('base64url');
  await ex.delete(citizenSessions).where(lt(citizenSessions.expiresAt, now));
  await ex.insert(citizenSessions).values({ tokenHash: hashToken(token, secret), phone, createdAt: now, expiresAt: new Date(now.getTime() + CITIZEN_SESSION_MINUTES * 60_000) });
  return token;
}

/** The verified phone behind a cookie, or null when there is none or it has expired. */
export async function citizenSessionPhone(ex: Executor, token: string, secret: string, now: Date): Promise<string | null> {
  const [row] = await ex
    .select({ phone: citizenSessions.phone })
    .from(citizenSessions)
    .where(and(eq(citizenSessions.tokenHash, hashToken(token, secret)), gt(citizenSessions.expiresAt, now)));
  return row?.phone ?? null;
}

export async function endCitizenSession(ex: Executor, token: string, secret: string) {
  await ex.delete(citizenSessions).where(eq(citizenSessions.tokenHash, hashToken(token, secret)));
}
