/**
 * A captcha-free brake on guessing and on spending someone's codes: past a free allowance,
 * the server asks the browser to find a nonce whose SHA-256 with the signed challenge starts
 * with `bits` zero bits (about 2^bits hashes), and each further attempt doubles or quadruples
 * the work. Nobody is locked out: the owner proves the work and goes on, while a stranger's
 * thousand guesses cost a thousand times more. The hashing itself is the caller's (Node's
 * crypto on the server, WebCrypto in the browser); this file holds the rules both share.
 */
export const PROOF_OF_WORK = {
  /** The first proof asked: about 4,000 hashes, a blink in a browser. */
  baseBits: 12,
  /** Each further attempt past the allowance: four times the work. */
  stepBits: 2,
  /** The ceiling: about a million hashes, seconds in a browser, so the owner always gets through. */
  maxBits: 20,
  /** A challenge is good for this long. */
  ttlSeconds: 300,
} as const;

/** The bits of work for the `attempts` made in the window, when `free` of them cost nothing. */
export function requiredBits(attempts: number, free: number): number {
  const excess = attempts - free;
  if (excess < 0) return 0;
  return Math.min(PROOF_OF_WORK.maxBits, PROOF_OF_WORK.baseBits + excess * PROOF_OF_WORK.stepBits);
}

/** The text hashed for a nonce: the challenge as given, a colon, the nonce. */
export const proofText = (challenge: string, nonce: string): string => `${challenge}:${nonce}`;

/** How many leading zero bits a digest has. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}
