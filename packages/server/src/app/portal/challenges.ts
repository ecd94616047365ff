/**
 * One-time codes by SMS. The code is random, kept only as an HMAC under SESSION_SECRET, lives
 * CODE_TTL_MINUTES, and locks after MAX_CODE_ATTEMPTS wrong tries. Past FREE_CODES_PER_PHONE
 * codes to a number, or FREE_CODES_PER_ADDRESS asked from an address, in an hour, the next
 * code costs a proof of work that rises with each: a stranger can no longer spend a number's
 * codes and lock its owner out, and pays more for every SMS. The SMS goes out through the
 * outbox in the same transaction. How it reaches the phone is the server's `CodeDelivery`:
 * with no SMS provider and not in development mode no code is asked for at all, since none
 * would ever arrive.
 */
import crypto from 'node:crypto';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { DomainError, requiredBits, type ErrorParams } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { portalChallenges } from '../../db/schema.js';
import { enqueue } from '../outbox.js';
import { checkProof, type Proof } from '../proof-of-work.js';
import { CODE_LENGTH, CODE_TTL_MINUTES, FREE_CODES_PER_ADDRESS, FREE_CODES_PER_PHONE, MAX_CODE_ATTEMPTS } from './limits.js';

export type ChallengePurpose = 'submit' | 'sign_in';

/**
 * How a code reaches the phone (SMS_URL, DEV_OUTBOX; config.ts smsDelivery): by the SMS
 * provider; in development mode to the development outbox, the code also told to `log` with
 * the number masked; or not at all.
 */
export type CodeDelivery = { by: 'provider' } | { by: 'development'; log: (line: string) => void } | { by: 'unavailable' };

/** The refusal when no code can reach a phone from this server (503: not the citizen's fault). */
export const smsUnavailable = () =>
  new DomainError('portal.sms_unavailable', 'sign-in by SMS is not available on this server (no SMS provider is configured); call 153 to make a request or ask about one by its tracking number');

/** A phone as the log and the citizen see it: 0532 *** ** 67. */
export const maskedPhone = (phone: string) => (phone.startsWith('90') && phone.length === 12 ? `0${phone.slice(2, 5)} *** ** ${phone.slice(10)}` : `***${phone.slice(-2)}`);

const hashCode = (secret: string, id: string, code: string) => crypto.createHmac('sha256', secret).update(`${id}:${code}`).digest('hex');

const SMS_TEXT = {
  tr: (code: string) => `Çözüm Merkezi doğrulama kodunuz: ${code}. ${CODE_TTL_MINUTES} dakika geçerlidir; kimseyle paylaşmayın.`,
  en: (code: string) => `Your Solution Centre confirmation code: ${code}. It is valid for ${CODE_TTL_MINUTES} minutes; do not share it.`,
};

/** The HMAC a code proof of work is signed for: the number, never written in the challenge. */
export const codeProofScope = (secret: string, phone: string): string => crypto.createHmac('sha256', secret).update(`portal-code|${phone}`).digest('hex');

async function codesSince(ex: Executor, where: ReturnType<typeof eq>, since: Date): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(portalChallenges).where(and(where, gte(portalChallenges.createdAt, since)));
  return row?.n ?? 0;
}

/** The bits of work the next code to this number, asked from this address, must prove (0: none). */
export async function codeCost(ex: Executor, input: { phone: string; ip?: string }, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 3600_000);
  const byPhone = requiredBits(await codesSince(ex, eq(portalChallenges.phone, input.phone), since), FREE_CODES_PER_PHONE);
  const byAddress = input.ip ? requiredBits(await codesSince(ex, eq(portalChallenges.ip, input.ip), since), FREE_CODES_PER_ADDRESS) : 0;
  return Math.max(byPhone, byAddress);
}

