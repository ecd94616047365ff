/**
 * What a limited text field shows under itself: "123 / 5000", so the user sees the limit
 * before the server refuses. Spread onto a TextInput or Textarea with the contract's maxLength:
 * `<Textarea {...counted(value, 5000)} … />` (it sets maxLength too).
 */
export function counted(value: string | null | undefined, max: number) {
  const length = value?.length ?? 0;
  return {
    maxLength: max,
    description: <span data-testid="character-count" aria-live={length >= max ? 'polite' : 'off'}>{`${length.toLocaleString('tr-TR')} / ${max.toLocaleString('tr-TR')}`}</span>,
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
  };
}
