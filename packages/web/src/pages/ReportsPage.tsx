import { useMemo, useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Checkbox, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, isChannel } from '@cozum/domain';
import { listCategories } from '../api/categories';
import { getDistrictGeo, getNeighbourhoodGeo, getReport, reportExportUrl, type Report, type ReportQuery } from '../api/reports';
import { listUnits } from '../api/units';
import { ChoroplethMap } from '../components/ChoroplethMap';
import type { ChartOptions } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { hoursText } from '../components/hoursText';
import { PageHeader } from '../components/PageHeader';
import { ChartPanel, Panel } from '../components/Panel';
import { Stat } from '../components/Stat';
import { topicsChart } from '../components/topicsChart';
import { formatPercent } from '../figures';
import { useLoad } from '../hooks/useLoad';
import { cityYear } from '../clock';
import { currentLanguage } from '../i18n';
import { MonthField } from '../components/DateField';

const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
const shiftYear = (month: string, years: number) => `${Number(month.slice(0, 4)) + years}${month.slice(4)}`;
const lastYear = () => cityYear() - 1;

/** The management dashboard: the report of a period with its charts, a district map with drill-down, and the exports. */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  const local = (x: { name: string; nameEn: string }) => (english ? x.nameEn : x.name);
  const year = lastYear();
  const [from, setFrom] = useState(`${year}-01`);
  const [to, setTo] = useState(`${year}-12`);
  const [compare, setCompare] = useState(true);
  const [channel, setChannel] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [district, setDistrict] = useState<{ id: number; name: string } | null>(null);
  const valid = isMonth(from) && isMonth(to) && from <= to;

  const query: ReportQuery = {
    from,
    to,
    ...(compare ? { compareFrom: shiftYear(from, -1), compareTo: shiftYear(to, -1) } : {}),
    channel: channel ?? undefined,
    categoryId: categoryId ? Number(categoryId) : undefined,
    unitId: unitId ? Number(unitId) : undefined,
    districtId: district?.id,
  };
  const key = JSON.stringify(query);
  const report = useLoad(() => (valid ? getReport(query) : Promise.resolve(undefined)), [key, valid]);
  const categories = useLoad(listCategories, []);
  const units = useLoad(listUnits, []);
  const cityGeo = useLoad(getDistrictGeo, []);
  const districtGeo = useLoad(() => (district ? getNeighbourhoodGeo(district.id) : Promise.resolve(undefined)), [district?.id]);
  const r = report.data;
  // Stable maps, so the charts redraw only when the figures change.
  const districtCounts = useMemo(() => new Map((r?.districts ?? []).map((d) => [d.code, d.count])), [r]);
  const neighbourhoodCounts = useMemo(() => new Map((r?.neighbourhoods ?? []).map((n) => [n.code, n.count])), [r]);

  const categoryOptions = useMemo(
    () => (categories.data ?? []).map((c) => ({ value: String(c.id), label: `${c.parentId ? '  · ' : ''}${english ? c.nameEn : c.nameTr}` })),
    [categories.data, english],
  );
  const unitOptions = useMemo(() => (units.data ?? []).map((u) => ({ value: String(u.id), label: english ? u.nameEn : u.nameTr })), [units.data, english]);

  return (
    <Stack>
      <PageHeader
        title={t('reports.title')}
        action={
          valid && (
            <Group>
              <Button component="a" variant="default" href={reportExportUrl(query, 'pdf', currentLanguage())} download data-testid="report-pdf">
                {t('reports.exportPdf')}
              </Button>
              <Button component="a" variant="default" href={reportExportUrl(query, 'xlsx', currentLanguage())} data-testid="report-xlsx" download>
                {t('reports.exportXlsx')}
              </Button>
            </Group>
          )
        }
      />
      <Group align="flex-end" wrap="wrap">
        <MonthField label={t('reports.from')} value={from} onChange={setFrom} error={isMonth(from) ? undefined : t('reports.monthFormat')} w={170} />
        <MonthField label={t('reports.to')} value={to} onChange={setTo} error={!isMonth(to) ? t('reports.monthFormat') : from > to ? t('reports.toBeforeFrom') : undefined} w={170} />
        <Select label={t('reports.channel')} placeholder={t('reports.all')} data={CHANNELS.map((c) => ({ value: c, label: t(`reports.channels.${c}`) }))} value={channel} onChange={setChannel} clearable w={170} />
        <Select label={t('reports.category')} placeholder={t('reports.all')} data={categoryOptions} value={categoryId} onChange={setCategoryId} clearable searchable w={260} />
        <Select label={t('reports.unit')} placeholder={t('reports.all')} data={unitOptions} value={unitId} onChange={setUnitId} clearable searchable w={260} />
        <Checkbox label={t('reports.compare')} checked={compare} onChange={(e) => setCompare(e.currentTarget.checked)} mb={8} />
      </Group>
      <ErrorAlert error={report.error} />
      {r && <Headline r={r} />}
      {r && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="xs">
              <Breadcrumbs>
                <Anchor component="button" type="button" onClick={() => setDistrict(null)} data-testid="map-city">
                  {t('reports.city')}
                </Anchor>
                {district && <Text data-testid="map-district">{district.name}</Text>}
              </Breadcrumbs>
              <Text size="xs" c="dimmed">
                © OpenStreetMap
              </Text>
            </Group>
            {!district && cityGeo.data && (
              <ChoroplethMap
                geo={cityGeo.data}
                values={districtCounts}
                seriesName={t('reports.requests')}
                label={t('reports.mapLabel')}
                testId="district-choropleth"
                onSelect={(code) => {
                  const d = r.districts.find((x) => x.code === code);
                  if (d) setDistrict({ id: d.id, name: d.name });
                }}
              />
            )}
            {district && districtGeo.data && districtGeo.data.features.length > 0 && (
              <ChoroplethMap geo={districtGeo.data} values={neighbourhoodCounts} seriesName={t('reports.requests')} label={t('reports.neighbourhoodMapLabel', { district: district.name })} testId="neighbourhood-choropleth" />
            )}
            {district && districtGeo.data && districtGeo.data.features.length === 0 && <Text c="dimmed">{t('reports.noNeighbourhoodMap')}</Text>}
          </Paper>
          <Panel title={district ? t('reports.neighbourhoodsOf', { district: district.name }) : t('reports.districts')}>
            <PlaceTable r={r} district={district} onDistrict={(d) => setDistrict(d)} />
          </Panel>
        </SimpleGrid>
      )}
      {r && <Charts r={r} local={local} />}
      {r && <UnitLeague r={r} local={local} />}
    </Stack>
  );
}

