/**
 * The field app for the Mobile Solution Bus and field teams, at /field. Works with no network:
 * a service worker keeps the app shell, IndexedDB keeps the reference data and the queue.
 * Requests, survey answers and work-order closes are queued with an idempotency key and sent
 * when the network is back (at once, when the browser says it is online, or by the button).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Center, Container, FileInput, Group, Loader, Select, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { getFieldBootstrap, type FieldBootstrap } from '../../api/field';
import type { User } from '../../api/users';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSession } from '../../hooks/useSession';
import { linkProps } from '../../router';
import { LoginPage } from '../LoginPage';
import { answersOf, missingAnswers, SurveyQuestions, type AnswerMap } from '../survey/SurveyQuestions';
import { deleteItem, loadBootstrap, loadUser, newKey, putItem, queueItems, saveBootstrap, saveUser, type QueueItem } from './store';
import { syncQueue, type SyncReport } from './sync';
import { cityTimeZone } from '../../clock';

/** Registers the service worker and hands it the chunks this page loaded before it took control. */
async function keepShellOffline() {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  await navigator.serviceWorker.ready;
  const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((url) => new URL(url).pathname.startsWith('/assets/'));
  (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ type: 'cache-urls', urls });
}

// The visit the team is at stays chosen across reloads (the tablet may restart mid-visit).
const VISIT_KEY = 'cozum-field-visit';
function rememberedVisit(): string | null {
  try {
    return localStorage.getItem(VISIT_KEY);
  } catch {
    return null;
  }
}
function rememberVisit(id: string | null): void {
  try {
    if (id) localStorage.setItem(VISIT_KEY, id);
    else localStorage.removeItem(VISIT_KEY);
  } catch {
    // not remembered this time
  }
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export default function FieldApp() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [cachedUser, setCachedUser] = useState<User | null | undefined>(undefined);
  useDocumentTitle(`${t('field.app.title')} · ${t('app.name')}`);

  useEffect(() => {
    void loadUser().then((u) => setCachedUser(u ?? null), () => setCachedUser(null));
  }, []);
  useEffect(() => {
    if (session.status === 'signed-in') void saveUser(session.user);
  }, [session]);

  if (session.status === 'signed-in') return <FieldWork user={session.user} />;
  if (session.status === 'loading' || cachedUser === undefined) return <Center h="60vh"><Loader aria-label={t('common.loading')} /></Center>;
  // No network at start: carry on as the user last signed in on this tablet; the server still checks the session when sending.
  const offline = session.error instanceof ApiError && session.error.status === 0;
  if (offline && cachedUser) return <FieldWork user={cachedUser} />;
  return <LoginPage ended={session.ended} error={session.error} />;
}

