import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { groupBy } from './collections.js';

describe('groupBy', () => {
  it('groups by key, keeping the order of the items', () => {
    const groups = groupBy([{ k: 2, v: 'a' }, { k: 1, v: 'b' }, { k: 2, v: 'c' }], (i) => i.k);
    expect([...groups.keys()]).toEqual([2, 1]);
    expect(groups.get(2)!.map((i) => i.v)).toEqual(['a', 'c']);
    expect(groups.get(1)!.map((i) => i.v)).toEqual(['b']);
  });

  // Copying the group for every item (`[...group, item]`) takes minutes for this.
  it('stays linear when every item falls into one group', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ k: 1, i }));
    const started = performance.now();
    const groups = groupBy(items, (item) => item.k);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(groups.get(1)).toHaveLength(100_000);
  });
});
