import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROOF_OF_WORK, leadingZeroBits, proofText, requiredBits } from './proof-of-work.js';

describe('proof of work', () => {
  it('costs nothing within the allowance, then rises by steps to a ceiling', () => {
    expect(requiredBits(0, 5)).toBe(0);
    expect(requiredBits(4, 5)).toBe(0);
    expect(requiredBits(5, 5)).toBe(PROOF_OF_WORK.baseBits);
    expect(requiredBits(6, 5)).toBe(PROOF_OF_WORK.baseBits + PROOF_OF_WORK.stepBits);
    expect(requiredBits(500, 5)).toBe(PROOF_OF_WORK.maxBits);
  });

  it('counts leading zero bits across bytes', () => {
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x01, 0xff]))).toBe(7);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x00, 0x10]))).toBe(19);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('finds a nonce for the base cost in a few thousand hashes', () => {
    let nonce = 0;
    while (leadingZeroBits(crypto.createHash('sha256').update(proofText('c', String(nonce))).digest()) < PROOF_OF_WORK.baseBits) nonce++;
    expect(nonce).toBeLessThan(200_000);
  });
});