function FieldWork({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const [data, setData] = useState<FieldBootstrap | null | undefined>(undefined);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [visitId, setVisitId] = useState<string | null>(rememberedVisit);
  const [tab, setTab] = useState<string | null>('request');
  const [syncing, setSyncing] = useState(false);
  const [report, setReport] = useState<SyncReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reloadQueue = useCallback(() => void queueItems().then(setItems), []);

  const refresh = useCallback(async () => {
    try {
      const fresh = await getFieldBootstrap();
      await saveBootstrap(fresh);
      setData(fresh);
    } catch {
      setData((current) => current ?? null);
    }
  }, []);

  const sync = useCallback(async () => {
    setSyncing(true);
    try {
      const result = await syncQueue();
      setReport(result);
      if (result.sent && !result.stopped) await refresh();
    } finally {
      setSyncing(false);
      reloadQueue();
    }
  }, [refresh, reloadQueue]);

  useEffect(() => {
    void keepShellOffline().catch(() => undefined);
    void loadBootstrap().then((stored) => {
      if (stored) setData(stored);
      if (navigator.onLine) void refresh();
      else if (!stored) setData(null);
    });
    reloadQueue();
  }, [refresh, reloadQueue]);

  // Back online: send what waited.
  useEffect(() => {
    if (online) void sync();
  }, [online, sync]);

  const enqueue = async (item: Omit<QueueItem, 'key' | 'createdAt' | 'status'>) => {
    await putItem({ ...item, key: newKey(), createdAt: new Date().toISOString(), status: 'pending' });
    reloadQueue();
    setNotice(t('field.app.queued', { label: item.label }));
    if (navigator.onLine) void sync();
  };

  const pending = items.filter((i) => i.status === 'pending').length;
  const conflicts = items.filter((i) => i.status === 'conflict').length;
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
        <Group gap="xs" role="status" aria-live="polite">
          <Badge color={online ? 'teal' : 'gray'} data-testid="network-state">{online ? t('field.app.online') : t('field.app.offline')}</Badge>
          <Badge color={pending ? 'orange' : 'teal'} data-testid="pending-count">{t('field.app.pending', { count: pending })}</Badge>
          {conflicts > 0 && <Badge color="red">{t('field.app.conflicts', { count: conflicts })}</Badge>}
          <Text size="xs" c="dimmed">{user.displayName}</Text>
        </Group>
        <Group>
          <Button size="xs" variant="light" onClick={() => void sync()} loading={syncing} disabled={!online}>
            {t('field.app.sync')}
          </Button>
          {data && <Text size="xs" c="dimmed">{t('field.app.dataFrom', { at: new Date(data.at).toLocaleString(i18n.language, { timeZone: cityTimeZone() }) })}</Text>}
        </Group>
        {report?.stopped === 'signed_out' && <Alert color="red">{t('field.app.signedOut')}</Alert>}
        {report?.stopped === 'server_error' && <Alert color="red">{t('field.app.serverError')}</Alert>}
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
              data={data.visits.filter((v) => v.status !== 'cancelled').map((v) => ({ value: String(v.id), label: `${v.visitDate} · ${v.districtName}${v.neighbourhoodName ? ` / ${v.neighbourhoodName}` : ''} · ${v.place}` }))}
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
                <QueueList items={items} onDiscard={async (key) => { await deleteItem(key); reloadQueue(); }} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </Container>
  );
}

type Enqueue = (item: Omit<QueueItem, 'key' | 'createdAt' | 'status'>) => Promise<void>;
type VisitOf = FieldBootstrap['visits'][number] | null;

function CaptureForm({ data, visit, onQueue }: { data: FieldBootstrap; visit: VisitOf; onQueue: Enqueue }) {
  const { t, i18n } = useTranslation();
  const empty = { categoryId: null as string | null, description: '', districtId: null as string | null, neighbourhoodId: null as string | null, address: '', fullName: '', phone: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const districtId = form.districtId ?? (visit ? String(visit.districtId) : null);
  const neighbourhoodId = form.neighbourhoodId ?? (visit?.neighbourhoodId && String(visit.districtId) === districtId ? String(visit.neighbourhoodId) : null);
  const categories = useMemo(() => data.categories.map((c) => ({ value: String(c.id), label: i18n.language === 'en' ? c.nameEn : c.nameTr })), [data, i18n.language]);
  const hoods = useMemo(() => data.neighbourhoods.filter((n) => String(n.districtId) === districtId).map((n) => ({ value: String(n.id), label: n.name })), [data, districtId]);

  async function submit() {
    const found = {
      categoryId: form.categoryId ? undefined : t('validation.required'),
      description: form.description.trim().length >= 5 ? undefined : t('field.capture.descriptionShort'),
    };
    setErrors(found);
    if (found.categoryId || found.description) return;
    const category = categories.find((c) => c.value === form.categoryId)?.label ?? '';
    await onQueue({
      kind: 'request',
      label: `${category}: ${form.description.trim().slice(0, 60)}`,
      path: '/field/requests',
      body: {
        categoryId: Number(form.categoryId),
        description: form.description.trim(),
        districtId: districtId ? Number(districtId) : null,
        neighbourhoodId: neighbourhoodId ? Number(neighbourhoodId) : null,
        address: form.address.trim() || null,
        citizen: form.fullName.trim() || form.phone.trim() ? { fullName: form.fullName.trim() || null, phone: form.phone.trim() || null } : null,
        visitId: visit?.id ?? null,
        capturedAt: new Date().toISOString(),
      },
    });
    setForm(empty);
  }

  return (
    <Stack gap="sm">
      <Select label={t('field.capture.category')} data={categories} searchable value={form.categoryId} onChange={(v) => setForm({ ...form, categoryId: v })} error={errors.categoryId} withAsterisk />
      <Textarea label={t('field.capture.description')} autosize minRows={3} value={form.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} error={errors.description} withAsterisk />
      <Group grow>
        <Select label={t('field.capture.district')} data={data.districts.map((d) => ({ value: String(d.id), label: d.name }))} searchable value={districtId} onChange={(v) => setForm({ ...form, districtId: v, neighbourhoodId: null })} />
        <Select label={t('field.capture.neighbourhood')} data={hoods} searchable value={neighbourhoodId} onChange={(v) => setForm({ ...form, neighbourhoodId: v })} disabled={!districtId} />
      </Group>
      <TextInput label={t('field.capture.address')} value={form.address} onChange={(e) => setForm({ ...form, address: e.currentTarget.value })} />
      <Group grow>
        <TextInput label={t('field.capture.fullName')} value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.currentTarget.value })} />
        <TextInput label={t('field.capture.phone')} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })} />
      </Group>
      <Button onClick={() => void submit()}>{t('field.capture.save')}</Button>
    </Stack>
  );
}