function Headline({ r }: { r: Report }) {
  const { t } = useTranslation();
  const n = (x: number) => x.toLocaleString();
  const delta = (x: number | undefined) => (x === undefined ? undefined : t('reports.change', { change: `${x > 0 ? '+' : ''}${n(x)}`, period: r.compare?.period.label }));
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 7 }}>
      <Stat label={t('reports.offered')} value={n(r.offered)} change={delta(r.change?.offered)} testId="report-offered" />
      <Stat label={t('reports.answered')} value={n(r.answered)} change={delta(r.change?.answered)} testId="report-answered" />
      <Stat
        label={t('reports.answerRate')}
        value={formatPercent(r.answerRate, 2)}
        change={r.change?.answerRatePoints == null ? undefined : t('reports.points', { points: `${r.change.answerRatePoints >= 0 ? '+' : ''}${r.change.answerRatePoints.toFixed(2)}`, period: r.compare?.period.label })}
        testId="report-answer-rate"
      />
      <Stat label={t('reports.instant')} value={n(r.instant)} change={delta(r.change?.instant)} testId="report-instant" />
      <Stat label={t('reports.routed')} value={n(r.routed)} change={delta(r.change?.routed)} testId="report-routed" />
      <Stat label={t('reports.requests')} value={n(r.requests)} change={delta(r.change?.requests)} />
      <Stat label={t('reports.satisfaction')} value={r.satisfaction.average === null ? '—' : `${r.satisfaction.average.toFixed(2)} / 5`} change={t('reports.answers', { n: n(r.satisfaction.count) })} />
    </SimpleGrid>
  );
}

