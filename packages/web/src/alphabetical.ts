/** Orders items by a name in Turkish alphabetical order ("Çarşamba" after "Canik", not after "Zile"). */
export const alphabetical =
  <T>(name: (item: T) => string) =>
  (a: T, b: T): number =>
    name(a).localeCompare(name(b), 'tr');

/** Select options for items with an id, in alphabetical order of their labels. */
export const idOptions = <T extends { id: number }>(items: readonly T[], label: (item: T) => string): { value: number; label: string }[] =>
  items.map((item) => ({ value: item.id, label: label(item) })).sort(alphabetical((option) => option.label));
