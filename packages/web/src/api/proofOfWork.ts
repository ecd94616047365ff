import type { ProofBody, ProofChallenge } from '@cozum/contract';
import { leadingZeroBits, proofText, sha256 } from '@cozum/domain';
import { ApiError } from './client';

/** A proof the server asks for after repeated attempts (packages/domain/src/proof-of-work.ts holds the rules). */
export type Proof = ProofBody;
export type { ProofChallenge } from '@cozum/contract';

// Browsers offer WebCrypto's subtle only in a secure context: a page served over plain HTTP on
// an intranet address has none, so it hashes in JavaScript, in larger batches (about 10 ms each)
// with a pause between them so the page can repaint.
const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
const hasher = subtle
  ? { batch: 256, digest: async (bytes: Uint8Array<ArrayBuffer>) => new Uint8Array(await subtle.digest('SHA-256', bytes)), breathe: () => Promise.resolve() }
  : { batch: 4096, digest: async (bytes: Uint8Array<ArrayBuffer>) => sha256(bytes), breathe: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) };

/**
 * Finds a nonce whose SHA-256 of "challenge:nonce" starts with `bits` zero bits, a batch of
 * digests at a time so the page stays responsive.
 */
export async function solveChallenge(challenge: string, bits: number): Promise<string> {
  const encoder = new TextEncoder();
  const { batch, digest, breathe } = hasher;
  for (let start = 0; ; start += batch) {
    const nonces = Array.from({ length: batch }, (_, i) => (start + i).toString(36));
    const digests = await Promise.all(nonces.map((nonce) => digest(encoder.encode(proofText(challenge, nonce)))));
    const found = digests.findIndex((bytes) => leadingZeroBits(bytes) >= bits);
    if (found >= 0) return nonces[found]!;
    await breathe();
  }
}

/**
 * Tries once; when the server answers proof_of_work.required, asks for a challenge, solves it
 * (telling the page it is working) and tries again with the proof.
 */
export async function withProofOfWork<T>(attempt: (proof?: Proof) => Promise<T>, ask: () => Promise<ProofChallenge>, working: (busy: boolean) => void): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'proof_of_work.required')) throw error;
  }
  working(true);
  try {
    const { challenge, bits } = await ask();
    return await attempt(bits > 0 ? { challenge, nonce: await solveChallenge(challenge, bits) } : undefined);
  } finally {
    working(false);
  }
}
