import { useState } from 'react';
import { Alert, Anchor, Grid, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getRequest, type RequestDetail } from '../api/requests';
import { listResponseTemplates, type ResponseTemplate } from '../api/responseTemplates';
import { listRequestTypes } from '../api/requestTypes';
import { can } from '../api/roles';
import { listUnits } from '../api/units';
import { listAssignees } from '../api/unitWork';
import { ErrorAlert } from '../components/ErrorAlert';
import { useLoad } from '../hooks/useLoad';
import { useUser } from '../hooks/useSession';
import { linkProps, matchPath, useRoute } from '../router';
import { ActionModal, type FormAction } from './request-detail/ActionModal';
import { ActionPanel } from './request-detail/ActionPanel';
import { RequestAttachments } from './request-detail/Attachments';
import { CitizenCard } from './request-detail/CitizenCard';
import { fillTemplate } from './request-detail/fillTemplate';
import { RequestMessages } from './request-detail/Messages';
import { RequestFacts } from './request-detail/RequestFacts';
import { RequestHeader } from './request-detail/RequestHeader';
import { Section } from './request-detail/Section';
import { RequestTimeline } from './request-detail/Timeline';
import { useRequestActions } from './request-detail/useRequestActions';

/** The parts of the page; each is given the fields SHOWN places in it, and only those. */
type Part = 'header' | 'facts' | 'citizen' | 'timeline' | 'attachments' | 'messages' | 'actions';
/** Every field of the request, each in a part of the page or shown by another field (its name). */
type EveryFieldPlaced = { [K in keyof RequestDetail]: Part | { as: Exclude<keyof RequestDetail, K> } };

/**
 * Where the page shows each field of the request. A field added to the contract's RequestDetail
 * fails the type-check here until it has a place; an id shown by the name beside it says which.
 */
const SHOWN = {
  id: 'attachments', // the files' links and the upload are addressed by it; people read the tracking number
  trackingNo: 'header',
  status: 'header',
  overdueAt: 'header',
  requestType: 'facts',
  channel: 'facts',
  description: 'facts',
  categoryId: { as: 'categoryName' },
  categoryName: 'facts',
  categoryNameEn: 'facts',
  unitId: { as: 'unitName' },
  unitName: 'facts',
  routedBy: 'facts',
  routingRuleId: 'facts',
  districtId: { as: 'districtName' },
  districtName: 'facts',
  neighbourhoodId: { as: 'neighbourhoodName' },
  neighbourhoodName: 'facts',
  address: 'facts',
  latitude: 'facts',
  longitude: 'facts',
  assigneeId: { as: 'assigneeName' },
  assigneeName: 'facts',
  parentId: 'facts',
  dueAt: 'facts',
  legalDueAt: 'facts',
  resolution: 'facts',
  referredTo: 'facts',
  createdAt: 'facts',
  updatedAt: 'facts',
  version: 'facts',
  citizen: 'citizen',
  events: 'timeline',
  attachments: 'attachments',
  messages: 'messages',
  allowedActions: 'actions',
} as const satisfies EveryFieldPlaced;

type ShownIn<P extends Part> = Extract<{ [K in keyof typeof SHOWN]: (typeof SHOWN)[K] extends P ? K : never }[keyof typeof SHOWN], keyof RequestDetail>;
/** The fields one part of the page shows. */
export type Shown<P extends Part> = Pick<RequestDetail, ShownIn<P>>;

function shownIn<P extends Part>(request: RequestDetail, part: P): Shown<P> {
  const keys = (Object.keys(SHOWN) as (keyof typeof SHOWN)[]).filter((key) => SHOWN[key] === part);
  return Object.fromEntries(keys.map((key) => [key, request[key]])) as Shown<P>;
}

export default function RequestDetailPage() {
  const { t } = useTranslation();
  const { path } = useRoute();
  const id = Number(matchPath('/requests/:id', path)?.id);
  if (!Number.isInteger(id) || id < 1) return <Alert color="red">{t('detail.badId')}</Alert>;
  return <RequestView key={id} id={id} />;
}

function RequestView({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const request = useLoad(() => getRequest(id), [id]);
  const detail = request.data;
  const categoryId = detail?.categoryId;
  const templates = useLoad(() => (categoryId === undefined ? Promise.resolve([]) : listResponseTemplates(categoryId).catch(() => [])), [categoryId]);
  const units = useLoad(listUnits, []);
  const requestTypes = useLoad(listRequestTypes, []);
  const unitId = detail?.unitId;
  // Who may assign others (requests.assign, as the server asks) picks from the request's unit;
  // for everyone else the assign button is not offered (unit staff may take the request themselves).
  const mayAssign = can(user.role, 'requests.assign');
  const people = useLoad(() => (unitId === undefined || !mayAssign ? Promise.resolve(null) : listAssignees(unitId).catch(() => null)), [unitId, mayAssign]);
  const actions = useRequestActions(id, detail, request.reload);
  const [open, setOpen] = useState<FormAction | null>(null);

  if (!detail) {
    return request.error ? <ErrorAlert error={request.error} /> : <Loader aria-label={t('common.loading')} />;
  }

  const allowed = new Set(detail.allowedActions);
  const assignees = people.data ?? [];
  const fill = (template: ResponseTemplate) => fillTemplate(template, detail, i18n.language);
  const type = requestTypes.data?.find((candidate) => candidate.code === detail.requestType);
  const mayTakeIt = allowed.has('assign') && user.unitId === detail.unitId && detail.assigneeId !== user.id;
  const mayTakeAndStart = mayTakeIt && !allowed.has('start') && (detail.status === 'new' || detail.status === 'reopened');

  return (
    <Stack>
      <Anchor {...linkProps('/requests')} size="sm">
        ← {t('detail.back')}
      </Anchor>
      <RequestHeader request={shownIn(detail, 'header')} />

      {actions.conflict && (
        <Alert color="orange" role="alert" withCloseButton onClose={actions.dismissConflict} closeButtonLabel={t('common.close')}>
          {t('detail.conflict')}
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Section title={t('detail.request')}>
              <RequestFacts request={shownIn(detail, 'facts')} requestType={type} />
            </Section>
            <Section title={t('detail.citizen')}>
              <CitizenCard request={shownIn(detail, 'citizen')} />
            </Section>
            <Section title={t('detail.timeline')}>
              <RequestTimeline request={shownIn(detail, 'timeline')} />
            </Section>
            <Section title={t('detail.attachments')}>
              <RequestAttachments request={shownIn(detail, 'attachments')} onUploaded={request.reload} />
            </Section>
            <Section title={t('detail.messages')}>
              <RequestMessages request={shownIn(detail, 'messages')} />
            </Section>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <ActionPanel
            request={shownIn(detail, 'actions')}
            actions={actions}
            mayTakeIt={mayTakeIt}
            mayTakeAndStart={mayTakeAndStart}
            canAssign={assignees.length > 0}
            extendable={type?.legalClock === 'information_4982'}
            templates={templates.data}
            fill={fill}
            onForm={setOpen}
          />
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
            await actions.act(input);
            setOpen(null);
          }}
        />
      )}
    </Stack>
  );
}
