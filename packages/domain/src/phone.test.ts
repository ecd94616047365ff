import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, normalizePhone } from './phone.js';

describe('phone numbers', () => {
  it.each([
    ['0532 123 45 67', '905321234567'],
    ['+90 (532) 123-4567', '905321234567'],
    ['5321234567', '905321234567'],
    ['905321234567', '905321234567'],
    ['0362 312 19 19', '903623121919'],
    ['+44 20 7946 0958', '442079460958'],
  ])('%s → %s', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each(['123', '0532 123 45', 'abc', '0132 123 45 67', '+90 132 123 4567'])('refuses %s', (input) => expect(normalizePhone(input)).toBeNull());

  it('masks all but the operator code and the last two digits', () => {
    expect(maskPhone('905321234567')).toBe('0532 *** ** 67');
  });

  it.each([
    ['905321112233', '0532 111 22 33'],
    ['903623121919', '0362 312 19 19'],
    ['+90 (532) 111-2233', '0532 111 22 33'],
    ['442079460958', '+442079460958'],
    ['0532 *** ** 33', '0532 *** ** 33'],
    ['dahili 12', 'dahili 12'],
  ])('shows %s as %s', (input, expected) => expect(formatPhone(input)).toBe(expected));

  it('formats a masked Turkish number like a full one', () => {
    expect(maskPhone('905321112233')).toBe('0532 *** ** 33');
    expect(formatPhone('905321112233').replace(/\d{3} \d{2}(?= \d{2}$)/, '*** **')).toBe(maskPhone('905321112233'));
  });
});
