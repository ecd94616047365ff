import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PossibleDuplicate } from '../../api/requests';
import { formatDateTime } from '../../dates';
import { RequestStatusBadge } from '../../components/RequestStatusBadge';

/** Open requests like the one being typed, so the agent can link the caller to one instead. */
export function DuplicateList({ items, onLink }: { items: PossibleDuplicate[]; onLink: (duplicate: PossibleDuplicate) => void }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Alert color="yellow" title={t('newRequest.duplicatesTitle')} data-testid="possible-duplicates">
      <Text size="sm" mb="sm">
        {t('newRequest.duplicatesHint')}
      </Text>
      <Stack gap="sm">
        {items.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Group gap="xs">
                <Text fw={600}>{item.trackingNo}</Text>
                <RequestStatusBadge status={item.status} />
                <Text size="xs" c="dimmed">
                  {[item.neighbourhoodName, formatDateTime(item.createdAt, i18n.language), item.distanceMeters === null ? null : t('newRequest.distance', { meters: Math.round(item.distanceMeters) })]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Group>
              {item.description !== null && (
                <Text size="sm" lineClamp={2}>
                  {item.description}
                </Text>
              )}
            </div>
            <Button size="xs" variant="light" onClick={() => onLink(item)}>
              {t('newRequest.linkTo')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