function SurveyTab({ data, visit, onQueue }: { data: FieldBootstrap; visit: VisitOf; onQueue: Enqueue }) {
  const { t, i18n } = useTranslation();
  const surveys = data.surveys.filter((s) => !visit || !s.districtIds.length || s.districtIds.includes(visit.districtId));
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [errors, setErrors] = useState<Record<number, string | undefined>>({});
  const survey = surveys.find((s) => String(s.id) === surveyId) ?? null;
  const titleOf = (s: (typeof surveys)[number]) => (i18n.language === 'en' && s.titleEn ? s.titleEn : s.titleTr);

  async function submit() {
    if (!survey) return;
    const missing = missingAnswers(survey.questions, answers);
    setErrors(Object.fromEntries(missing.map((q) => [q.id, t('surveys.answer.required')])));
    if (missing.length) return;
    await onQueue({ kind: 'answer', label: titleOf(survey), path: `/surveys/${survey.id}/responses`, body: { channel: 'field', visitId: visit?.id ?? null, districtId: visit?.districtId ?? null, answers: answersOf(answers) } });
    setAnswers({});
  }

  if (!surveys.length) return <Text c="dimmed">{t('field.survey.none')}</Text>;
  return (
    <Stack gap="sm">
      <Select label={t('field.survey.pick')} allowDeselect={false} data={surveys.map((s) => ({ value: String(s.id), label: titleOf(s) }))} value={surveyId} onChange={(v) => { setSurveyId(v); setAnswers({}); setErrors({}); }} />
      {survey && (
        <>
          <SurveyQuestions questions={survey.questions} answers={answers} onChange={setAnswers} errors={errors} />
          <Button onClick={() => void submit()}>{t('field.survey.save')}</Button>
        </>
      )}
    </Stack>
  );
}

