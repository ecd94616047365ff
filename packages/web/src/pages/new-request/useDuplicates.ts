import { useDebouncedValue } from '@mantine/hooks';
import { findDuplicates } from '../../api/requests';
import { useLoad } from '../../hooks/useLoad';

const DUPLICATE_DELAY_MS = 600;
/** Shorter text matches too much to be worth asking about. */
const DUPLICATE_MIN_CHARS = 10;

/** Open requests of the same topic in the same neighbourhood whose words are like the ones being typed. */
export function useDuplicates(categoryId: number | null, neighbourhoodId: number | null, description: string) {
  const [typed] = useDebouncedValue(description.trim(), DUPLICATE_DELAY_MS);
  return useLoad(
    () =>
      categoryId !== null && neighbourhoodId !== null && typed.length >= DUPLICATE_MIN_CHARS
        ? findDuplicates({ categoryId, neighbourhoodId, description: typed })
        : Promise.resolve([]),
    [categoryId, neighbourhoodId, typed],
  );
}
