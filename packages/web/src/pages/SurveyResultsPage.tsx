/**
 * A survey's results: one chart per question (choices counted, the spread of a scale with its
 * average), the latest free-text answers, filters by district, channel and dates, and the CSV.
 */
import { useMemo, useState } from 'react';
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RESPONSE_CHANNELS, type ResponseChannel } from '@cozum/domain';
import { listDistricts } from '../api/places';
import { csvUrl, getResults, type QuestionResult, type ResultFilter } from '../api/surveys';
import { EChart, type ChartOptions } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDate, isIsoDate } from '../dates';
import { useLoad } from '../hooks/useLoad';
import { linkProps, matchPath, useRoute } from '../router';
import { DateField } from '../components/DateField';


export default function SurveyResultsPage() {
  const { t } = useTranslation();
  const { path } = useRoute();
  const id = Number(matchPath('/surveys/:id', path)?.id);
  const districts = useLoad(() => listDistricts(), []);
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: ResultFilter = { districtId: districtId ? Number(districtId) : null, channel, from: isIsoDate(from) ? from : null, to: isIsoDate(to) ? to : null };
  const results = useLoad(() => getResults(id, filter), [id, districtId, channel, filter.from, filter.to]);
  const data = results.data;

  return (
    <>
      <PageHeader
        title={data ? data.survey.titleTr : t('surveys.results.title')}
        action={
          <Button component="a" href={csvUrl(id, filter)} download variant="light">
            {t('surveys.results.csv')}
          </Button>
        }
      />
      <Anchor {...linkProps('/surveys')} size="sm">
        {t('surveys.results.back')}
      </Anchor>
      <Group my="md" align="flex-end">
        <Select label={t('surveys.results.district')} data={(districts.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))} value={districtId} onChange={setDistrictId} clearable searchable placeholder={t('common.all')} />
        <Select label={t('surveys.results.channel')} data={RESPONSE_CHANNELS.map((c) => ({ value: c, label: t(`surveys.channels.${c}`) }))} value={channel} onChange={setChannel} clearable placeholder={t('common.all')} />
        <DateField label={t('surveys.results.from')} value={from} onChange={setFrom} clearable w={150} />
        <DateField label={t('surveys.results.to')} value={to} onChange={setTo} clearable w={150} />
      </Group>
      <ErrorAlert error={results.error} />
      {data && (
        <Stack>
          <Text data-testid="survey-total">{t('surveys.results.total', { count: data.total })}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CountPanel title={t('surveys.results.byChannel')} rows={data.channels.map((c) => ({ key: c.channel, label: t(`surveys.channels.${c.channel}` as `surveys.channels.${ResponseChannel}`, { defaultValue: c.channel }), count: c.count }))} />
            <CountPanel title={t('surveys.results.byDistrict')} rows={data.districts.map((d) => ({ key: d.district ?? '-', label: d.district ?? t('common.none'), count: d.count }))} />
          </SimpleGrid>
          {data.questions.map((q) => (
            <QuestionPanel key={q.id} question={q} />
          ))}
        </Stack>
      )}
    </>
  );
}

function QuestionPanel({ question: q }: { question: QuestionResult }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const rows = q.kind === 'scale' ? q.scale.map((s) => ({ label: String(s.value), count: s.count })) : q.options.map((o) => ({ label: en && o.labelEn ? o.labelEn : o.labelTr, count: o.count }));
  const options = useMemo<ChartOptions>(
    () => ({
      grid: { left: q.kind === 'scale' ? 40 : 140, right: 24, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      ...(q.kind === 'scale'
        ? { xAxis: { type: 'category', data: rows.map((r) => r.label), name: t('surveys.results.score') }, yAxis: { type: 'value', minInterval: 1 } }
        : { yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true }, xAxis: { type: 'value', minInterval: 1 } }),
      series: [{ name: t('surveys.results.answers'), type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#1c7ed6' }, label: { show: true, position: q.kind === 'scale' ? 'top' : 'right' } }],
    }),
    [q, rows, t],
  );
  return (
    <Paper withBorder p="md" data-testid={`question-${q.position}`}>
      <Title order={2} size="h4">
        {q.position}. {en && q.textEn ? q.textEn : q.textTr}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('surveys.results.answered', { count: q.answered })}
        {q.average !== null && ` · ${t('surveys.results.average', { value: q.average.toLocaleString(i18n.language) })}`}
      </Text>
      {q.kind === 'text' ? (
        <Stack gap={4}>
          {q.texts.length === 0 && <Text c="dimmed">{t('surveys.results.noText')}</Text>}
          {q.texts.map((x, n) => (
            <Text key={n} size="sm">
              “{x.text}” <Text span size="xs" c="dimmed">{formatDate(x.at, i18n.language)}</Text>
            </Text>
          ))}
        </Stack>
      ) : (
        <>
          <EChart options={options} height={Math.max(180, rows.length * 36 + 60)} label={t('surveys.results.chartLabel', { question: q.textTr })} />
          <CountTable rows={rows.map((r) => ({ key: r.label, ...r }))} mt="xs" />
        </>
      )}
    </Paper>
  );
}

type CountRow = { key: string; label: string; count: number };

function CountPanel({ title, rows }: { title: string; rows: CountRow[] }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      <CountTable rows={rows} />
    </Paper>
  );
}

/** How many answers each channel, district or choice had, one row each. */
function CountTable({ rows, mt }: { rows: CountRow[]; mt?: string }) {
  return (
    <Table mt={mt}>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{r.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
