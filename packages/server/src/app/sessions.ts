/**
 * Staff sign-in: argon2id passwords, server-side sessions. Repeated failures are slowed by a
 * proof of work (sign-in-throttle.ts), never by locking the account: a stranger cannot lock
 * the owner out, and an unknown username answers exactly as a known one with a wrong password.
 */
import crypto from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { DomainError, isRole, type Role } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { sessions, units, users } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { checkProof, type Proof } from './proof-of-work.js';
import { clearUsernameFailures, recordSignInFailure, signInCost, throttleKeys } from './sign-in-throttle.js';
import { checkLoginCode } from './totp.js';
import { getUser, type UserView } from './users.js';

/** Tokens are stored as an HMAC under SESSION_SECRET: a copy of the table cannot be matched to cookies. */
export const hashToken = (token: string, secret: string): string => crypto.createHmac('sha256', secret).update(token).digest('hex');

export interface LoginInput {
  username: string;
  password: string;
  /** The authenticator's code, for accounts with two-factor sign-in on. */
  totpCode?: string;
  /** Asked for after repeated failures (proof_of_work.required). */
  proof?: Proof;
  ip?: string;
  userAgent?: string;
  now: Date;
  ttlHours: number;
  secret: string;
}

/**
 * A refusal is returned, not thrown, so that the caller commits the failure count, the spent
 * proof and the audit entry before answering.
 */
export type LoginResult = { ok: true; token: string; user: UserView } | { ok: false; error: DomainError };

/** The work the next sign-in with this username from this address must prove. */
export const signInWork = (ex: Executor, input: { username: string; ip?: string; now: Date; secret: string }): Promise<number> => signInCost(ex, input, input.now);

export async function login(ex: Executor, input: LoginInput): Promise<LoginResult> {
  const keys = throttleKeys(input.secret, input.username, input.ip);
  const required = await signInCost(ex, input, input.now);
  const unproven = await checkProof(ex, { secret: input.secret, purpose: 'sign_in', scope: keys.username, required, proof: input.proof }, input.now);
  if (unproven) return { ok: false, error: unproven };

  const [account] = await ex
    .select({ id: users.id, username: users.username, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username.trim()})`);
  const refused = new DomainError('invalid_credentials', 'the username or password is wrong');
  // The same argon2 work whether or not the account exists, so the time tells nothing either.
  const passwordOk = (await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password)) && !!account?.active;
  if (!account || !passwordOk) {
    await recordSignInFailure(ex, keys, input.now);
    const reason = !account ? 'unknown_user' : account.active ? 'bad_password' : 'inactive';
    await recordAudit(ex, { actor: account ?? null, action: 'auth.login_failed', ip: input.ip, data: account ? { reason } : { username: input.username.slice(0, 64), reason } });
    return { ok: false, error: refused };
  }
  // The password was right; with two-factor on, no session without the current code. A wrong
  // code counts as a failed sign-in, so guessing codes meets the same rising cost.
  const second = await checkLoginCode(ex, account.id, input.totpCode, input.now, input.secret);
  if (second === 'missing') return { ok: false, error: new DomainError('totp_required', 'this account has two-factor sign-in: send the 6-digit code from the authenticator app as totpCode') };
  if (second === 'wrong') {
    await recordSignInFailure(ex, keys, input.now);
    await recordAudit(ex, { actor: account, action: 'auth.login_failed', ip: input.ip, data: { reason: 'bad_totp_code' } });
    return { ok: false, error: new DomainError('totp_invalid', 'the two-factor code is wrong or already used; wait for the next code') };
  }
  const token = crypto.randomBytes(32).toString('base64url');
  await ex.insert(sessions).values({
    tokenHash: hashToken(token, input.secret),
    userId: account.id,
    expiresAt: new Date(input.now.getTime() + input.ttlHours * 3600_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  await clearUsernameFailures(ex, keys);
  await ex.update(users).set({ lastLoginAt: input.now }).where(eq(users.id, account.id));
  await recordAudit(ex, { actor: account, action: 'auth.login', ip: input.ip });
  return { ok: true, token, user: await getUser(ex, account.id) };
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  locale: 'tr' | 'en';
}

/**
 * Every API call looks its session up, so the query is prepared once per handle: the server
 * parses and plans it once per connection, not on each call.
 */
const prepareSessionLookup = (ex: Executor) =>
  ex
    .select({
      tokenHash: sessions.tokenHash,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      unitName: units.nameTr,
      locale: users.locale,
      active: users.active,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(sql`${sessions.tokenHash} = any(${sql.placeholder('hashes')}::text[])`, isNull(sessions.revokedAt)))
    .prepare('session_users');
const sessionLookups = new WeakMap<Executor, ReturnType<typeof prepareSessionLookup>>();

/**
 * The signed-in users for cookie tokens, in one query, extending each session (sliding
 * expiry). Tokens with no live session map to null.
 */
export async function sessionUsers(ex: Executor, tokens: string[], now: Date, ttlHours: number, secret: string): Promise<Map<string, SessionUser | null>> {
  const hashes = new Map(tokens.map((token) => [hashToken(token, secret), token]));
  let lookup = sessionLookups.get(ex);
  if (!lookup) sessionLookups.set(ex, (lookup = prepareSessionLookup(ex)));
  const rows = await lookup.execute({ hashes: [...hashes.keys()] });
  const found = new Map<string, SessionUser | null>(tokens.map((token) => [token, null]));
  const extend: string[] = [];
  for (const row of rows) {
    if (!row.active || row.expiresAt <= now || !isRole(row.role)) continue;
    // Extend at most once a minute, so reads do not turn every request into a write.
    if (now.getTime() - row.lastSeenAt.getTime() > 60_000) extend.push(row.tokenHash);
    found.set(hashes.get(row.tokenHash)!, { id: row.id, username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId, unitName: row.unitName, locale: row.locale === 'en' ? 'en' : 'tr' });
  }
  if (extend.length) await ex.update(sessions).set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3600_000) }).where(inArray(sessions.tokenHash, extend));
  return found;
}

export async function logout(ex: Executor, token: string, now: Date, secret: string): Promise<void> {
  await ex.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, hashToken(token, secret)), isNull(sessions.revokedAt)));
}

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** A user's open sessions; the id is a prefix of the stored hash, useless as a cookie. */
export async function listSessions(ex: Executor, userId: number, now: Date): Promise<SessionView[]> {
  const rows = await ex.select().from(sessions).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > ${now}`)).orderBy(sql`${sessions.lastSeenAt} desc`);
  return rows.map((r) => ({ id: r.tokenHash.slice(0, 16), createdAt: r.createdAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), expiresAt: r.expiresAt.toISOString(), ip: r.ip, userAgent: r.userAgent }));
}

/** An administrator ends every open session of a user (a lost laptop, a leaver). */
export async function revokeSessions(ex: Executor, actor: { id: number; username: string }, userId: number, input: { now: Date; ip?: string }): Promise<number> {
  await getUser(ex, userId);
  const revoked = await ex.update(sessions).set({ revokedAt: input.now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))).returning({ tokenHash: sessions.tokenHash });
  await recordAudit(ex, { actor, action: 'auth.sessions_revoked', subjectType: 'user', subjectId: userId, ip: input.ip, data: { sessions: revoked.length } });
  return revoked.length;
}
