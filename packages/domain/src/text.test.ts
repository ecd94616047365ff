import { describe, expect, it } from 'vitest';
import { foldForSearch, slugify, turkishLower, turkishTitle, turkishUpper } from './text.js';

describe('Turkish text', () => {
  it('lower-cases dotted and dotless I the Turkish way', () => {
    expect(turkishLower('IŞIK İLKADIM')).toBe('ışık ilkadım');
    expect(turkishUpper('ışık ilkadım')).toBe('IŞIK İLKADIM');
  });

  it('writes NVİ upper-case names in title case', () => {
    expect(turkishTitle('İLKADIM')).toBe('İlkadım');
    expect(turkishTitle('19 MAYIS')).toBe('19 Mayıs');
    expect(turkishTitle('ÇARŞAMBA')).toBe('Çarşamba');
  });

  it('folds Turkish letters so text typed without them matches', () => {
    expect(foldForSearch('Çöp Konteyneri')).toBe('cop konteyneri');
    expect(foldForSearch('ŞİKÂYET')).toBe('sikayet');
  });

  it('makes codes from names', () => {
    expect(slugify('Su Kesintisi')).toBe('su-kesintisi');
    expect(slugify('  Yol / Kaldırım  ')).toBe('yol-kaldirim');
  });
});
