import { useEffect } from 'react';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { devOutbox } from '../api/devOutbox';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../dates';
import { useLoad } from '../hooks/useLoad';
import { linkProps } from '../router';

/**
 * Administrators on a development server (DEV_OUTBOX): the SMS and e-mail kept instead of sent,
 * newest first, the citizen portal's codes among them. Refreshed every few seconds, so a code
 * asked for on the portal shows up by itself.
 */
export default function DevOutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useLoad(() => devOutbox({ limit: 100 }), []);
  const off = outbox.error instanceof ApiError && outbox.error.code === 'dev_outbox.off';
  const { reload } = outbox;

  useEffect(() => {
    if (off) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [off, reload]);

  return (
    <>
      <PageHeader
        title={t('devOutbox.title')}
        action={
          !off && (
            <Button variant="default" onClick={reload} loading={outbox.loading && !outbox.data}>
              {t('devOutbox.refresh')}
            </Button>
          )
        }
      />
      {off ? (
        <Alert color="gray" title={t('devOutbox.offTitle')} data-testid="dev-outbox-off">
          {t('devOutbox.off')}
        </Alert>
      ) : (
        <ErrorAlert error={outbox.error} />
      )}
      {outbox.data && (
        <Stack gap="md">
          <Text>{t('devOutbox.intro')}</Text>
          <Group gap="lg" data-testid="dev-outbox-modes">
            <Text size="sm" fw={600}>{t(`devOutbox.smsMode.${outbox.data.sms}`)}</Text>
            <Text size="sm" fw={600}>{t(`devOutbox.emailMode.${outbox.data.email}`)}</Text>
          </Group>
          {outbox.data.items.length === 0 ? (
            <Text c="dimmed">{t('devOutbox.none')}</Text>
          ) : (
            <Table data-testid="dev-outbox" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('devOutbox.at')}</Table.Th>
                  <Table.Th>{t('devOutbox.to')}</Table.Th>
                  <Table.Th>{t('devOutbox.message')}</Table.Th>
                  <Table.Th>{t('devOutbox.request')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.items.map((m) => (
                  <Table.Tr key={m.id} data-testid="dev-outbox-message" data-kind={m.kind}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.sentAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" color="dark" variant="outline" mr="xs">
                        {t(`devOutbox.kind.${m.kind}`)}
                      </Badge>
                      <Text span size="sm" ff="monospace" data-testid="dev-outbox-to">
                        {m.to}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {m.subject && (
                        <Text size="sm" fw={600}>
                          {m.subject}
                        </Text>
                      )}
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="dev-outbox-text">
                        {m.text}
                      </Text>
                    </Table.Td>
                    <Table.Td>{m.trackingNo ? <Anchor {...linkProps(`/requests?q=${encodeURIComponent(m.trackingNo)}`)}>{m.trackingNo}</Anchor> : t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </>
  );
}
