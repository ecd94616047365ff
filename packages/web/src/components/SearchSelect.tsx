import { Select, type SelectProps } from '@mantine/core';
import { foldedFilter } from './foldedFilter';

/** A searchable Select over id options that finds names typed without Turkish letters ("cop" finds "Çöp"). */
export function SearchSelect(props: Omit<SelectProps<number>, 'filter' | 'searchable'>) {
  return <Select<number> {...props} filter={foldedFilter<number>()} searchable />;
}
