import { useMemo } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { foldedFilter } from './foldedFilter';

/**
 * A searchable Select over id options that finds names typed without Turkish letters ("cop"
 * finds "Çöp"), and by the other words in `keywords` (a category's everyday words).
 */
export function SearchSelect({ keywords, ...props }: Omit<SelectProps<number>, 'filter' | 'searchable'> & { keywords?: ReadonlyMap<number, readonly string[]> }) {
  const filter = useMemo(() => foldedFilter<number>(keywords), [keywords]);
  return <Select<number> {...props} filter={filter} searchable />;
}
