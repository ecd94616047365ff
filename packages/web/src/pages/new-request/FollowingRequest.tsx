import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PossibleDuplicate } from '../../api/requests';
import { PageHeader } from '../../components/PageHeader';

/** The caller now follows an open request of the same problem: its number to read out. */
export function FollowingRequest({ request, onAnother, onBack }: { request: PossibleDuplicate; onAnother: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack maw={720}>
      <PageHeader title={t('newRequest.title')} />
      <Alert color="blue" title={t('newRequest.linkedTitle', { trackingNo: request.trackingNo })} data-testid="linked-request">
        <Text>{t('newRequest.linkedText')}</Text>
        <Text fz={32} fw={700} ff="monospace" data-testid="tracking-number">
          {request.trackingNo}
        </Text>
      </Alert>
      <Group>
        <Button onClick={onAnother} autoFocus>
          {t('newRequest.another')}
        </Button>
        <Button variant="default" onClick={onBack}>
          {t('newRequest.backToForm')}
        </Button>
      </Group>
    </Stack>
  );
}
