import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/server-errors';
import { conflictKind } from './conflicts';
import type { QueueItem } from './store';

/** Everything captured on the tablet, newest first: waiting, sent (with its tracking number) or refused. */
export function QueueList({ items, onDiscard }: { items: QueueItem[]; onDiscard: (key: string) => Promise<void> }) {
  const { t } = useTranslation();
  if (!items.length) return <Text c="dimmed">{t('field.queue.empty')}</Text>;
  return (
    <Table striped data-testid="queue">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('field.queue.what')}</Table.Th>
          <Table.Th>{t('field.queue.state')}</Table.Th>
          <Table.Th>{t('field.queue.outcome')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...items].reverse().map((item) => (
          <Table.Tr key={item.key}>
            <Table.Td>
              <Text size="sm">{t(`field.queue.kind.${item.kind}`)}</Text>
              <Text size="xs" c="dimmed">{item.label}</Text>
            </Table.Td>
            <Table.Td>
              <Badge style={{ minWidth: 'max-content' }} color={item.status === 'synced' ? 'teal' : item.status === 'conflict' ? 'red' : 'orange'}>{t(`field.queue.status.${item.status}`)}</Badge>
            </Table.Td>
            <Table.Td>
              {item.status === 'synced' && <Text size="sm">{String(item.result?.trackingNo ?? t('field.queue.saved'))}</Text>}
              {item.status === 'conflict' && (
                <Stack gap={4}>
                  <Text size="sm" c="red" fw={600}>{t(`field.queue.conflict.${conflictKind(item.error?.code)}`)}</Text>
                  <Text size="xs" c="dimmed">{errorText(item.error)}</Text>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => void onDiscard(item.key)}>
                    {t('field.queue.discard')}
                  </Button>
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
