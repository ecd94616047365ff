import type { ComboboxParsedItem, OptionsFilter, Primitive } from '@mantine/core';
import { foldForSearch } from '@cozum/domain';

/**
 * A Select filter that matches Turkish names typed without Turkish letters ("cop" finds "Çöp").
 * `keywords` are other words an option is found by, folded the same way: a category's
 * everyday words, so "lamba" offers street lighting.
 */
export function foldedFilter<Value extends Primitive>(keywords?: ReadonlyMap<Value, readonly string[]>): OptionsFilter<Value> {
  const folded = new Map([...(keywords ?? [])].map(([value, words]) => [value, words.map(foldForSearch)]));
  return ({ options, search }) => {
    const needle = foldForSearch(search.trim());
    if (!needle) return options;
    return options.filter(
      (option: ComboboxParsedItem<Value>) => 'label' in option && (foldForSearch(option.label).includes(needle) || (folded.get(option.value)?.some((word) => word.includes(needle)) ?? false)),
    );
  };
}
