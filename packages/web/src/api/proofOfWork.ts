import { ApiError } from './client';

/** A proof the server asks for after repeated attempts (packages/domain/src/proof-of-work.ts holds the rules). */
export interface Proof {
  challenge: string;
  nonce: string;
}

export interface ProofChallenge {
  challenge: string;
  bits: number;
}

const zeroBits = (digest: Uint8Array): number => {
  let bits = 0;
  for (const byte of digest) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
};

/**
 * Finds a nonce whose SHA-256 of "challenge:nonce" starts with `bits` zero bits, with
 * WebCrypto, a batch of digests at a time so the page stays responsive.
 */
export async function solveChallenge(challenge: string, bits: number): Promise<string> {
  const encoder = new TextEncoder();
  const batch = 256;
  for (let start = 0; ; start += batch) {
    const nonces = Array.from({ length: batch }, (_, i) => (start + i).toString(36));
    const digests = await Promise.all(nonces.map((nonce) => crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`))));
    const found = digests.findIndex((digest) => zeroBits(new Uint8Array(digest)) >= bits);
    if (found >= 0) return nonces[found]!;
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
