import type { ReactNode } from 'react';
import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsolePop } from '../../api/live';
import { RequestStatusBadge } from '../../components/RequestStatusBadge';
import { formatDateTime } from '../../dates';
import { linkProps } from '../../router';
import { formatPhone } from '@cozum/domain';

/** The call in hand: the number, who it probably is, and their earlier requests and contacts. */
export function CallerCard({ pop, language }: { pop: ConsolePop; language: string }) {
  const { t } = useTranslation();
  const call = pop.call!;
  const history = pop.history;
  const person = history?.citizens[0];
  return (
    <Paper withBorder p="md" radius="md" bg="blue.0" data-testid="caller-card" aria-live="polite">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('console.incoming')}
        </Title>
        <Badge variant="light">{t(`console.source.${call.source}`)}</Badge>
      </Group>
      <Text fz={28} fw={700} ff="monospace" data-testid="caller-number">
        {call.callerNumber ? formatPhone(call.callerNumber) : t('console.unknownNumber')}
      </Text>
      <Text data-testid="caller-name" fw={500}>
        {person?.fullName ?? t('console.unknownCaller')}
      </Text>
      <Text size="sm" c="dimmed">
        {[call.queue && t('console.queue', { queue: call.queue }), call.answeredAt && t('console.answeredAt', { time: formatDateTime(call.answeredAt, language) }), call.endedAt && t('console.hungUp')].filter(Boolean).join(' · ')}
      </Text>
      {history && history.requests.length > 0 && (
        <HistoryTable title={t('console.requests')} testId="caller-requests">
          {history.requests.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <a {...linkProps(`/requests/${r.id}`)} style={{ whiteSpace: 'nowrap' }}>{r.trackingNo}</a>
              </Table.Td>
              <Table.Td>{r.categoryName}</Table.Td>
              <Table.Td>
                <RequestStatusBadge status={r.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </HistoryTable>
      )}
      {history && history.contacts.length > 0 && (
        <HistoryTable title={t('console.earlierContacts')} testId="caller-contacts">
          {history.contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{formatDateTime(c.offeredAt, language)}</Table.Td>
              <Table.Td>{t(`channel.${c.channel}` as 'channel.phone', { defaultValue: c.channel })}</Table.Td>
              <Table.Td>{c.outcome ? t(`console.outcome.${c.outcome}` as 'console.outcome.other', { defaultValue: c.outcome }) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </HistoryTable>
      )}
      {history && history.requests.length === 0 && history.contacts.length === 0 && (
        <Text c="dimmed" mt="sm">
          {t('console.firstContact')}
        </Text>
      )}
    </Paper>
  );
}

/** One part of the caller's history (requests, contacts) under its heading. */
function HistoryTable({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <>
      <Title order={3} size="h5" mt="md" mb={4}>
        {title}
      </Title>
      <Table striped withTableBorder data-testid={testId}>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </>
  );
}