/** The server's limits for a work order's photos, checked here so the tablet says so at once. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 5;

function WorkOrders({ data, queued, onQueue }: { data: FieldBootstrap; queued: QueueItem[]; onQueue: Enqueue }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [photos, setPhotos] = useState<Record<number, File[]>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const closing = new Set(queued.filter((i) => i.kind === 'close' && i.status !== 'conflict').map((i) => Number(i.path.split('/')[3])));
  const orders = data.workOrders.filter((w) => !closing.has(w.id));

  async function close(order: FieldBootstrap['workOrders'][number]) {
    const note = (notes[order.id] ?? '').trim();
    const files = photos[order.id] ?? [];
    const tooLarge = files.find((file) => file.size > MAX_PHOTO_BYTES);
    const found = {
      [`${order.id}:note`]: note ? undefined : t('field.orders.noteRequired'),
      [`${order.id}:photo`]: tooLarge
        ? t('field.orders.photoTooLarge', { name: tooLarge.name, mb: MAX_PHOTO_BYTES / 1048576 })
        : files.length > MAX_PHOTOS
          ? t('field.orders.tooManyPhotos', { count: MAX_PHOTOS })
          : undefined,
    };
    setErrors({ ...errors, ...found });
    if (Object.values(found).some(Boolean)) return;
    await onQueue({ kind: 'close', label: `${order.trackingNo} · ${order.categoryTr}`, path: `/field/work-orders/${order.id}/close`, body: { version: order.version, note }, photos: files.map((file) => ({ name: file.name, blob: file })) });
  }

  if (!orders.length) return <Text c="dimmed">{t('field.orders.none')}</Text>;
  return (
    <Stack gap="sm">
      {orders.map((order) => (
        <Card key={order.id} withBorder>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600}>{order.trackingNo}</Text>
              <Badge>{order.categoryTr}</Badge>
            </Group>
            <Text size="sm">{order.description}</Text>
            <Text size="xs" c="dimmed">{[order.districtName, order.neighbourhoodName, order.address].filter(Boolean).join(' / ')}</Text>
            <Textarea label={t('field.orders.note')} autosize minRows={2} value={notes[order.id] ?? ''} onChange={(e) => setNotes({ ...notes, [order.id]: e.currentTarget.value })} error={errors[`${order.id}:note`]} />
            <FileInput label={t('field.orders.photos')} multiple accept="image/jpeg,image/png,image/webp" capture="environment" value={photos[order.id] ?? []} onChange={(files) => setPhotos({ ...photos, [order.id]: files })} clearable error={errors[`${order.id}:photo`]} />
            <Button onClick={() => void close(order)}>{t('field.orders.close')}</Button>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** What a conflict means for the person holding the tablet; the server's message follows it. */
const CONFLICT_KINDS: Record<string, 'closedMeanwhile' | 'changedMeanwhile' | 'notYours' | 'surveyClosed' | 'invalid'> = {
  'request.invalid_transition': 'closedMeanwhile',
  'request.version_conflict': 'changedMeanwhile',
  'request.forbidden': 'notYours',
  'survey.closed': 'surveyClosed',
  validation_failed: 'invalid',
};

function QueueList({ items, onDiscard }: { items: QueueItem[]; onDiscard: (key: string) => Promise<void> }) {
  const { t } = useTranslation();
  if (!items.length) return <Text c="dimmed">{t('field.queue.empty')}</Text>;
  return (
    <Table striped data-testid="queue">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('field.queue.what')}</Table.Th>
          <Table.Th>{t('field.queue.state')}</Table.Th>
          <Table.Th>{t('field.queue.outcome')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...items].reverse().map((item) => (
          <Table.Tr key={item.key}>
            <Table.Td>
              <Text size="sm">{t(`field.queue.kind.${item.kind}`)}</Text>
              <Text size="xs" c="dimmed">{item.label}</Text>
            </Table.Td>
            <Table.Td>
              <Badge style={{ minWidth: 'max-content' }} color={item.status === 'synced' ? 'teal' : item.status === 'conflict' ? 'red' : 'orange'}>{t(`field.queue.status.${item.status}`)}</Badge>
            </Table.Td>
            <Table.Td>
              {item.status === 'synced' && <Text size="sm">{String(item.result?.trackingNo ?? t('field.queue.saved'))}</Text>}
              {item.status === 'conflict' && (
                <Stack gap={4}>
                  <Text size="sm" c="red" fw={600}>{t(`field.queue.conflict.${CONFLICT_KINDS[item.error?.code ?? ''] ?? 'other'}`)}</Text>
                  <Text size="xs" c="dimmed">{item.error?.message}</Text>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => void onDiscard(item.key)}>
                    {t('field.queue.discard')}
                  </Button>
                </Stack>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
