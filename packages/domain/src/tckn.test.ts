import { describe, expect, it } from 'vitest';
import { checkTcKimlik, isValidTcKimlik, tcKimlikProblem } from './tckn.js';

describe('TC kimlik no', () => {
  // Worked by hand: odd digits 1+0+0+0+1 = 2, even 0; (2*7 - 0) mod 10 = 4; (1+1+4) mod 10 = 6.
  it('accepts a number whose check digits are right', () => {
    expect(isValidTcKimlik('10000000146')).toBe(true);
  });

  it.each([
    ['1000000014', 'must be exactly 11 digits'],
    ['1000000014a', 'must be exactly 11 digits'],
    ['01000000146', 'cannot start with 0'],
    ['10000000156', 'checksum digit 10 is wrong; check the number for a typo'],
    ['10000000147', 'checksum digit 11 is wrong; check the number for a typo'],
  ])('refuses %s: %s', (value, reason) => {
    expect(tcKimlikProblem(value)).toBe(reason);
  });

  it.each([
    ['1000000014', 'length'],
    ['100000001466', 'length'],
    ['1000000014a', 'digits'],
    ['01000000146', 'leading_zero'],
    ['10000000156', 'checksum'],
    ['10000000147', 'checksum'],
  ])('names why %s fails as %s, for the client to say it in its language', (value, reason) => {
    expect(checkTcKimlik(value)?.reason).toBe(reason);
  });
});
