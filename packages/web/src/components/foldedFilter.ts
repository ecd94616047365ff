import type { ComboboxParsedItem, OptionsFilter, Primitive } from '@mantine/core';
import { foldForSearch } from '@cozum/domain';

/** A Select filter that matches Turkish names typed without Turkish letters ("cop" finds "Çöp"). */
export function foldedFilter<Value extends Primitive>(): OptionsFilter<Value> {
  return ({ options, search }) => {
    const needle = foldForSearch(search.trim());
    if (!needle) return options;
    return options.filter((option: ComboboxParsedItem<Value>) => 'label' in option && foldForSearch(option.label).includes(needle));
  };
}
