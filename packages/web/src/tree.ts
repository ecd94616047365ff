/** Units and categories form trees through `parentId`; tables show them indented. */
export interface TreeNode {
  id: number;
  parentId: number | null;
}

export interface TreeRow<T> {
  item: T;
  depth: number;
}

/**
 * Parents before their children, siblings in `compare` order, each row with its depth. An
 * item whose parent is missing is shown at the top level rather than lost.
 */
export function flattenTree<T extends TreeNode>(items: readonly T[], compare: (a: T, b: T) => number): TreeRow<T>[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<number | null, T[]>();
  for (const item of items) {
    const parent = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const rows: TreeRow<T>[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const item of [...(children.get(parent) ?? [])].sort(compare)) {
      if (seen.has(item.id)) continue; // a cycle in bad data must not hang the page
      seen.add(item.id);
      rows.push({ item, depth });
      visit(item.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** The ids of `id` and everything below it: choices that would make a cycle as its parent. */
export function subtreeIds(items: readonly TreeNode[], id: number): Set<number> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId !== null && found.has(item.parentId) && !found.has(item.id)) {
        found.add(item.id);
        grew = true;
      }
    }
  }
  return found;
}

/** The ids of `ids` and all their ancestors, so a filtered tree keeps its context. */
export function withAncestors(items: readonly TreeNode[], ids: Iterable<number>): Set<number> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const kept = new Set<number>();
  for (const id of ids) {
    let current = byId.get(id);
    while (current && !kept.has(current.id)) {
      kept.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }
  return kept;
}
