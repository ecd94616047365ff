import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../api/categories';
import { idOptions } from '../alphabetical';
import { useLocalName } from '../hooks/useLocalName';
import { SearchSelect } from './SearchSelect';

/**
 * A searchable category Select whose options read "Üst › Alt", so "Su Arızası" under "Su ve
 * Kanalizasyon" is found by either word, and by the category's everyday words ("lamba" offers
 * street lighting). `leavesOnly` offers only categories without children (requests are
 * recorded on the most specific topic).
 */
export function CategorySelect(props: {
  label: string;
  categories: readonly Category[];
  value: number | null;
  onChange: (value: number | null) => void;
  leavesOnly?: boolean;
  required?: boolean;
  error?: string;
  placeholder?: string;
  autoFocus?: boolean;
  w?: number;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const byId = new Map(props.categories.map((category) => [category.id, category]));
  const parents = new Set(props.categories.map((category) => category.parentId));

  const path = (category: Category): string => {
    const names = [localName(category)];
    const seen = new Set([category.id]);
    let parent = category.parentId === null ? undefined : byId.get(category.parentId);
    while (parent && !seen.has(parent.id)) {
      seen.add(parent.id);
      names.unshift(localName(parent));
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
    return names.join(' › ');
  };

  const keywords = useMemo(() => new Map(props.categories.map((category) => [category.id, category.synonyms])), [props.categories]);

  const data = idOptions(
    props.categories.filter((category) => (category.active || category.id === props.value) && (!props.leavesOnly || !parents.has(category.id))),
    path,
  );

  return (
    <SearchSelect
      label={props.label}
      placeholder={props.placeholder}
      required={props.required}
      data={data}
      keywords={keywords}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      selectFirstOptionOnChange
      clearable={!props.required}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      autoFocus={props.autoFocus}
      limit={50}
      w={props.w}
    />
  );
}
