import { useMemo, useState } from 'react';
import { Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getKpis, KPI_BUCKETS, type KpiBucket, type KpiGroup, type KpiRow } from '../api/kpis';
import type { ChartOptions } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { ChartPanel } from '../components/Panel';
import { isIsoDate } from '../dates';
import { formatDuration, formatPercent } from '../figures';
import { useLoad } from '../hooks/useLoad';
import { cityDate } from '../clock';
import { DateField } from '../components/DateField';

const rowLabel = (r: KpiRow, group: KpiGroup | null, none: string) => (group === 'queue' ? r.queue || none : group === 'agent' ? r.agent || none : r.period);

/** A period label short enough for an axis: the part of 2026-03-09T10:30 that changes. */
const periodLabel = (period: string, by: KpiBucket) => (by === 'year' ? period.slice(0, 4) : by === 'month' ? period.slice(0, 7) : by === 'day' ? period.slice(0, 10) : period.replace('T', ' '));

/** The supervisor's KPI report: a period, an interval, optionally per queue or per agent. */
export default function KpisPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(cityDate(-6));
  const [to, setTo] = useState(cityDate());
  const [by, setBy] = useState<KpiBucket>('day');
  const [group, setGroup] = useState<KpiGroup | null>(null);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const kpis = useLoad(() => (valid ? getKpis({ from, to, by, group }) : Promise.resolve([])), [from, to, by, group, valid]);
  const rows = kpis.data ?? [];
  const none = t('kpi.none');

  // Grouped: one bar per queue or agent over the whole period; otherwise the period over time.
  const totals = useMemo(() => {
    if (!group) return rows.map((r) => ({ label: periodLabel(r.period, by), ...r }));
    const byKey = new Map<string, { label: string; offered: number; answered: number; abandoned: number; within: number }>();
    for (const r of rows) {
      const label = rowLabel(r, group, none);
      const entry = byKey.get(label) ?? { label, offered: 0, answered: 0, abandoned: 0, within: 0 };
      entry.offered += r.offered;
      entry.answered += r.answered;
      entry.abandoned += r.abandoned;
      entry.within += Math.round((r.serviceLevel ?? 0) * r.offered);
      byKey.set(label, entry);
    }
    return [...byKey.values()].map((e) => ({ ...e, answerRate: e.offered ? e.answered / e.offered : null, serviceLevel: e.offered ? e.within / e.offered : null }));
  }, [rows, group, by, none]);

  const volume = useMemo<ChartOptions>(
    () => ({
      grid: { left: 48, right: 16, top: 36, bottom: 56 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: totals.map((r) => r.label), axisLabel: { rotate: totals.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('kpi.offered'), type: 'bar', data: totals.map((r) => r.offered), itemStyle: { color: '#74c0fc' } },
        { name: t('kpi.answered'), type: 'bar', data: totals.map((r) => r.answered), itemStyle: { color: '#2f9e44' } },
        { name: t('kpi.abandoned'), type: 'bar', data: totals.map((r) => r.abandoned), itemStyle: { color: '#e03131' } },
      ],
    }),
    [totals, t],
  );
  const rates = useMemo<ChartOptions>(
    () => ({
      grid: { left: 48, right: 16, top: 36, bottom: 56 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `%${v.toFixed(1)}` : '—') },
      legend: { top: 0 },
      xAxis: { type: 'category', data: totals.map((r) => r.label), axisLabel: { rotate: totals.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '%{value}' } },
      series: [
        { name: t('kpi.answerRate'), type: group ? 'bar' : 'line', data: totals.map((r) => (r.answerRate === null ? null : r.answerRate * 100)), itemStyle: { color: '#1971c2' } },
        { name: t('kpi.serviceLevel'), type: group ? 'bar' : 'line', data: totals.map((r) => (r.serviceLevel === null ? null : r.serviceLevel * 100)), itemStyle: { color: '#f08c00' } },
      ],
    }),
    [totals, group, t],
  );

  return (
    <Stack>
      <PageHeader title={t('kpi.title')} />
      <Group align="flex-end">
        <DateField label={t('kpi.from')} value={from} onChange={setFrom} error={isIsoDate(from) ? undefined : t('kpi.dateFormat')} />
        <DateField label={t('kpi.to')} value={to} onChange={setTo} error={!isIsoDate(to) ? t('kpi.dateFormat') : from > to ? t('kpi.toBeforeFrom') : undefined} />
        <Select<KpiBucket> label={t('kpi.by')} data={KPI_BUCKETS.map((b) => ({ value: b, label: t(`kpi.bucket.${b}`) }))} value={by} onChange={(b) => b && setBy(b)} allowDeselect={false} w={160} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('kpi.group')}
          </Text>
          <SegmentedControl
            value={group ?? 'none'}
            onChange={(g) => setGroup(g === 'none' ? null : (g as KpiGroup))}
            data={[
              { value: 'none', label: t('kpi.groupNone') },
              { value: 'queue', label: t('kpi.groupQueue') },
              { value: 'agent', label: t('kpi.groupAgent') },
            ]}
          />
        </Stack>
      </Group>
      <ErrorAlert error={kpis.error} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartPanel title={t('kpi.volumeChart')} options={volume} testId="kpi-volume-chart" />
        <ChartPanel title={t('kpi.ratesChart')} options={rates} />
      </SimpleGrid>
      <Table striped withTableBorder data-testid="kpi-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('kpi.period')}</Table.Th>
            {group && <Table.Th>{group === 'queue' ? t('kpi.groupQueue') : t('kpi.groupAgent')}</Table.Th>}
            <Table.Th ta="right">{t('kpi.offered')}</Table.Th>
            <Table.Th ta="right">{t('kpi.answered')}</Table.Th>
            <Table.Th ta="right">{t('kpi.abandoned')}</Table.Th>
            <Table.Th ta="right">{t('kpi.shortAbandoned')}</Table.Th>
            <Table.Th ta="right">{t('kpi.answerRate')}</Table.Th>
            <Table.Th ta="right">{t('kpi.serviceLevel')}</Table.Th>
            <Table.Th ta="right">{t('kpi.serviceLevelOfAnswered')}</Table.Th>
            <Table.Th ta="right">{t('kpi.asa')}</Table.Th>
            <Table.Th ta="right">{t('kpi.aht')}</Table.Th>
            <Table.Th ta="right">{t('kpi.longestWait')}</Table.Th>
            <Table.Th ta="right">{t('kpi.occupancy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.period}|${r.queue ?? ''}|${r.agent ?? ''}`}>
              <Table.Td>{periodLabel(r.period, by)}</Table.Td>
              {group && <Table.Td>{rowLabel(r, group, none)}</Table.Td>}
              <Table.Td ta="right">{r.offered}</Table.Td>
              <Table.Td ta="right">{r.answered}</Table.Td>
              <Table.Td ta="right">{r.abandoned}</Table.Td>
              <Table.Td ta="right">{r.shortAbandoned}</Table.Td>
              <Table.Td ta="right">{formatPercent(r.answerRate)}</Table.Td>
              <Table.Td ta="right">{formatPercent(r.serviceLevel)}</Table.Td>
              <Table.Td ta="right">{formatPercent(r.serviceLevelOfAnswered)}</Table.Td>
              <Table.Td ta="right">{formatDuration(r.asaSeconds)}</Table.Td>
              <Table.Td ta="right">{formatDuration(r.ahtSeconds)}</Table.Td>
              <Table.Td ta="right">{formatDuration(r.longestWaitSeconds)}</Table.Td>
              <Table.Td ta="right">{formatPercent(r.occupancy)}</Table.Td>
            </Table.Tr>
          ))}
          {!kpis.loading && rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={13}>
                <Text c="dimmed">{t('kpi.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
