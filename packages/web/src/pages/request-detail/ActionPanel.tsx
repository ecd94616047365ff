import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestAction } from '../../api/requests';
import type { ResponseTemplate } from '../../api/responseTemplates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUser } from '../../hooks/useSession';
import type { Shown } from '../RequestDetailPage';
import { FORM_ACTIONS, type FormAction } from './ActionModal';
import { Section } from './Section';
import { TextActionBox } from './TextActionBox';
import type { RequestActions } from './useRequestActions';

/** Actions done with one click: nothing to ask. */
const CLICK_ACTIONS = ['start', 'resume', 'close'] as const satisfies readonly RequestAction[];

/** What the user may do now: the buttons of the allowed actions, and the resolution, reply and note boxes. */
export function ActionPanel(props: {
  request: Shown<'actions'>;
  actions: RequestActions;
  /** Staff of the request's unit who are not its assignee. */
  mayTakeIt: boolean;
  mayTakeAndStart: boolean;
  /** The user may assign others (requests.assign) and the request's unit has someone to assign to. */
  canAssign: boolean;
  /** Law 4982 art. 11: only information requests may be extended. */
  extendable: boolean;
  templates: ResponseTemplate[] | undefined;
  fill: (template: ResponseTemplate) => string;
  onForm: (action: FormAction) => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const { actions, mayTakeIt, mayTakeAndStart, templates, fill } = props;
  const { act, click, clicking, busy } = actions;
  const allowed = new Set(props.request.allowedActions);
  const formActions = FORM_ACTIONS.filter((action) => allowed.has(action) && (action !== 'assign' || props.canAssign) && (action !== 'extend' || props.extendable));
  const clickActions = CLICK_ACTIONS.filter((action) => allowed.has(action));

  return (
    <Stack>
      <Section title={t('detail.actions')}>
        <Group gap="xs" data-testid="request-actions">
          {mayTakeAndStart && (
            <Button loading={clicking === 'start'} disabled={busy && clicking !== 'start'} onClick={() => void click('start', actions.takeAndStart)}>
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
            <Button key={action} variant="default" disabled={busy} onClick={() => props.onForm(action)}>
              {t(`action.${action}`)}
            </Button>
          ))}
        </Group>
        {!mayTakeIt && formActions.length === 0 && clickActions.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('detail.noActions')}
          </Text>
        )}
        <ErrorAlert error={actions.clickFailure} />
      </Section>

      {allowed.has('resolve') && (
        <Section title={t('detail.resolution')}>
          <TextActionBox
            testId="resolve-form"
            disabled={busy}
            label={t('detail.resolutionText')}
            description={t('detail.replyHint')}
            submitLabel={t('action.resolve')}
            templates={templates}
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
            templates={templates}
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
  );
}
