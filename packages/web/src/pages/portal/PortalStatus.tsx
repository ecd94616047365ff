import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isOpenStatus } from '@cozum/domain';

/** The request's status in words, in colours dark enough to read (WCAG AA). */
export function PortalStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={isOpenStatus(status) ? 'blue.9' : 'teal.9'} variant="filled" data-testid="portal-status">
      {t(`status.${status}` as 'status.new')}
    </Badge>
  );
}
