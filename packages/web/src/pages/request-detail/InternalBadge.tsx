import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Marks an event or a file the citizen does not see. */
export function InternalBadge({ visibility }: { visibility: string }) {
  const { t } = useTranslation();
  if (visibility !== 'internal') return null;
  return (
    <Badge size="xs" color="gray" variant="outline">
      {t('detail.internal')}
    </Badge>
  );
}
