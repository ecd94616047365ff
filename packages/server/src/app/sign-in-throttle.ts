/**
 * How much work a staff sign-in costs: failures in the last FAILURE_WINDOW_MINUTES, counted
 * for the username typed (whether or not such an account exists, so the answer tells nothing
 * about existence) and for the address. Within the allowance nothing is asked; past it a proof
 * of work whose cost rises with each failure. No account is ever locked, and the owner signing
 * in from an address where they had a session in the last USUAL_PLACE_DAYS is not slowed by
 * what strangers elsewhere spent on their name.
 */
import crypto from 'node:crypto';
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { requiredBits } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { sessions, signInFailures, users } from '../db/schema.js';

export const FAILURE_WINDOW_MINUTES = 15;
/** Wrong passwords or codes for one username before a proof of work is asked. */
export const FREE_FAILURES_PER_USERNAME = 5;
/** For one address: an office behind one NAT address shares it. */
export const FREE_FAILURES_PER_ADDRESS = 30;
/** An address the account had a session from within this many days is the owner's usual place. */
export const USUAL_PLACE_DAYS = 30;

export interface ThrottleKeys {
  username: string;
  address: string | null;
}

const mac = (secret: string, text: string) => crypto.createHmac('sha256', secret).update(`sign-in|${text}`).digest('hex');

/** Usernames and addresses are kept only as HMACs: the table names nobody. */
export const throttleKeys = (secret: string, username: string, ip: string | undefined): ThrottleKeys => ({
  username: mac(secret, `user:${username.trim().toLowerCase()}`),
  address: ip ? mac(secret, `ip:${ip}`) : null,
});

async function recentFailures(ex: Executor, key: string, now: Date): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.key, key), gte(signInFailures.at, new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000))));
  return row?.n ?? 0;
}

/** Whether this username's account had a session from this address lately (false for unknown names). */
async function usualPlace(ex: Executor, username: string, ip: string | undefined, now: Date): Promise<boolean> {
  if (!ip) return false;
  const [row] = await ex
    .select({ n: count() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(sql`lower(${users.username}) = lower(${username.trim()})`, eq(sessions.ip, ip), gte(sessions.createdAt, new Date(now.getTime() - USUAL_PLACE_DAYS * 86_400_000))));
  return (row?.n ?? 0) > 0;
}

/** The bits of work the next sign-in for this username from this address must prove (0: none). */
export async function signInCost(ex: Executor, input: { username: string; ip?: string; secret: string }, now: Date): Promise<number> {
  const keys = throttleKeys(input.secret, input.username, input.ip);
  const byAddress = keys.address ? requiredBits(await recentFailures(ex, keys.address, now), FREE_FAILURES_PER_ADDRESS) : 0;
  const byName = requiredBits(await recentFailures(ex, keys.username, now), FREE_FAILURES_PER_USERNAME);
  if (byName === 0 || (await usualPlace(ex, input.username, input.ip, now))) return byAddress;
  return Math.max(byName, byAddress);
}

export async function recordSignInFailure(ex: Executor, keys: ThrottleKeys, now: Date): Promise<void> {
  await ex.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - 86_400_000)));
  await ex.insert(signInFailures).values([{ key: keys.username, at: now }, ...(keys.address ? [{ key: keys.address, at: now }] : [])]);
}

/** The owner got in: what strangers spent on their name no longer slows them. */
export async function clearUsernameFailures(ex: Executor, keys: ThrottleKeys): Promise<void> {
  await ex.delete(signInFailures).where(eq(signInFailures.key, keys.username));
}
