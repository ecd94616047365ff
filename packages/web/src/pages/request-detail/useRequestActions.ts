import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { actOnRequest, type ActionInput, type RequestAction, type RequestDetail } from '../../api/requests';
import { useAction } from '../../hooks/useAction';
import { useNotify } from '../../hooks/useNotices';
import { useUser } from '../../hooks/useSession';

const NOTES_NEED_NO_VERSION: readonly RequestAction[] = ['comment', 'reply'];

export type RequestActions = ReturnType<typeof useRequestActions>;

/**
 * Changes to one request: each sent with the version the user saw (but notes and replies), a
 * 409 told as a conflict with the current state loaded, and the buttons held until the changed
 * request is back so a quick second click never acts on what the screen showed before.
 */
export function useRequestActions(id: number, detail: RequestDetail | undefined, reload: () => void) {
  const { t } = useTranslation();
  const notify = useNotify();
  const user = useUser();
  const [conflict, setConflict] = useState(false);
  const { run, running: clicking, failure: clickFailure } = useAction<RequestAction>();
  // After a change, the version it replaced.
  const [replaced, setReplaced] = useState<number | null>(null);

  async function send(input: ActionInput, version = detail!.version): Promise<number> {
    try {
      const result = await actOnRequest(id, NOTES_NEED_NO_VERSION.includes(input.action) ? input : { ...input, version });
      return result.version;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code.endsWith('version_conflict')) {
        setConflict(true);
        reload();
      }
      throw error;
    }
  }

  async function act(input: ActionInput): Promise<void> {
    await send(input);
    if (!NOTES_NEED_NO_VERSION.includes(input.action)) setReplaced(detail!.version);
    setConflict(false);
    notify({ message: t('detail.done', { action: t(`action.${input.action}`) }) });
    reload();
  }

  const click = (action: RequestAction, work: () => Promise<void>) => run(work, action);

  // Staff starting on an unassigned request of their unit take it first: one click, two steps.
  async function takeAndStart() {
    const version = await send({ action: 'assign', assigneeId: user.id });
    await send({ action: 'start' }, version);
    setReplaced(detail!.version);
    setConflict(false);
    notify({ message: t('detail.done', { action: t('action.start') }) });
    reload();
  }

  const busy = clicking !== null || (replaced !== null && detail !== undefined && detail.version <= replaced);
  return { act, click, takeAndStart, clicking, clickFailure, busy, conflict, dismissConflict: () => setConflict(false) };
}
