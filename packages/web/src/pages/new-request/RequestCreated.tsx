import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/units';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../dates';
import { useLocalName } from '../../hooks/useLocalName';
import { useUser } from '../../hooks/useSession';
import { mayVisit, pageAt } from '../../navigation';
import { linkProps } from '../../router';
import type { Outcome } from './record';

/** The tracking number to read out to the caller, where the request went, and what to do next. */
export function RequestCreated({ outcome, units, fromConsole, onAnother }: { outcome: Outcome; units: Unit[] | undefined; fromConsole: boolean; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const user = useUser();
  const unit = units?.find((u) => u.id === outcome.created.unitId);
  const detail = pageAt(`/requests/${outcome.created.id}`);
  return (
    <Stack maw={720}>
      <PageHeader title={t('newRequest.title')} />
      <Paper withBorder p="xl" radius="md" bg="teal.0" data-testid="request-created">
        <Title order={2} size="h3" mb="sm">
          {t('newRequest.createdTitle')}
        </Title>
        <Text c="dimmed">{t('newRequest.trackingNo')}</Text>
        <Text fz={40} fw={700} ff="monospace" data-testid="tracking-number">
          {outcome.created.trackingNo}
        </Text>
        {unit && <Text mt="sm">{t('newRequest.routedTo', { unit: localName(unit) })}</Text>}
        {outcome.created.dueAt && <Text>{t('newRequest.dueAt', { date: formatDateTime(outcome.created.dueAt, i18n.language) })}</Text>}
      </Paper>
      {outcome.contactLinked && (
        <Alert color="teal" data-testid="contact-linked">
          {t('console.linked')}
        </Alert>
      )}
      {outcome.uploadFailures.map((message) => (
        <Alert key={message} color="red" role="alert">
          {message}
        </Alert>
      ))}
      <Group>
        <Button onClick={onAnother} data-autofocus autoFocus>
          {t('newRequest.another')}
        </Button>
        {detail && mayVisit(detail, user.role) && (
          <Button variant="default" component="a" {...linkProps(`/requests/${outcome.created.id}`)}>
            {t('newRequest.open')}
          </Button>
        )}
        {fromConsole && (
          <Button variant="default" component="a" {...linkProps('/console')}>
            {t('console.backToConsole')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
