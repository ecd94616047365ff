import { useEffect, useState } from 'react';
import { Badge, Button, Group, Kbd, Select, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { setMyState, type AgentStateName, type AgentView, type ConsoleState } from '../api/agents';
import { formatDateTime } from '../dates';
import { useAction } from '../hooks/useAction';
import { ErrorAlert } from './ErrorAlert';

export const PAUSE_REASONS = ['break', 'lunch', 'training', 'meeting', 'coaching', 'technical'] as const;

const COLORS: Record<AgentStateName, string> = { available: 'teal', on_call: 'blue', wrap_up: 'orange', paused: 'gray', logged_out: 'dark' };

/**
 * The agent's own state: available, paused with a reason, wrap-up, logged out (Alt+1…4).
 * `live` is the state the console's event stream last pushed: the server sends it on every
 * connection and whenever it changes (a call answered, ended or closed, the PBX, this bar), so
 * the badge follows the call and a reconnect shows the state now.
 */
export function AgentStateBar({ live }: { live: AgentView | undefined }) {
  const { t, i18n } = useTranslation();
  // What this bar set, shown until the stream says anything newer.
  const [own, setOwn] = useState<AgentView | null>(null);
  useEffect(() => setOwn(null), [live]);
  const mine = own ?? live;
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
    await run(async () => setOwn(await setMyState(state, state === 'paused' ? reason : null)), state);
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

  const state = mine?.state;
  return (
    <Stack gap={4} align="flex-end" data-testid="agent-state">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('agentState.label')}
        </Text>
        {state && (
          <Badge color={COLORS[state]} size="lg" data-testid="agent-state-badge" data-state={state}>
            {t(`agentState.state.${state}`)}
            {mine?.reason ? ` · ${t(`agentState.reason.${mine.reason}` as 'agentState.reason.break', { defaultValue: mine.reason })}` : ''}
          </Badge>
        )}
        {mine?.since && (
          <Text size="xs" c="dimmed" data-testid="agent-state-since">
            {t('agentState.since', { time: formatDateTime(mine.since, i18n.language) })}
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
      <ErrorAlert error={failure} fields={['reason']} />
    </Stack>
  );
}