export async function issueChallenge(
  ex: Executor,
  input: { purpose: ChallengePurpose; phone: string; payload: Record<string, unknown>; ip?: string; locale: 'tr' | 'en'; secret: string; delivery: CodeDelivery; send?: boolean; proof?: Proof },
  now: Date,
) {
  if (input.delivery.by === 'unavailable') throw smsUnavailable();
  const required = await codeCost(ex, input, now);
  const unproven = await checkProof(ex, { secret: input.secret, purpose: 'portal_code', scope: codeProofScope(input.secret, input.phone), required, proof: input.proof }, now);
  if (unproven) throw unproven;
  // Data minimisation (KVKK art. 4): a day after it was asked for, a code and the form it held go.
  await ex.delete(portalChallenges).where(lt(portalChallenges.createdAt, new Date(now.getTime() - 86400_000)));
  const id = crypto.randomUUID();
  const code = String(crypto.randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
  await ex.insert(portalChallenges).values({ id, purpose: input.purpose, phone: input.phone, codeHash: hashCode(input.secret, id, code), payload: input.payload, ip: input.ip ?? null, createdAt: now, expiresAt });
  // A sign-in for a number we do not know sends nothing, but answers alike.
  if (input.send !== false) await enqueue(ex, { kind: 'sms', payload: { to: input.phone, text: SMS_TEXT[input.locale](code) } });
  // Development mode only: the developer reads the code here (log-check.ts knows this line).
  if (input.delivery.by === 'development') {
    input.delivery.log(input.send !== false ? `portal code for ${maskedPhone(input.phone)}: ${code}` : `portal code for ${maskedPhone(input.phone)}: none sent, no request of this number (with that tracking number) is known`);
  }
  return { id, expiresAt };
}

export type ChallengeCheck =
  | { ok: true; challenge: typeof portalChallenges.$inferSelect }
  | { ok: false; error: DomainError };

/**
 * Checks a code. A refusal is returned, not thrown, so that the caller commits the counted
 * attempt (and the lock) before answering.
 */
export async function checkChallenge(ex: Executor, input: { id: string; purpose: ChallengePurpose; code: string; secret: string }, now: Date): Promise<ChallengeCheck> {
  const [challenge] = await ex.select().from(portalChallenges).where(and(eq(portalChallenges.id, input.id), eq(portalChallenges.purpose, input.purpose))).for('update');
  // The refusal as a whole and on the code field carry the same `reason` and values.
  const fail = (code: ConstructorParameters<typeof DomainError>[0], params: ErrorParams, message: string): ChallengeCheck => ({
    ok: false,
    error: new DomainError(code, message, [{ field: 'code', code: 'wrong_code', params, message }], params),
  });
  if (!challenge) return fail('not_found', { what: 'code_request', reason: 'code_request' }, 'this code request was not found; ask for a new code');
  if (challenge.usedAt) return fail('portal.code_used_conflict', { reason: 'used' }, 'this code was already used; ask for a new code');
  if (challenge.lockedAt) return fail('rate_limited', { reason: 'code_locked', attempts: MAX_CODE_ATTEMPTS }, `this code is locked after ${MAX_CODE_ATTEMPTS} wrong tries; ask for a new code`);
  if (challenge.expiresAt <= now) return fail('portal.code_expired', { reason: 'expired', minutes: CODE_TTL_MINUTES }, `the code has expired (codes last ${CODE_TTL_MINUTES} minutes); ask for a new code`);
  const given = /^\d+$/.test(input.code.trim()) ? input.code.trim() : '';
  const expected = Buffer.from(challenge.codeHash, 'hex');
  const actual = Buffer.from(hashCode(input.secret, challenge.id, given), 'hex');
  if (given && crypto.timingSafeEqual(expected, actual)) {
    await ex.update(portalChallenges).set({ usedAt: now }).where(eq(portalChallenges.id, challenge.id));
    return { ok: true, challenge };
  }
  const attempts = challenge.attempts + 1;
  const locked = attempts >= MAX_CODE_ATTEMPTS;
  await ex.update(portalChallenges).set({ attempts, lockedAt: locked ? now : null }).where(eq(portalChallenges.id, challenge.id));
  if (locked) return fail('rate_limited', { reason: 'code_locked', attempts: MAX_CODE_ATTEMPTS }, `the code is wrong, and after ${MAX_CODE_ATTEMPTS} wrong tries it is now locked; ask for a new code`);
  const left = MAX_CODE_ATTEMPTS - attempts;
  return fail('portal.wrong_code', { reason: 'wrong', left }, `the code is wrong; ${left} ${left === 1 ? 'try' : 'tries'} left`);
}
