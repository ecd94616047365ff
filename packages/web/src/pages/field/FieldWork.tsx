import { useEffect, useState } from 'react';
import { Alert, Anchor, Center, Container, Group, Loader, Select, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/users';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { linkProps } from '../../router';
import { CaptureForm } from './CaptureForm';
import { FieldStatus } from './FieldStatus';
import { keepShellOffline } from './offlineShell';
import { QueueList } from './QueueList';
import { SurveyTab } from './SurveyTab';
import { useBootstrap } from './useBootstrap';
import { useOnline } from './useOnline';
import { useQueue, type NewQueueItem } from './useQueue';
import { rememberedVisit, rememberVisit, visitLabel } from './visits';
import { WorkOrders } from './WorkOrders';

/** The signed-in team's app: the visit they are at, and a tab each for requests, surveys, work orders and the queue. */
export function FieldWork({ user }: { user: User }) {
  const { t } = useTranslation();
  const online = useOnline();
  useEffect(() => void keepShellOffline().catch(() => undefined), []);
  const { data, refresh } = useBootstrap();
  const queue = useQueue(refresh);
  const [visitId, setVisitId] = useState<string | null>(rememberedVisit);
  const [tab, setTab] = useState<string | null>('request');
  const [notice, setNotice] = useState<string | null>(null);
  const { items, sync } = queue;

  // Back online: send what waited.
  useEffect(() => {
    if (online) void sync();
  }, [online, sync]);

  const enqueue = async (item: NewQueueItem) => {
    await queue.add(item);
    setNotice(t('field.app.queued', { label: item.label }));
    if (navigator.onLine) void sync();
  };

  const visit = data?.visits.find((v) => String(v.id) === visitId) ?? null;

  return (
    <Container size="sm" py="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('field.app.title')}
          </Title>
          <Group gap="xs">
            <LanguageSwitch />
            <Anchor {...linkProps('/')} size="sm">
              {t('field.app.staffApp')}
            </Anchor>
          </Group>
        </Group>
        <FieldStatus
          online={online}
          pending={items.filter((i) => i.status === 'pending').length}
          conflicts={items.filter((i) => i.status === 'conflict').length}
          userName={user.displayName}
          dataAt={data?.at ?? null}
          syncing={queue.syncing}
          report={queue.report}
          onSync={() => void sync()}
        />
        {notice && (
          <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="field-notice">
            {notice}
          </Alert>
        )}
        {data === undefined && <Center><Loader aria-label={t('common.loading')} /></Center>}
        {data === null && <Alert color="yellow">{t('field.app.noData')}</Alert>}
        {data && (
          <>
            <Select
              label={t('field.app.visit')}
              placeholder={t('field.app.noVisit')}
              clearable
              data={data.visits.filter((v) => v.status !== 'cancelled').map((v) => ({ value: String(v.id), label: visitLabel(v) }))}
              value={visitId}
              onChange={(v) => {
                setVisitId(v);
                rememberVisit(v);
              }}
            />
            <Tabs value={tab} onChange={setTab}>
              <Tabs.List grow>
                <Tabs.Tab value="request">{t('field.app.tabs.request')}</Tabs.Tab>
                <Tabs.Tab value="survey">{t('field.app.tabs.survey')}</Tabs.Tab>
                <Tabs.Tab value="orders">{t('field.app.tabs.orders', { count: data.workOrders.length })}</Tabs.Tab>
                <Tabs.Tab value="queue">{t('field.app.tabs.queue', { count: items.length })}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="request" pt="md">
                <CaptureForm data={data} visit={visit} onQueue={enqueue} />
              </Tabs.Panel>
              <Tabs.Panel value="survey" pt="md">
                <SurveyTab data={data} visit={visit} onQueue={enqueue} />
              </Tabs.Panel>
              <Tabs.Panel value="orders" pt="md">
                <WorkOrders data={data} queued={items} onQueue={enqueue} />
              </Tabs.Panel>
              <Tabs.Panel value="queue" pt="md">
                <QueueList items={items} onDiscard={queue.discard} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </Container>
  );
}
