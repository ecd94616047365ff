/**
 * TC kimlik no (Turkish national id): 11 digits, the first not 0, two check digits.
 * d10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10; d11 = (d1+…+d10) mod 10.
 */

/** Why a number is not a TC kimlik no: the `reason` param of the field code `not_tckn`. */
export type TcKimlikReason = 'digits' | 'length' | 'leading_zero' | 'checksum';

/** Null when valid, else the reason as a code (for the client's catalogue) and in English. */
export function checkTcKimlik(value: string): { reason: TcKimlikReason; message: string } | null {
  if (!/^\d*$/.test(value)) return { reason: 'digits', message: 'must be exactly 11 digits' };
  if (value.length !== 11) return { reason: 'length', message: 'must be exactly 11 digits' };
  const d = [...value].map(Number);
  if (d[0] === 0) return { reason: 'leading_zero', message: 'cannot start with 0' };
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  if (tenth !== d[9]) return { reason: 'checksum', message: 'checksum digit 10 is wrong; check the number for a typo' };
  const eleventh = d.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  if (eleventh !== d[10]) return { reason: 'checksum', message: 'checksum digit 11 is wrong; check the number for a typo' };
  return null;
}

/** Null when valid, else the reason in English. */
export const tcKimlikProblem = (value: string): string | null => checkTcKimlik(value)?.message ?? null;

export const isValidTcKimlik = (value: string): boolean => checkTcKimlik(value) === null;
