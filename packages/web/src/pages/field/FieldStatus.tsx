import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import type { SyncReport } from './sync';

/** Online or not, how much waits to be sent, the send button, and why the last run stopped. */
export function FieldStatus(props: { online: boolean; pending: number; conflicts: number; userName: string; dataAt: string | null; syncing: boolean; report: SyncReport | null; onSync: () => void }) {
  const { t, i18n } = useTranslation();
  const { online, pending, conflicts, report } = props;
  return (
    <>
      <Group gap="xs" role="status" aria-live="polite">
        <Badge color={online ? 'teal' : 'gray'} data-testid="network-state">{online ? t('field.app.online') : t('field.app.offline')}</Badge>
        <Badge color={pending ? 'orange' : 'teal'} data-testid="pending-count">{t('field.app.pending', { count: pending })}</Badge>
        {conflicts > 0 && <Badge color="red">{t('field.app.conflicts', { count: conflicts })}</Badge>}
        <Text size="xs" c="dimmed">{props.userName}</Text>
      </Group>
      <Group>
        <Button size="xs" variant="light" onClick={props.onSync} loading={props.syncing} disabled={!online}>
          {t('field.app.sync')}
        </Button>
        {props.dataAt && <Text size="xs" c="dimmed">{t('field.app.dataFrom', { at: formatDateTime(props.dataAt, i18n.language) })}</Text>}
      </Group>
      {report?.stopped === 'signed_out' && <Alert color="red">{t('field.app.signedOut')}</Alert>}
      {report?.stopped === 'server_error' && <Alert color="red">{t('field.app.serverError')}</Alert>}
    </>
  );
}
