import { Paper, Text } from '@mantine/core';

/** One headline figure: what it counts, the number, and how it compares with before. */
export function Stat({ label, value, change, testId }: { label: string; value: string; change?: string; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
      {change && (
        <Text size="xs" c="dimmed">
          {change}
        </Text>
      )}
    </Paper>
  );
}
