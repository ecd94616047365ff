import { useMemo, useState } from 'react';
import { Anchor, Button, Container, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { getDistrictGeo, getTransparency, openDataUrl } from '../api/reports';
import { ChoroplethMap } from '../components/ChoroplethMap';
import type { ChartOptions } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { hoursText } from '../components/hoursText';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ChartPanel, Panel } from '../components/Panel';
import { Stat } from '../components/Stat';
import { topicsChart } from '../components/topicsChart';
import { formatPercent } from '../figures';
import { useLoad } from '../hooks/useLoad';
import { linkProps } from '../router';

/** The public transparency page: the centre's yearly figures and open data, without signing in. */
export default function TransparencyPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(`${t('transparency.title')} · ${t('app.name')}`);
  const english = i18n.resolvedLanguage === 'en';
  const local = (x: { name: string; nameEn: string }) => (english ? x.nameEn : x.name);
  const [year, setYear] = useState<number | undefined>();
  const figures = useLoad(() => getTransparency(year), [year]);
  const geo = useLoad(getDistrictGeo, []);
  const f = figures.data;
  const districtCounts = useMemo(() => new Map((f?.districts ?? []).map((d) => [d.code, d.count])), [f]);
  const n = (x: number) => x.toLocaleString();

  const months = useMemo<ChartOptions>(
    () => ({
      grid: { left: 60, right: 20, top: 36, bottom: 30 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: (f?.months ?? []).map((m) => m.month) },
      yAxis: { type: 'value' },
      series: [
        { name: t('reports.answered'), type: 'bar', data: (f?.months ?? []).map((m) => m.answered), itemStyle: { color: '#1c7ed6' } },
        { name: t('reports.requests'), type: 'bar', data: (f?.months ?? []).map((m) => m.requests), itemStyle: { color: '#f08c00' } },
      ],
    }),
    [f, t],
  );
  // `local` follows the language, which `t` also follows.
  const topics = useMemo(() => topicsChart(f?.topicGroups ?? [], local, t('reports.requests')), [f, t]);

  return (
    <Container size="xl" py="md">
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('transparency.title')}</Title>
        <Group>
          <LanguageSwitch />
          <Anchor {...linkProps('/')}>{t('transparency.staff')}</Anchor>
        </Group>
      </Group>
      <Stack>
        <Text>{t('transparency.intro')}</Text>
        <Group align="flex-end">
          <Select
            label={t('transparency.year')}
            data={(f?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
            value={f ? String(f.year) : null}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={140}
          />
          {f && (
            <Button component="a" href={openDataUrl(f.year)} download variant="default" data-testid="open-data">
              {t('transparency.download', { year: f.year })}
            </Button>
          )}
        </Group>
        <ErrorAlert error={figures.error} />
        {f && (
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            {[
              [t('reports.offered'), n(f.offered), n(f.previous.offered)],
              [t('reports.answered'), n(f.answered), n(f.previous.answered)],
              [t('reports.answerRate'), formatPercent(f.answerRate, 2), formatPercent(f.previous.answerRate, 2)],
              [t('reports.instant'), n(f.instant), n(f.previous.instant)],
              [t('reports.routed'), n(f.routed), n(f.previous.routed)],
              [t('reports.satisfaction'), f.satisfaction.average === null ? '—' : `${f.satisfaction.average.toFixed(2)} / 5`, t('reports.answers', { n: n(f.satisfaction.count) })],
            ].map(([label, value, before], i) => (
              <Stat key={label} label={label!} value={value!} change={i < 5 ? t('transparency.before', { year: f.previous.year, value: before }) : before} testId={`transparency-figure-${i}`} />
            ))}
          </SimpleGrid>
        )}
        {f && (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartPanel title={t('reports.trend')} options={months} />
            <ChartPanel title={t('reports.topics')} options={topics} height={420} />
            <Panel
              title={t('reports.districts')}
              aside={
                <Text size="xs" c="dimmed">
                  {geo.data?.attribution}
                </Text>
              }
            >
              {geo.data && <ChoroplethMap geo={geo.data} values={districtCounts} seriesName={t('reports.requests')} label={t('reports.mapLabel')} testId="transparency-map" />}
            </Panel>
            <Panel title={t('reports.league')}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.unit')}</Table.Th>
                    <Table.Th ta="right">{t('reports.requests')}</Table.Th>
                    <Table.Th ta="right">{t('reports.median')}</Table.Th>
                    <Table.Th ta="right">{t('reports.onTime')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {f.units.map((u) => (
                    <Table.Tr key={u.code}>
                      <Table.Td>{local(u)}</Table.Td>
                      <Table.Td ta="right">{n(u.count)}</Table.Td>
                      <Table.Td ta="right">{hoursText(u.medianHours, t)}</Table.Td>
                      <Table.Td ta="right">{formatPercent(u.onTimeShare)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Panel>
          </SimpleGrid>
        )}
        <Text size="sm" c="dimmed">
          {t('transparency.privacy')}
        </Text>
      </Stack>
    </Container>
  );
}
