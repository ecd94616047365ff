/**
 * Signed proof-of-work challenges (rules in @cozum/domain proof-of-work.ts). A challenge names
 * its purpose, cost and expiry, and is signed with SESSION_SECRET together with what it is for
 * (the username or phone, as an HMAC), so it cannot be forged, made cheaper or spent on
 * another account; proofs_spent makes each one good for a single try.
 */
import crypto from 'node:crypto';
import { lt } from 'drizzle-orm';
import { DomainError, PROOF_OF_WORK, leadingZeroBits, proofText } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { proofsSpent } from '../db/schema.js';

export type ProofPurpose = 'sign_in' | 'portal_code';

export interface Proof {
  challenge: string;
  nonce: string;
}

export interface IssuedChallenge {
  challenge: string;
  bits: number;
  expiresAt: string;
}

const sign = (secret: string, purpose: ProofPurpose, scope: string, body: string) => crypto.createHmac('sha256', secret).update(`pow|${purpose}|${scope}|${body}`).digest('base64url');

/** A challenge for this purpose and scope (a username or phone, as given) at this cost. */
export function issueProofChallenge(secret: string, purpose: ProofPurpose, scope: string, bits: number, now: Date): IssuedChallenge {
  const expires = now.getTime() + PROOF_OF_WORK.ttlSeconds * 1000;
  const body = `${bits}.${expires}.${crypto.randomBytes(12).toString('base64url')}`;
  return { challenge: `${body}.${sign(secret, purpose, scope, body)}`, bits, expiresAt: new Date(expires).toISOString() };
}

export const proofRequired = (bits: number): DomainError =>
  new DomainError(
    'proof_of_work.required',
    `too many recent attempts: ask for a challenge and send its proof of work (${bits} bits) with the next try`,
    [{ field: 'proof', code: 'required', params: { bits }, message: `a proof of work of ${bits} bits is required` }],
    { bits },
  );

/** Why a proof is refused (`reason`): not this server's challenge, expired, not solved, already spent. */
type ProofProblem = 'foreign' | 'expired' | 'unsolved' | 'spent';

const proofInvalid = (reason: ProofProblem, message: string): DomainError =>
  new DomainError('proof_of_work.invalid', `proof: ${message}; ask for a new challenge`, [{ field: 'proof', code: 'invalid', params: { reason }, message }], { reason });

/**
 * Null when no work is asked (`required` 0) or the proof holds; the refusal otherwise. A
 * proof that holds is spent in the caller's transaction.
 */
export async function checkProof(ex: Executor, input: { secret: string; purpose: ProofPurpose; scope: string; required: number; proof?: Proof }, now: Date): Promise<DomainError | null> {
  if (input.required === 0) return null;
  if (!input.proof) return proofRequired(input.required);
  const parts = input.proof.challenge.split('.');
  if (parts.length !== 4) return proofInvalid('foreign', 'the challenge is not one this server gave');
  const [bitsText, expiresText, id, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(input.secret, input.purpose, input.scope, `${bitsText}.${expiresText}.${id}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return proofInvalid('foreign', 'the challenge is not one this server gave for this purpose and name');
  const bits = Number(bitsText);
  const expires = Number(expiresText);
  if (expires <= now.getTime()) return proofInvalid('expired', 'the challenge has expired');
  // Asked for when fewer attempts had been made: the cost has risen since.
  if (bits < input.required) return proofRequired(input.required);
  const digest = crypto.createHash('sha256').update(proofText(input.proof.challenge, input.proof.nonce)).digest();
  if (leadingZeroBits(digest) < bits) return proofInvalid('unsolved', 'the nonce does not solve the challenge');
  await ex.delete(proofsSpent).where(lt(proofsSpent.expiresAt, now));
  const spent = await ex.insert(proofsSpent).values({ id, expiresAt: new Date(expires) }).onConflictDoNothing().returning({ id: proofsSpent.id });
  if (!spent.length) return proofInvalid('spent', 'this challenge was already used');
  return null;
}
