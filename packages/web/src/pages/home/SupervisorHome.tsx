import { useEffect, useMemo } from 'react';
import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEventStream, type Wallboard } from '../../api/live';
import { getOpenRequestsByUnit } from '../../api/unitWork';
import type { ChartOptions } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ChartPanel, Panel } from '../../components/Panel';
import { Stat } from '../../components/Stat';
import { formatPercent } from '../../figures';
import { useLoad } from '../../hooks/useLoad';
import { useLocalName } from '../../hooks/useLocalName';
import { useUser } from '../../hooks/useSession';
import { linkProps } from '../../router';

/** How often the open requests per unit are read again (the calls and agents are live). */
const REFRESH_MS = 60_000;
/** The units a chart can show legibly; the table below lists them all. */
const CHART_UNITS = 15;
const LIVE_STATES = ['available', 'on_call', 'wrap_up', 'paused'] as const;

/**
 * The supervisor's (and administrator's) landing page: today's calls and answer rate and the
 * agents by state, live over the wallboard's stream; each unit's open and overdue requests,
 * read again every minute, charted and listed with links to the inbox.
 */
export function SupervisorHome() {
  const { t } = useTranslation();
  const user = useUser();
  const localName = useLocalName();
  const {
    data: { wallboard: board },
    status,
  } = useEventStream<{ wallboard: Wallboard }>('/wallboard/stream', ['wallboard']);
  const open = useLoad(getOpenRequestsByUnit, []);
  const { reload } = open;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const units = open.data?.units ?? [];
  const openTotal = units.reduce((n, u) => n + u.open, 0);
  const overdueTotal = units.reduce((n, u) => n + u.overdue, 0);
  const agents = new Map(board?.agents.map((a) => [a.state, a.count]));
  const today = board?.today;

  const chart = useMemo<ChartOptions>(() => {
    const shown = units.slice(0, CHART_UNITS);
    return {
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: shown.map(localName), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        { name: t('supervisorHome.open'), type: 'bar', data: shown.map((u) => u.open), itemStyle: { color: '#1c7ed6' }, label: { show: true, position: 'right' } },
        { name: t('supervisorHome.overdue'), type: 'bar', data: shown.map((u) => u.overdue), itemStyle: { color: '#e03131' }, label: { show: true, position: 'right' } },
      ],
    };
  }, [units, localName, t]);

  const figure = (value: number | undefined) => (value === undefined ? '…' : String(value));
  return (
    <Stack>
      <PageHeader
        title={t('supervisorHome.title')}
        action={
          <Badge color={status === 'open' ? 'teal' : status === 'lost' ? 'red' : 'yellow'} size="lg" variant="light" data-testid="home-live-status">
            {t(`wallboard.stream.${status}`)}
          </Badge>
        }
      />
      <Text c="dimmed">{t('supervisorHome.welcome', { name: user.displayName })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Stat label={t('supervisorHome.callsToday')} value={figure(today?.offered)} testId="home-calls-today" />
        <Stat label={t('supervisorHome.answeredToday')} value={figure(today?.answered)} testId="home-answered-today" />
        <Stat label={t('supervisorHome.answerRateToday')} value={today ? formatPercent(today.answerRate) : '…'} testId="home-answer-rate" />
        <Stat label={t('supervisorHome.waitingNow')} value={figure(board?.waiting.calls)} testId="home-waiting" />
        <Stat label={t('supervisorHome.openRequests')} value={open.data ? String(openTotal) : '…'} testId="home-open-requests" />
        <Stat label={t('supervisorHome.overdueRequests')} value={open.data ? String(overdueTotal) : '…'} testId="home-overdue-requests" />
      </SimpleGrid>

      <Panel
        title={t('supervisorHome.agents')}
        aside={
          <Anchor {...linkProps('/wallboard')} size="sm">
            {t('supervisorHome.toWallboard')}
          </Anchor>
        }
      >
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {LIVE_STATES.map((state) => (
            <Stat key={state} label={t(`wallboard.state.${state}`)} value={board ? String(agents.get(state) ?? 0) : '…'} testId={`home-agents-${state}`} />
          ))}
        </SimpleGrid>
      </Panel>

      <ErrorAlert error={open.error} />
      {units.length > 0 && <ChartPanel title={t('supervisorHome.byUnitChart')} options={chart} height={Math.max(200, 60 + 44 * Math.min(units.length, CHART_UNITS))} testId="home-units-chart" />}
      <Panel title={t('supervisorHome.byUnit')}>
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="home-units">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('supervisorHome.unit')}</Table.Th>
                <Table.Th ta="right">{t('supervisorHome.open')}</Table.Th>
                <Table.Th ta="right">{t('supervisorHome.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u) => (
                <Table.Tr key={u.unitId} data-testid="home-unit-row" data-unit={u.code}>
                  <Table.Td>{localName(u)}</Table.Td>
                  <Table.Td ta="right">
                    <Anchor {...linkProps(`/requests?unit=${u.unitId}`)} data-testid="home-unit-open">
                      {u.open}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    {u.overdue > 0 ? (
                      <Anchor {...linkProps(`/requests?unit=${u.unitId}&overdue=1`)} c="red" fw={700} data-testid="home-unit-overdue">
                        {u.overdue}
                      </Anchor>
                    ) : (
                      <Text span c="dimmed" data-testid="home-unit-overdue">
                        0
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {open.data && units.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              {t('supervisorHome.noOpen')}
            </Text>
          )}
        </Table.ScrollContainer>
      </Panel>
      <Group>
        <Anchor {...linkProps('/requests')}>{t('supervisorHome.toInbox')}</Anchor>
      </Group>
    </Stack>
  );
}
