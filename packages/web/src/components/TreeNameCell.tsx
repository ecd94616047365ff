import type { ReactNode } from 'react';
import { Anchor, Table } from '@mantine/core';

/**
 * The name cell of a unit or category row, indented by its depth in the tree, top levels in
 * bold. The row opens on a click; the button inside makes it reachable by keyboard too.
 */
export function TreeNameCell({ depth, dimmed, children }: { depth: number; dimmed: boolean; children: ReactNode }) {
  return (
    <Table.Td style={{ paddingLeft: `calc(var(--table-horizontal-spacing, 10px) + ${depth * 24}px)` }}>
      <Anchor component="button" type="button" ta="left" c={dimmed ? 'dimmed' : 'inherit'} fw={depth === 0 ? 600 : undefined}>
        {children}
      </Anchor>
    </Table.Td>
  );
}
