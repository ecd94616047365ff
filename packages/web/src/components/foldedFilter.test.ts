import { describe, expect, it } from 'vitest';
import { foldedFilter } from './foldedFilter';

const options = [
  { value: 1, label: 'Yol, Kaldırım ve Aydınlatma › Sokak ve Park Aydınlatması Arızası' },
  { value: 2, label: 'Yol, Kaldırım ve Aydınlatma › Yolda Çukur veya Bozulma' },
  { value: 3, label: 'Temizlik ve Atık › Çöp Toplanmaması' },
  { value: 4, label: 'Hayvan Hizmetleri › Sahipsiz Sokak Hayvanları' },
];
const words = new Map<number, string[]>([
  [1, ['lamba', 'sokak lambası', 'aydınlatma']],
  [3, ['çöp', 'çöp alınmadı']],
  [4, ['köpek', 'kedi']],
]);
const offered = (search: string, keywords?: ReadonlyMap<number, readonly string[]>) => foldedFilter<number>(keywords)({ options, search, limit: 50 }).map((o) => ('value' in o ? o.value : null));

describe('the category filter', () => {
  it('offers street lighting for "lamba", and for the word typed in capitals or without Turkish letters', () => {
    expect(offered('lamba', words)).toEqual([1]);
    expect(offered('SOKAK LAMBASI', words)).toEqual([1]);
    expect(offered('kopek', words)).toEqual([4]);
  });

  it('still finds names typed without Turkish letters, and everything for an empty search', () => {
    expect(offered('cukur', words)).toEqual([2]);
    expect(offered('cop', words)).toEqual([3]);
    expect(offered('  ', words)).toEqual([1, 2, 3, 4]);
  });

  it('offers nothing for an everyday word when no words are given', () => {
    expect(offered('lamba')).toEqual([]);
  });
});
