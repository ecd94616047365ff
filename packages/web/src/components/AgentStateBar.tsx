import { useState } from 'react';
import { Badge, Button, Group, Kbd, Select, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { getMyState, setMyState, type AgentStateName, type ConsoleState } from '../api/agents';
import { formatDateTime } from '../dates';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { ErrorAlert } from './ErrorAlert';

export const PAUSE_REASONS = ['break', 'lunch', 'training', 'meeting', 'coaching', 'technical'] as const;

const COLORS: Record<AgentStateName, string> = { available: 'teal', on_call: 'blue', wrap_up: 'orange', paused: 'gray', logged_out: 'dark' };

/** The agent's own state: available, paused with a reason, wrap-up, logged out (Alt+1…4). */
export function AgentStateBar({ version }: { version?: string }) {
  const { t, i18n } = useTranslation();
  // A call arriving or ending moves the state too: `version` changes with the call in hand.
  const mine = useLoad(getMyState, [version]);
  const [reason, setReason] = useState<string | null>(null);
  const { run, running: busy, failure, setFailure, fieldError } = useAction<ConsoleState>();
  const [reasonMissing, setReasonMissing] = useState(false);

  const set = async (state: ConsoleState) => {
    if (state === 'paused' && !reason) {
      setFailure(null);
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    await run(async () => {
      await setMyState(state, state === 'paused' ? reason : null);
      mine.reload();
    }, state);
  };

  useHotkeys(
    [
      ['alt+1', () => void set('available')],
      ['alt+2', () => void set('paused')],
      ['alt+3', () => void set('wrap_up')],
      ['alt+4', () => void set('logged_out')],
    ],
    [],
  );

  const state = mine.data?.state;
  return (
    <Stack gap={4} align="flex-end" data-testid="agent-state">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('agentState.label')}
        </Text>
        {state && (
          <Badge color={COLORS[state]} size="lg" data-testid="agent-state-badge" data-state={state}>
            {t(`agentState.state.${state}`)}
            {mine.data?.reason ? ` · ${t(`agentState.reason.${mine.data.reason}` as 'agentState.reason.break', { defaultValue: mine.data.reason })}` : ''}
          </Badge>
        )}
        {mine.data?.since && (
          <Text size="xs" c="dimmed">
            {t('agentState.since', { time: formatDateTime(mine.data.since, i18n.language) })}
          </Text>
        )}
      </Group>
      <Group gap="xs" align="flex-end">
        <Button size="xs" color="teal" variant={state === 'available' ? 'filled' : 'light'} loading={busy === 'available'} onClick={() => void set('available')}>
          {t('agentState.state.available')} <Kbd ml={4}>Alt+1</Kbd>
        </Button>
        <Select
          size="xs"
          w={150}
          aria-label={t('agentState.pauseReason')}
          placeholder={t('agentState.pauseReason')}
          data={PAUSE_REASONS.map((r) => ({ value: r, label: t(`agentState.reason.${r}`) }))}
          value={reason}
          onChange={(value) => {
            setReason(value);
            setReasonMissing(false);
          }}
          error={reasonMissing ? t('agentState.reasonRequired') : fieldError('reason')}
        />
        <Button size="xs" color="gray" variant={state === 'paused' ? 'filled' : 'light'} loading={busy === 'paused'} onClick={() => void set('paused')}>
          {t('agentState.pause')} <Kbd ml={4}>Alt+2</Kbd>
        </Button>
        <Button size="xs" color="orange" variant={state === 'wrap_up' ? 'filled' : 'light'} loading={busy === 'wrap_up'} onClick={() => void set('wrap_up')}>
          {t('agentState.state.wrap_up')} <Kbd ml={4}>Alt+3</Kbd>
        </Button>
        <Button size="xs" color="dark" variant="subtle" loading={busy === 'logged_out'} onClick={() => void set('logged_out')}>
          {t('agentState.logOut')} <Kbd ml={4}>Alt+4</Kbd>
        </Button>
      </Group>
      <ErrorAlert error={failure ?? mine.error} fields={['reason']} />
    </Stack>
  );
}
