import nodeCrypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from './sha256.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sha256', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with WebCrypto and Node on every padding boundary and on Turkish text', async () => {
    const inputs = [...[0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000].map((n) => 'a'.repeat(n)), 'çözüm:ığüşöç İ', 'v1.eyJ1Ijoi.c2ln:1z'];
    for (const input of inputs) {
      const bytes = utf8(input);
      const web = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
      expect(hex(sha256(bytes)), `${input.length} chars`).toBe(hex(web));
      expect(hex(sha256(bytes))).toBe(nodeCrypto.createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('agrees with WebCrypto on random bytes of random lengths', async () => {
    for (let i = 0; i < 200; i++) {
      const bytes = nodeCrypto.randomBytes(nodeCrypto.randomInt(0, 300));
      const web = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
      expect(hex(sha256(bytes))).toBe(hex(web));
    }
  });
});