function PlaceTable({ r, district, onDistrict }: { r: Report; district: { id: number } | null; onDistrict: (d: { id: number; name: string }) => void }) {
  const { t } = useTranslation();
  const rows = district ? r.neighbourhoods.slice(0, 25) : r.districts;
  return (
    <Table striped withTableBorder data-testid={district ? 'neighbourhood-table' : 'district-table'}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{district ? t('reports.neighbourhood') : t('reports.district')}</Table.Th>
          <Table.Th ta="right">{t('reports.requests')}</Table.Th>
          <Table.Th ta="right">{t('reports.share')}</Table.Th>
          {!district && <Table.Th ta="right">{t('reports.perThousand')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              {district ? (
                p.name
              ) : (
                <UnstyledButton onClick={() => onDistrict({ id: p.id, name: p.name })} c="blue">
                  {p.name}
                </UnstyledButton>
              )}
            </Table.Td>
            <Table.Td ta="right">{p.count.toLocaleString()}</Table.Td>
            <Table.Td ta="right">{formatPercent(p.share)}</Table.Td>
            {!district && <Table.Td ta="right">{'perThousand' in p && typeof p.perThousand === 'number' ? p.perThousand.toFixed(1) : '—'}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Charts({ r, local }: { r: Report; local: (x: { name: string; nameEn: string }) => string }) {
  const { t } = useTranslation();
  const trend = useMemo<ChartOptions>(
    () => ({
      grid: { left: 60, right: 50, top: 36, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: r.months.map((m) => m.month) },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: [
        { name: t('reports.offered'), type: 'bar', data: r.months.map((m) => m.offered), itemStyle: { color: '#a5d8ff' } },
        { name: t('reports.answered'), type: 'bar', data: r.months.map((m) => m.answered), itemStyle: { color: '#1c7ed6' } },
        { name: t('reports.requests'), type: 'line', yAxisIndex: 1, data: r.months.map((m) => m.requests), itemStyle: { color: '#f08c00' } },
      ],
    }),
    [r, t],
  );
  const heat = useMemo<ChartOptions>(() => {
    const days = t('reports.weekdays').split(',');
    const data = r.heat.flatMap((row, d) => row.map((v, h) => [h, d, v]));
    return {
      grid: { left: 50, right: 20, top: 10, bottom: 60 },
      tooltip: { position: 'top' },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: Math.max(1, ...r.heat.flat()), orient: 'horizontal', left: 'center', bottom: 0, calculable: true, inRange: { color: ['#f8f9fa', '#74c0fc', '#1864ab'] } },
      series: [{ name: t('reports.offered'), type: 'heatmap', data }],
    };
  }, [r, t]);
  const topics = useMemo(() => topicsChart(r.topics.slice(0, 15), local, t('reports.requests')), [r, t, local]);
  const channels = useMemo<ChartOptions>(
    () => ({
      grid: { left: 100, right: 30, top: 10, bottom: 20 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: r.channels.map((c) => (isChannel(c.channel) ? t(`reports.channels.${c.channel}`) : c.channel)) },
      series: [{ name: t('reports.requests'), type: 'bar', data: r.channels.map((c) => c.count), itemStyle: { color: '#2f9e44' } }],
    }),
    [r, t],
  );
  const satisfaction = useMemo<ChartOptions>(
    () => ({
      grid: { left: 40, right: 20, top: 10, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('reports.answersLabel'), type: 'bar', data: r.satisfaction.distribution, itemStyle: { color: '#f08c00' } }],
    }),
    [r, t],
  );
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <ChartPanel title={t('reports.trend')} options={trend} testId="report-trend" />
      <ChartPanel title={t('reports.heat')} options={heat} testId="report-heat" />
      <ChartPanel title={t('reports.topics')} options={topics} testId="report-topics" height={420} />
      <Stack>
        <ChartPanel title={t('reports.channelsTitle')} options={channels} height={180} />
        <ChartPanel title={t('reports.satisfactionTitle')} options={satisfaction} height={200} />
      </Stack>
    </SimpleGrid>
  );
}

function UnitLeague({ r, local }: { r: Report; local: (x: { name: string; nameEn: string }) => string }) {
  const { t } = useTranslation();
  // The league: best share on time first; units with nothing resolved last.
  const league = [...r.units].sort((a, b) => (b.onTimeShare ?? -1) - (a.onTimeShare ?? -1) || b.count - a.count);
  return (
    <Panel title={t('reports.league')}>
      <Table striped withTableBorder data-testid="unit-league">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('reports.unit')}</Table.Th>
            <Table.Th ta="right">{t('reports.requests')}</Table.Th>
            <Table.Th ta="right">{t('reports.resolved')}</Table.Th>
            <Table.Th ta="right">{t('reports.median')}</Table.Th>
            <Table.Th ta="right">{t('reports.p90')}</Table.Th>
            <Table.Th w={220}>{t('reports.onTime')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {league.map((u, i) => (
            <Table.Tr key={u.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{local(u)}</Table.Td>
              <Table.Td ta="right">{u.count.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{u.resolved.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{hoursText(u.medianHours, t)}</Table.Td>
              <Table.Td ta="right">{hoursText(u.p90Hours, t)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Progress value={(u.onTimeShare ?? 0) * 100} color={(u.onTimeShare ?? 0) >= 0.8 ? 'green' : (u.onTimeShare ?? 0) >= 0.6 ? 'yellow' : 'red'} w={120} aria-hidden />
                  <Badge variant="light" color="gray">
                    {formatPercent(u.onTimeShare)}
                  </Badge>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Panel>
  );
}
