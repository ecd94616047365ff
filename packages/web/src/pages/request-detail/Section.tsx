import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';

// Not labelled with aria-label: the title often equals its field's label ("Vatandaşa yanıt"),
// and two elements with one label would make that field ambiguous to find.
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** A label above its value; a plain string value is set as small text. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
    </div>
  );
}
