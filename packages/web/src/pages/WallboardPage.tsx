import { useEffect, useMemo, useState } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgentStateName } from '../api/agents';
import { useEventStream, type Wallboard } from '../api/live';
import { EChart, type ChartOptions } from '../components/EChart';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { formatDateTime } from '../dates';
import { formatDuration, formatPercent } from '../figures';

const STATE_COLORS: Record<AgentStateName, string> = { available: '#2f9e44', on_call: '#1971c2', wrap_up: '#f08c00', paused: '#868e96', logged_out: '#ced4da' };
const STATE_ORDER = ['available', 'on_call', 'wrap_up', 'paused', 'logged_out'] as const;

/** The supervisor's wall: live over Server-Sent Events, within a second of every call event. */
export default function WallboardPage() {
  const { t, i18n } = useTranslation();
  const {
    data: { wallboard: board },
    status,
  } = useEventStream<{ wallboard: Wallboard }>('/wallboard/stream', ['wallboard']);
  const clock = useTicker();

  // The longest wait grows between events: count it on from when that caller arrived.
  const longestWait = board?.waiting.oldestSince ? Math.max(0, Math.round((clock - Date.parse(board.waiting.oldestSince)) / 1000)) : 0;

  const agents = useMemo<ChartOptions>(() => {
    const counts = new Map(board?.agents.map((a) => [a.state, a.count]));
    return {
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: STATE_ORDER.map((s) => t(`wallboard.state.${s}` as 'wallboard.state.available')) },
      series: [{ type: 'bar', data: STATE_ORDER.map((s) => ({ value: counts.get(s) ?? 0, itemStyle: { color: STATE_COLORS[s] } })), label: { show: true, position: 'right' } }],
    };
  }, [board?.agents, t]);

  const hourly = useMemo<ChartOptions>(
    () => ({
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: (board?.hourly ?? []).map((h) => h.hour.slice(11, 16)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('wallboard.offered'), type: 'bar', data: (board?.hourly ?? []).map((h) => h.offered), itemStyle: { color: '#74c0fc' } },
        { name: t('wallboard.answered'), type: 'bar', data: (board?.hourly ?? []).map((h) => h.answered), itemStyle: { color: '#2f9e44' } },
        { name: t('wallboard.abandoned'), type: 'line', data: (board?.hourly ?? []).map((h) => h.abandoned), itemStyle: { color: '#e03131' } },
      ],
    }),
    [board?.hourly, t],
  );

  const today = board?.today;
  return (
    <Stack>
      <PageHeader
        title={t('wallboard.title')}
        action={
          <Badge color={status === 'open' ? 'teal' : status === 'lost' ? 'red' : 'yellow'} size="lg" variant="light" data-testid="wallboard-status">
            {t(`wallboard.stream.${status}`)}
          </Badge>
        }
      />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('wallboard.waiting')} value={board ? String(board.waiting.calls) : '…'} testId="wb-waiting" alert={(board?.waiting.calls ?? 0) > 0} />
        <Figure label={t('wallboard.longestWait')} value={board ? formatDuration(longestWait) : '…'} testId="wb-longest-wait" alert={longestWait > (board?.thresholdSeconds ?? 20)} />
        <Figure label={t('wallboard.offered')} value={today ? String(today.offered) : '…'} testId="wb-offered" />
        <Figure label={t('wallboard.answered')} value={today ? String(today.answered) : '…'} testId="wb-answered" />
        <Figure label={t('wallboard.answerRate')} value={today ? formatPercent(today.answerRate) : '…'} testId="wb-answer-rate" />
        <Figure label={t('wallboard.serviceLevel', { seconds: board?.thresholdSeconds ?? 20 })} value={today ? formatPercent(today.serviceLevel) : '…'} testId="wb-service-level" />
        <Figure label={t('wallboard.informationGiven')} value={today ? String(today.informationGiven) : '…'} testId="wb-information-given" />
        <Figure label={t('wallboard.instantShare')} value={today ? formatPercent(today.instantInformationShare) : '…'} testId="wb-instant-share" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel title={t('wallboard.agents')}>
          <EChart options={agents} height={240} label={t('wallboard.agentsChart', { counts: (board?.agents ?? []).map((a) => `${t(`wallboard.state.${a.state}` as 'wallboard.state.available')}: ${a.count}`).join(', ') })} />
        </Panel>
        <Panel title={t('wallboard.today')}>
          <EChart options={hourly} height={240} label={t('wallboard.hourlyChart')} />
        </Panel>
      </SimpleGrid>
      <Panel title={t('wallboard.roster.title')}>
        <Table.ScrollContainer minWidth={520}>
          <Table data-testid="wallboard-roster">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('wallboard.roster.agent')}</Table.Th>
                <Table.Th>{t('wallboard.roster.state')}</Table.Th>
                <Table.Th>{t('wallboard.roster.since')}</Table.Th>
                <Table.Th>{t('wallboard.roster.for')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(board?.roster ?? []).map((a) => (
                <Table.Tr key={a.agent} data-testid="roster-row" data-agent={a.agent}>
                  <Table.Td>{a.displayName ?? a.agent}</Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[a.state]} variant="light" data-testid="roster-state" data-state={a.state} style={{ flexShrink: 0 }}>
                      {t(`wallboard.state.${a.state}`)}
                      {a.reason ? ` · ${t(`agentState.reason.${a.reason}` as 'agentState.reason.break', { defaultValue: a.reason })}` : ''}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.since, i18n.language)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="roster-for">
                    {a.since ? formatDuration(Math.max(0, (clock - Date.parse(a.since)) / 1000)) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {board && board.roster.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              {t('wallboard.roster.empty')}
            </Text>
          )}
        </Table.ScrollContainer>
      </Panel>
      {board && board.waiting.byQueue.length > 0 && (
        <Panel title={t('wallboard.queues')}>
          <Group>
            {board.waiting.byQueue.map((q) => (
              <Badge key={q.queue} size="xl" variant="light">
                {q.queue || t('wallboard.noQueue')}: {q.calls}
              </Badge>
            ))}
          </Group>
        </Panel>
      )}
    </Stack>
  );
}

function Figure({ label, value, testId, alert }: { label: string; value: string; testId: string; alert?: boolean }) {
  return (
    <Paper withBorder p="md" radius="md" bg={alert ? 'red.0' : undefined}>
      <Text c="dimmed" size="sm" fw={500}>
        {label}
      </Text>
      <Text fz={48} fw={700} lh={1.1} data-testid={testId} c={alert ? 'red.8' : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/** Re-renders every second. */
function useTicker(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
