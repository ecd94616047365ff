import { useMemo, useState } from 'react';
import { Badge, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { getStaffingWeek, type StaffingQuery } from '../api/kpis';
import { EChart, type ChartOptions } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDuration } from '../figures';
import { useLoad } from '../hooks/useLoad';

const SLOTS = Array.from({ length: 48 }, (_, s) => `${String(Math.floor(s / 2)).padStart(2, '0')}:${s % 2 ? '30' : '00'}`);
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Shown = 'staffed' | 'agents' | 'arrivals';

interface Inputs {
  weeks: number | string;
  targetSl: number | string;
  targetSeconds: number | string;
  aht: number | string;
  maxOccupancy: number | string;
  shrinkage: number | string;
  patience: number | string;
}

const num = (v: number | string): number | null => (v === '' || v === null ? null : Number(v));

/** The week ahead: forecast calls per half hour and the agents to schedule for each (Erlang C or A). */
export default function StaffingPage() {
  const { t } = useTranslation();
  const [inputs, setInputs] = useState<Inputs>({ weeks: 4, targetSl: 80, targetSeconds: 20, aht: '', maxOccupancy: 85, shrinkage: 30, patience: '' });
  const [shown, setShown] = useState<Shown>('staffed');
  const [settled] = useDebouncedValue(inputs, 400);
  const set = (key: keyof Inputs) => (value: number | string) => setInputs((current) => ({ ...current, [key]: value }));

  const query = useMemo<StaffingQuery | null>(() => {
    const weeks = num(settled.weeks);
    const sl = num(settled.targetSl);
    const seconds = num(settled.targetSeconds);
    const occupancy = num(settled.maxOccupancy);
    const shrinkage = num(settled.shrinkage);
    if (weeks === null || sl === null || seconds === null || occupancy === null || shrinkage === null) return null;
    return { weeks, targetServiceLevel: sl / 100, targetSeconds: seconds, maxOccupancy: occupancy / 100, shrinkage: shrinkage / 100, ahtSeconds: num(settled.aht), patienceSeconds: num(settled.patience) };
  }, [settled]);
  const week = useLoad(() => (query ? getStaffingWeek(query) : Promise.resolve(undefined)), [JSON.stringify(query)]);
  const data = week.data;

  const heatmap = useMemo<ChartOptions>(() => {
    const matrix = data ? data[shown] : [];
    const cells = matrix.flatMap((row, d) => row.map((value, s) => [s, d, Math.round(value * 10) / 10]));
    const max = Math.max(1, ...cells.map((c) => c[2]!));
    return {
      grid: { left: 90, right: 24, top: 8, bottom: 80 },
      tooltip: { position: 'top', formatter: (p: { value: number[] }) => `${t(`staffing.day.${WEEKDAYS[p.value[1]!]!}`)} ${SLOTS[p.value[0]!]}: ${p.value[2]}` },
      xAxis: { type: 'category', data: SLOTS, splitArea: { show: true }, axisLabel: { interval: 3 } },
      yAxis: { type: 'category', data: WEEKDAYS.map((d) => t(`staffing.day.${d}`)), inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f1f3f5', '#a5d8ff', '#1c7ed6', '#0b3d91'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: shown !== 'arrivals', fontSize: 9 }, emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } }],
    };
  }, [data, shown, t]);

  return (
    <Stack>
      <PageHeader title={t('staffing.title')} />
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
          <NumberInput label={t('staffing.weeks')} description={t('staffing.weeksHint')} min={1} max={52} value={inputs.weeks} onChange={set('weeks')} allowDecimal={false} />
          <NumberInput label={t('staffing.targetSl')} suffix=" %" min={1} max={99} value={inputs.targetSl} onChange={set('targetSl')} />
          <NumberInput label={t('staffing.targetSeconds')} suffix=" s" min={0} max={3600} value={inputs.targetSeconds} onChange={set('targetSeconds')} allowDecimal={false} />
          <NumberInput label={t('staffing.aht')} description={t('staffing.ahtHint')} suffix=" s" min={1} max={86400} value={inputs.aht} onChange={set('aht')} />
          <NumberInput label={t('staffing.maxOccupancy')} suffix=" %" min={1} max={100} value={inputs.maxOccupancy} onChange={set('maxOccupancy')} />
          <NumberInput label={t('staffing.shrinkage')} suffix=" %" min={0} max={95} value={inputs.shrinkage} onChange={set('shrinkage')} />
          <NumberInput label={t('staffing.patience')} description={t('staffing.patienceHint')} suffix=" s" min={1} max={86400} value={inputs.patience} onChange={set('patience')} />
        </SimpleGrid>
      </Paper>
      <ErrorAlert error={week.error} />
      {data && (
        <Group>
          <Badge size="lg" variant="light">
            {data.model === 'erlang-a' ? 'Erlang A' : 'Erlang C'}
          </Badge>
          <Text>{t('staffing.history', { from: data.from.slice(0, 10), to: data.to.slice(0, 10), weeks: data.weeks })}</Text>
          <Text>{t(data.ahtMeasured ? 'staffing.ahtMeasured' : 'staffing.ahtGiven', { aht: formatDuration(data.ahtSeconds) })}</Text>
          <Text fw={600} data-testid="staffing-peak">
            {t('staffing.peak', { count: data.peakStaffed })}
          </Text>
          <Text fw={600}>{t('staffing.hours', { hours: data.staffedHours.toLocaleString() })}</Text>
        </Group>
      )}
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t(`staffing.shown.${shown}`)}
          </Title>
          <SegmentedControl
            value={shown}
            onChange={(v) => setShown(v as Shown)}
            data={(['staffed', 'agents', 'arrivals'] as const).map((v) => ({ value: v, label: t(`staffing.shown.${v}`) }))}
          />
        </Group>
        <EChart options={heatmap} height={380} label={t(`staffing.shown.${shown}`)} testId="staffing-heatmap" />
      </Paper>
      {data && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffing.dayLabel')}</Table.Th>
              <Table.Th ta="right">{t('staffing.calls')}</Table.Th>
              <Table.Th ta="right">{t('staffing.peakAgents')}</Table.Th>
              <Table.Th ta="right">{t('staffing.agentHours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {WEEKDAYS.map((d, i) => (
              <Table.Tr key={d}>
                <Table.Td>{t(`staffing.day.${d}`)}</Table.Td>
                <Table.Td ta="right">{Math.round(data.arrivals[i]!.reduce((a, b) => a + b, 0))}</Table.Td>
                <Table.Td ta="right">{Math.max(...data.staffed[i]!)}</Table.Td>
                <Table.Td ta="right">{data.staffed[i]!.reduce((a, b) => a + b, 0) / 2}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
