import type { ReactNode } from 'react';
import { Group, Title } from '@mantine/core';

/** A page's h1 with its main action (such as "New user") beside it. */
export function PageHeader({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md">
      <Title order={1}>{title}</Title>
      {action}
    </Group>
  );
}
