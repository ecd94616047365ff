import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from './dates';

describe('typed dates', () => {
  it.each([
    ['29.10.2026', '2026-10-29'],
    ['29/10/2026', '2026-10-29'],
    ['1.3.2026', '2026-03-01'],
    [' 29.02.2028 ', '2028-02-29'],
    ['2026-10-29', '2026-10-29'],
  ])('reads %s as %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each(['31.02.2026', '29.02.2027', '32.01.2026', '29.13.2026', '29.10.26', '10/29/2026', 'yarın', ''])('refuses %s', (text) => expect(parseDate(text)).toBeNull());

  it('shows a day as each language writes it', () => {
    expect(formatDate('2026-10-29', 'tr')).toBe('29.10.2026');
    expect(formatDate('2026-10-29', 'en')).toBe('29/10/2026');
  });
});
