import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { alphabetical } from '../alphabetical';
import { flattenTree, type TreeNode, type TreeRow } from '../tree';

export interface ParentOption {
  id: number;
  label: string;
}

/** A tree as ParentSelect rows: siblings in alphabetical order, without the ids in `excluded`. */
export function treeRows<T extends TreeNode>(items: readonly T[], label: (item: T) => string, excluded: ReadonlySet<number> = new Set()): TreeRow<ParentOption>[] {
  return flattenTree(items, alphabetical(label))
    .filter(({ item }) => !excluded.has(item.id))
    .map(({ item, depth }) => ({ item: { id: item.id, label: label(item) }, depth }));
}

/**
 * A searchable Select over a tree (parent unit, parent category), its options indented by
 * depth in the list while the chosen value reads as a plain name.
 */
export function ParentSelect(props: {
  label: string;
  placeholder?: string;
  rows: TreeRow<ParentOption>[];
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const depth = new Map(props.rows.map((row) => [row.item.id, row.depth]));
  return (
    <Select<number>
      label={props.label}
      placeholder={props.placeholder}
      required={props.required}
      data={props.rows.map(({ item }) => ({ value: item.id, label: item.label }))}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      renderOption={({ option }) => <span style={{ paddingLeft: (depth.get(option.value) ?? 0) * 14 }}>{option.label}</span>}
      searchable
      clearable={!props.required}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
  );
}
