import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../api/requests';

const COLORS: Record<RequestStatus, string> = {
  new: 'blue',
  assigned: 'indigo',
  in_progress: 'cyan',
  on_hold: 'yellow',
  resolved: 'teal',
  closed: 'gray',
  referred: 'grape',
  duplicate: 'gray',
  rejected: 'red',
  reopened: 'orange',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" data-testid="request-status" data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
