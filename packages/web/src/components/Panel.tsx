import type { ReactNode } from 'react';
import { Group, Paper, Title } from '@mantine/core';
import { EChart, type ChartOptions } from './EChart';

/** One box of a dashboard (a chart, a table, a map) under its h2; `aside` stands at the heading's right. */
export function Panel({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  const heading = (
    <Title order={2} size="h4" mb="sm">
      {title}
    </Title>
  );
  return (
    <Paper withBorder p="md" radius="md">
      {aside === undefined ? (
        heading
      ) : (
        <Group justify="space-between">
          {heading}
          {aside}
        </Group>
      )}
      {children}
    </Paper>
  );
}

/** A panel holding one chart, which its title also names for a screen reader. */
export function ChartPanel({ title, options, height, testId }: { title: string; options: ChartOptions; height?: number; testId?: string }) {
  return (
    <Panel title={title}>
      <EChart options={options} label={title} testId={testId} height={height} />
    </Panel>
  );
}
