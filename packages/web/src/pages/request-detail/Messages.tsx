import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import type { Shown } from '../RequestDetailPage';

type SentMessage = Shown<'messages'>['messages'][number];

/** The outbox's states (outbox_status_check) and the kinds it sends to people. */
const STATUS_COLORS: Record<string, string> = { pending: 'orange', sent: 'teal', failed: 'red' };
const STATUSES = ['pending', 'sent', 'failed'] as const;
const KINDS = ['sms', 'email'] as const;
const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/** The SMS and e-mails sent (or waiting to go) about the request, and whether each went out. */
export function RequestMessages({ request: { messages } }: { request: Shown<'messages'> }) {
  const { t } = useTranslation();
  if (messages.length === 0) return <Text c="dimmed">{t('detail.noMessages')}</Text>;
  return (
    <Stack gap="sm" data-testid="request-messages">
      {messages.map((message) => (
        <Message key={message.id} message={message} />
      ))}
    </Stack>
  );
}

function Message({ message }: { message: SentMessage }) {
  const { t, i18n } = useTranslation();
  const kind = isOneOf(KINDS, message.kind) ? t(`detail.messageKind.${message.kind}`) : message.kind;
  const status = isOneOf(STATUSES, message.status) ? t(`detail.messageStatus.${message.status}`) : message.status;
  const when = [
    t('detail.messageQueuedAt', { at: formatDateTime(message.createdAt, i18n.language) }),
    message.sentAt && t('detail.messageSentAt', { at: formatDateTime(message.sentAt, i18n.language) }),
    message.attempts > 0 && t('detail.messageAttempts', { count: message.attempts }),
  ];
  return (
    <Paper withBorder p="sm" data-testid="request-message" data-status={message.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs">
          <Badge size="sm" color="gray" variant="outline">
            {kind}
          </Badge>
          <Text size="sm" ff="monospace" data-testid="message-to">
            {message.to}
          </Text>
        </Group>
        <Badge color={STATUS_COLORS[message.status] ?? 'gray'} variant="light" style={{ minWidth: 'max-content' }} data-testid="message-status">
          {status}
        </Badge>
      </Group>
      {message.subject && (
        <Text size="sm" fw={600} mt="xs">
          {message.subject}
        </Text>
      )}
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {message.text}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {when.filter(Boolean).join(' · ')}
      </Text>
      {message.lastError && (
        <Text size="xs" c="red" mt={4}>
          {t('detail.messageError', { error: message.lastError })}
        </Text>
      )}
    </Paper>
  );
}
