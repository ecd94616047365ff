import { Badge, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RequestStatusBadge } from '../../components/RequestStatusBadge';
import type { Shown } from '../RequestDetailPage';

/** The tracking number, the status and, past the deadline, the overdue mark. */
export function RequestHeader({ request }: { request: Shown<'header'> }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Group>
        <Title order={1} ff="monospace" data-testid="tracking-number" style={{ whiteSpace: 'nowrap' }}>
          {request.trackingNo}
        </Title>
        <RequestStatusBadge status={request.status} />
        {request.overdueAt && (
          <Badge color="red" variant="filled">
            {t('inbox.overdueBadge')}
          </Badge>
        )}
      </Group>
    </Group>
  );
}
