import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { actOnRequest, getRequest, type ActionInput, type RequestAction, type RequestDetail } from '../api/requests';
import { listResponseTemplates, type ResponseTemplate } from '../api/responseTemplates';
import { listRequestTypes } from '../api/requestTypes';
import { listUnits } from '../api/units';
import { listUsers } from '../api/users';
import { ActionModal, FORM_ACTIONS, type FormAction } from '../components/ActionModal';
import { ErrorAlert } from '../components/ErrorAlert';
import { RequestAttachments } from '../components/RequestAttachments';
import { RequestStatusBadge } from '../components/RequestStatusBadge';
import { RequestTimeline } from '../components/RequestTimeline';
import { TextActionBox } from '../components/TextActionBox';
import { formatDateTime } from '../dates';
import { useLoad } from '../hooks/useLoad';
import { useLocalName } from '../hooks/useLocalName';
import { useNotify } from '../hooks/useNotices';
import { useUser } from '../hooks/useSession';
import { linkProps, matchPath, useRoute } from '../router';
import { cityTimeZone } from '../clock';

/** Actions done with one click: nothing to ask. */
const CLICK_ACTIONS = ['start', 'resume', 'close'] as const satisfies readonly RequestAction[];
const NOTES_NEED_NO_VERSION: readonly RequestAction[] = ['comment', 'reply'];

export default function RequestDetailPage() {
  const { t } = useTranslation();
  const { path } = useRoute();
  const id = Number(matchPath('/requests/:id', path)?.id);
  if (!Number.isInteger(id) || id < 1) return <Alert color="red">{t('detail.badId')}</Alert>;
  return <RequestView key={id} id={id} />;
}

