import { useState } from 'react';
import { Button, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listSessions, resetTotp, revokeSessions } from '../api/security';
import { listUsers } from '../api/users';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { useNotify } from '../hooks/useNotices';
import { formatDateTime } from '../dates';

/** Administrators: a user's open sessions, ended at once (a lost laptop, a leaver), and a lost authenticator reset. */
export default function StaffSessionsPage() {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const users = useLoad(() => listUsers({}), []);
  const [userId, setUserId] = useState<string | null>(null);
  const sessions = useLoad(async () => (userId ? listSessions(Number(userId)) : []), [userId]);
  const { run, busy, failure } = useAction();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const chosen = users.data?.find((u) => String(u.id) === userId);

  const act = (action: () => Promise<void>) =>
    run(async () => {
      await action();
      sessions.reload();
    });

  return (
    <>
      <PageHeader title={t('staffSessions.title')} />
      <Group align="flex-end" mb="md">
        <Select
          label={t('staffSessions.user')}
          searchable
          data={(users.data ?? []).map((u) => ({ value: String(u.id), label: `${u.username} (${u.displayName})` }))}
          value={userId}
          onChange={setUserId}
          w={340}
        />
        <Button color="red" variant="light" disabled={!chosen} loading={busy} onClick={() => void act(async () => {
          const { revoked } = await revokeSessions(Number(userId));
          notify({ message: t('staffSessions.revoked', { count: revoked, username: chosen?.username }) });
        })}>
          {t('staffSessions.revoke')}
        </Button>
        <Button variant="light" disabled={!chosen} loading={busy} onClick={() => void act(async () => {
          await resetTotp(Number(userId));
          notify({ message: t('staffSessions.totpReset', { username: chosen?.username }) });
        })}>
          {t('staffSessions.resetTotp')}
        </Button>
      </Group>
      <ErrorAlert error={users.error ?? sessions.error ?? failure} />
      {chosen && sessions.data?.length === 0 && <Text c="dimmed">{t('staffSessions.none')}</Text>}
      {chosen && sessions.data && sessions.data.length > 0 && (
        <Table data-testid="staff-sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffSessions.started')}</Table.Th>
              <Table.Th>{t('staffSessions.lastSeen')}</Table.Th>
              <Table.Th>{t('staffSessions.expires')}</Table.Th>
              <Table.Th>IP</Table.Th>
              <Table.Th>{t('staffSessions.browser')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{when(s.createdAt)}</Table.Td>
                <Table.Td>{when(s.lastSeenAt)}</Table.Td>
                <Table.Td>{when(s.expiresAt)}</Table.Td>
                <Table.Td>{s.ip ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={1}>
                    {s.userAgent ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