function RequestView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const notify = useNotify();
  const user = useUser();
  const request = useLoad(() => getRequest(id), [id]);
  const detail = request.data;
  const categoryId = detail?.categoryId;
  const templates = useLoad(() => (categoryId === undefined ? Promise.resolve([]) : listResponseTemplates(categoryId).catch(() => [])), [categoryId]);
  const units = useLoad(listUnits, []);
  const requestTypes = useLoad(listRequestTypes, []);
  const unitId = detail?.unitId;
  // Only admins may list users: for everyone else the assignee picker stays hidden.
  const people = useLoad(() => (unitId === undefined ? Promise.resolve(null) : listUsers({ unitId }).catch(() => null)), [unitId]);
  const [open, setOpen] = useState<FormAction | null>(null);
  const [conflict, setConflict] = useState(false);
  const [clicking, setClicking] = useState<RequestAction | null>(null);
  const [clickFailure, setClickFailure] = useState<Error | null>(null);
  // After a change, the version it replaced: buttons wait for the reloaded request, so a quick
  // second click never acts on what the screen showed before.
  const [replaced, setReplaced] = useState<number | null>(null);

  if (!detail) {
    return request.error ? <ErrorAlert error={request.error} /> : <Loader aria-label={t('common.loading')} />;
  }

  const allowed = new Set(detail.allowedActions);
  const assignees = (people.data ?? []).filter((person) => person.active);

  // The version the user saw goes with every change but notes and replies; a 409 means someone
  // else changed the request meanwhile, so we say so and load the current state.
  async function send(input: ActionInput, version = detail!.version): Promise<number> {
    try {
      const result = await actOnRequest(id, NOTES_NEED_NO_VERSION.includes(input.action) ? input : { ...input, version });
      return result.version;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code.endsWith('version_conflict')) {
        setConflict(true);
        request.reload();
      }
      throw error;
    }
  }

  async function act(input: ActionInput): Promise<void> {
    await send(input);
    if (!NOTES_NEED_NO_VERSION.includes(input.action)) setReplaced(detail!.version);
    setConflict(false);
    notify({ message: t('detail.done', { action: t(`action.${input.action}`) }) });
    request.reload();
  }

  async function click(action: RequestAction, run: () => Promise<void>) {
    setClicking(action);
    setClickFailure(null);
    try {
      await run();
    } catch (error) {
      setClickFailure(error as Error);
    } finally {
      setClicking(null);
    }
  }

  // Staff starting on an unassigned request of their unit take it first: one click, two steps.
  async function takeAndStart() {
    const version = await send({ action: 'assign', assigneeId: user.id });
    await send({ action: 'start' }, version);
    setReplaced(detail!.version);
    setConflict(false);
    notify({ message: t('detail.done', { action: t('action.start') }) });
    request.reload();
  }

  const fill = (template: ResponseTemplate) => fillTemplate(template, detail, i18n.language);
  const type = requestTypes.data?.find((candidate) => candidate.code === detail.requestType);
  // Law 4982 art. 11: only information requests may be extended.
  const extendable = type?.legalClock === 'information_4982';
  const formActions = FORM_ACTIONS.filter((action) => allowed.has(action) && (action !== 'assign' || assignees.length > 0) && (action !== 'extend' || extendable));
  const mayTakeIt = allowed.has('assign') && user.unitId === detail.unitId && detail.assigneeId !== user.id;
  const mayTakeAndStart = mayTakeIt && !allowed.has('start') && (detail.status === 'new' || detail.status === 'reopened');
  const clickActions = CLICK_ACTIONS.filter((action) => allowed.has(action));
  const busy = clicking !== null || (replaced !== null && detail.version <= replaced);
  const place = [detail.districtName, detail.neighbourhoodName].filter(Boolean).join(' / ');

  return (
    <Stack>
      <Anchor {...linkProps('/requests')} size="sm">
        ← {t('detail.back')}
      </Anchor>
      <Group justify="space-between">
        <Group>
          <Title order={1} ff="monospace" data-testid="tracking-number">
            {detail.trackingNo}
          </Title>
          <RequestStatusBadge status={detail.status} />
          {detail.overdueAt && (
            <Badge color="red" variant="filled">
              {t('inbox.overdueBadge')}
            </Badge>
          )}
        </Group>
      </Group>

      {conflict && (
        <Alert color="orange" role="alert" withCloseButton onClose={() => setConflict(false)} closeButtonLabel={t('common.close')}>
          {t('detail.conflict')}
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Section title={t('detail.request')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <Field label={t('detail.category')}>{i18n.language === 'en' ? detail.categoryNameEn : detail.categoryName}</Field>
                <Field label={t('detail.type')}>{type ? localName(type) : detail.requestType}</Field>
                <Field label={t('detail.channel')}>{t(`channel.${detail.channel}`)}</Field>
                <Field label={t('detail.unit')}>{detail.unitName}</Field>
                <Field label={t('detail.assignee')}>{detail.assigneeName ?? t('inbox.unassigned')}</Field>
                <Field label={t('detail.place')}>{place || t('common.none')}</Field>
                {detail.address && <Field label={t('detail.address')}>{detail.address}</Field>}
                <Field label={t('detail.createdAt')}>{formatDateTime(detail.createdAt, i18n.language)}</Field>
                <Field label={t('detail.dueAt')}>{formatDateTime(detail.dueAt, i18n.language)}</Field>
                {detail.legalDueAt && <Field label={t('detail.legalDueAt')}>{formatDateTime(detail.legalDueAt, i18n.language)}</Field>}
                {detail.referredTo && <Field label={t('detail.referredTo')}>{detail.referredTo}</Field>}
              </SimpleGrid>
              <Field label={t('detail.description')}>
                <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="request-description">
                  {detail.description}
                </Text>
              </Field>
              {detail.resolution && (
                <Field label={t('detail.resolution')}>
                  <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="request-resolution">
                    {detail.resolution}
                  </Text>
                </Field>
              )}
            </Section>

            <Section title={t('detail.citizen')}>
              {detail.citizen ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <Field label={t('detail.fullName')}>{detail.citizen.fullName ?? t('common.none')}</Field>
                  <Field label={t('detail.phone')}>{detail.citizen.phone ?? t('common.none')}</Field>
                  <Field label={t('detail.email')}>{detail.citizen.email ?? t('common.none')}</Field>
                  <Field label={t('detail.tcKimlikNo')}>{detail.citizen.tcKimlikNo ?? t('common.none')}</Field>
                </SimpleGrid>
              ) : (
                <Text c="dimmed">{t('detail.anonymous')}</Text>
              )}
            </Section>

            <Section title={t('detail.timeline')}>
              <RequestTimeline events={detail.events} />
            </Section>

            <Section title={t('detail.attachments')}>
              <RequestAttachments requestId={detail.id} attachments={detail.attachments} onUploaded={request.reload} />
            </Section>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Section title={t('detail.actions')}>
              <Group gap="xs" data-testid="request-actions">
                {mayTakeAndStart && (
                  <Button loading={clicking === 'start'} disabled={busy && clicking !== 'start'} onClick={() => void click('start', takeAndStart)}>
                    {t('action.start')}
                  </Button>
                )}
                {mayTakeIt && (
                  <Button variant="light" loading={clicking === 'assign'} disabled={busy && clicking !== 'assign'} onClick={() => void click('assign', () => act({ action: 'assign', assigneeId: user.id }))}>
                    {t('detail.assignToMe')}
                  </Button>
                )}
                {clickActions.map((action) => (
                  <Button key={action} loading={clicking === action} disabled={busy && clicking !== action} onClick={() => void click(action, () => act({ action }))}>
                    {t(`action.${action}`)}
                  </Button>
                ))}
                {formActions.map((action) => (
                  <Button key={action} variant="default" disabled={busy} onClick={() => setOpen(action)}>
                    {t(`action.${action}`)}
                  </Button>
                ))}
              </Group>
              {!mayTakeIt && formActions.length === 0 && clickActions.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('detail.noActions')}
                </Text>
              )}
              <ErrorAlert error={clickFailure} />
            </Section>

            {allowed.has('resolve') && (
              <Section title={t('detail.resolution')}>
                <TextActionBox
                  testId="resolve-form"
                  disabled={busy}
                  label={t('detail.resolutionText')}
                  description={t('detail.replyHint')}
                  submitLabel={t('action.resolve')}
                  templates={templates.data}
                  fill={fill}
                  onSubmit={(text) => act({ action: 'resolve', text })}
                />
              </Section>
            )}

            {allowed.has('reply') && (
              <Section title={t('detail.reply')}>
                <TextActionBox
                  testId="reply-form"
                  label={t('detail.reply')}
                  description={t('detail.replyHint')}
                  submitLabel={t('action.reply')}
                  templates={templates.data}
                  fill={fill}
                  onSubmit={(text) => act({ action: 'reply', text })}
                />
              </Section>
            )}

            {allowed.has('comment') && (
              <Section title={t('detail.note')}>
                <TextActionBox testId="note-form" label={t('detail.note')} description={t('detail.noteHint')} submitLabel={t('detail.addNote')} onSubmit={(text) => act({ action: 'comment', text })} />
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      {open && (
        <ActionModal
          action={open}
          units={units.data ?? []}
          currentUnitId={detail.unitId}
          assignees={assignees}
          onClose={() => setOpen(null)}
          onSubmit={async (input) => {
            await act(input);
            setOpen(null);
          }}
        />
      )}
    </Stack>
  );
}

// Not labelled with aria-label: the title often equals its field's label ("Vatandaşa yanıt"),
// and two elements with one label would make that field ambiguous to find.
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' ? <Text size="sm">{children}</Text> : children}
    </div>
  );
}

/** Puts the request's values into a ready answer's {placeholders}, in the citizen's language. */
function fillTemplate(template: ResponseTemplate, detail: RequestDetail, language: string): string {
  const english = (detail.citizen?.locale ?? language) === 'en';
  const body = english && template.bodyEn ? template.bodyEn : template.bodyTr;
  const values: Record<string, string> = {
    trackingNo: detail.trackingNo,
    citizenName: detail.citizen?.fullName ?? '',
    category: english ? detail.categoryNameEn : detail.categoryName,
    unit: detail.unitName,
    district: detail.districtName ?? '',
    neighbourhood: detail.neighbourhoodName ?? '',
    date: new Date().toLocaleDateString(english ? 'en-GB' : 'tr-TR', { timeZone: cityTimeZone() }),
  };
  return body.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
