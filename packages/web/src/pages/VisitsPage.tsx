/**
 * Visit planning for the Mobile Solution Bus and field teams: the teams, the visits of a period
 * across the districts (with a chart of visits per district), and the report of each visit.
 */
import { useMemo, useState } from 'react';
import { Badge, Button, Group, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { createTeam, createVisit, listFieldStaff, getVisitReport, listTeams, listVisits, updateVisit, type Visit, type VisitInput } from '../api/field';
import { listDistricts, listNeighbourhoods } from '../api/places';
import { EChart, type ChartOptions } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { ModalButtons } from '../components/FormButtons';
import { PageHeader } from '../components/PageHeader';
import { isIsoDate } from '../dates';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { cityDate } from '../clock';
import { DateField } from '../components/DateField';

export default function VisitsPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(cityDate(-7));
  const [to, setTo] = useState(cityDate(30));
  const valid = isIsoDate(from) && isIsoDate(to);
  const visits = useLoad(() => (valid ? listVisits({ from, to }) : Promise.resolve([])), [from, to, valid]);
  const teams = useLoad(() => listTeams(), []);
  const districts = useLoad(() => listDistricts(), []);
  const [editing, setEditing] = useState<{ id: number | null; input: VisitInput } | null>(null);
  const [newTeam, setNewTeam] = useState(false);
  const [reportOf, setReportOf] = useState<number | null>(null);
  const { run, failure: error } = useAction();

  const perDistrict = useMemo(() => {
    const counts = new Map((districts.data ?? []).map((d) => [d.name, { planned: 0, done: 0, requests: 0 }]));
    for (const v of visits.data ?? []) {
      const entry = counts.get(v.districtName) ?? { planned: 0, done: 0, requests: 0 };
      if (v.status === 'done') entry.done++;
      else if (v.status === 'planned') entry.planned++;
      entry.requests += v.requests;
      counts.set(v.districtName, entry);
    }
    return [...counts.entries()].map(([name, c]) => ({ name, ...c }));
  }, [visits.data, districts.data]);
  const chart = useMemo<ChartOptions>(
    () => ({
      grid: { left: 40, right: 16, top: 36, bottom: 80 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: perDistrict.map((d) => d.name), axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('field.visits.planned'), type: 'bar', stack: 'visits', data: perDistrict.map((d) => d.planned), itemStyle: { color: '#74c0fc' } },
        { name: t('field.visits.done'), type: 'bar', stack: 'visits', data: perDistrict.map((d) => d.done), itemStyle: { color: '#2f9e44' } },
        { name: t('field.visits.requestsTaken'), type: 'line', data: perDistrict.map((d) => d.requests), itemStyle: { color: '#e8590c' } },
      ],
    }),
    [perDistrict, t],
  );

  const setStatus = (v: Visit, status: Visit['status']) =>
    run(async () => {
      await updateVisit(v.id, { teamId: v.teamId, districtId: v.districtId, neighbourhoodId: v.neighbourhoodId, place: v.place, visitDate: v.visitDate, notes: v.notes, status });
      visits.reload();
    });

  return (
    <>
      <PageHeader
        title={t('field.visits.title')}
        action={
          <Group>
            <Button variant="light" onClick={() => setNewTeam(true)}>
              {t('field.visits.newTeam')}
            </Button>
            <Button disabled={!teams.data?.length} onClick={() => setEditing({ id: null, input: { teamId: teams.data![0]!.id, districtId: districts.data?.[0]?.id ?? 0, place: '', visitDate: cityDate(1) } })}>
              {t('field.visits.new')}
            </Button>
          </Group>
        }
      />
      <Text mb="md">{t('field.visits.intro')}</Text>
      <Group mb="md">
        <DateField label={t('field.visits.from')} value={from} onChange={setFrom} w={150} />
        <DateField label={t('field.visits.to')} value={to} onChange={setTo} w={150} />
        <Text size="sm" c="dimmed" mt="lg">
          {t('field.visits.teams', { names: (teams.data ?? []).map((x) => `${x.name} (${x.members.map((m) => m.displayName).join(', ') || '—'})`).join('; ') || '—' })}
        </Text>
      </Group>
      <ErrorAlert error={error ?? visits.error ?? teams.error} />
      <Paper withBorder p="md" mb="md">
        <Title order={2} size="h5">
          {t('field.visits.perDistrict')}
        </Title>
        <EChart options={chart} height={300} label={t('field.visits.perDistrict')} />
      </Paper>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.visits.date')}</Table.Th>
            <Table.Th>{t('field.visits.team')}</Table.Th>
            <Table.Th>{t('field.visits.where')}</Table.Th>
            <Table.Th>{t('field.visits.status')}</Table.Th>
            <Table.Th>{t('field.visits.taken')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(visits.data ?? []).map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.visitDate}</Table.Td>
              <Table.Td>{v.teamName}</Table.Td>
              <Table.Td>
                {v.districtName}
                {v.neighbourhoodName ? ` / ${v.neighbourhoodName}` : ''} · {v.place}
              </Table.Td>
              <Table.Td>
                <Badge color={v.status === 'done' ? 'teal' : v.status === 'cancelled' ? 'gray' : 'blue'}>{t(`field.visits.statuses.${v.status}`)}</Badge>
              </Table.Td>
              <Table.Td>{t('field.visits.takenCount', { requests: v.requests, answers: v.answers })}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="compact-sm" variant="subtle" onClick={() => setReportOf(v.id)}>
                    {t('field.visits.report')}
                  </Button>
                  {v.status === 'planned' && (
                    <>
                      <Button size="compact-sm" variant="light" onClick={() => void setStatus(v, 'done')}>
                        {t('field.visits.markDone')}
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="gray" onClick={() => void setStatus(v, 'cancelled')}>
                        {t('field.visits.cancel')}
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && teams.data && districts.data && (
        <VisitForm
          initial={editing.input}
          teams={teams.data.filter((x) => x.active).map((x) => ({ value: String(x.id), label: x.name }))}
          districts={districts.data.map((d) => ({ value: String(d.id), label: d.name }))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            visits.reload();
          }}
        />
      )}
      {newTeam && (
        <TeamForm
          onClose={() => setNewTeam(false)}
          onSaved={() => {
            setNewTeam(false);
            teams.reload();
          }}
        />
      )}
      {reportOf !== null && <VisitReportModal id={reportOf} onClose={() => setReportOf(null)} />}
    </>
  );
}

function VisitForm({ initial, teams, districts, onClose, onSaved }: { initial: VisitInput; teams: { value: string; label: string }[]; districts: { value: string; label: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<VisitInput>(initial);
  const hoods = useLoad(() => (input.districtId ? listNeighbourhoods(input.districtId) : Promise.resolve([])), [input.districtId]);
  const { run, failure, fieldError } = useAction();

  const save = () =>
    run(async () => {
      await createVisit(input);
      onSaved();
    });

  return (
    <Modal opened onClose={onClose} title={t('field.visits.new')}>
      <Stack>
        <Select label={t('field.visits.team')} data={teams} value={String(input.teamId)} onChange={(v) => v && setInput({ ...input, teamId: Number(v) })} error={fieldError('teamId')} />
        <Select label={t('field.visits.district')} data={districts} searchable value={String(input.districtId)} onChange={(v) => v && setInput({ ...input, districtId: Number(v), neighbourhoodId: null })} error={fieldError('districtId')} />
        <Select label={t('field.visits.neighbourhood')} data={(hoods.data ?? []).map((n) => ({ value: String(n.id), label: n.name }))} searchable clearable value={input.neighbourhoodId ? String(input.neighbourhoodId) : null} onChange={(v) => setInput({ ...input, neighbourhoodId: v ? Number(v) : null })} error={fieldError('neighbourhoodId')} />
        <TextInput label={t('field.visits.place')} value={input.place} onChange={(e) => setInput({ ...input, place: e.currentTarget.value })} withAsterisk error={fieldError('place')} />
        <DateField label={t('field.visits.date')} value={input.visitDate} onChange={(visitDate) => setInput({ ...input, visitDate })} withAsterisk error={fieldError('visitDate')} />
        <ErrorAlert error={failure} />
        <ModalButtons onCancel={onClose} onSave={save} />
      </Stack>
    </Modal>
  );
}

function TeamForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const staff = useLoad(() => listFieldStaff(), []);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'bus' | 'field'>('bus');
  const [members, setMembers] = useState<string[]>([]);
  const { run, failure, fieldError } = useAction();

  const save = () =>
    run(async () => {
      await createTeam({ name, kind, memberIds: members.map(Number) });
      onSaved();
    });

  return (
    <Modal opened onClose={onClose} title={t('field.visits.newTeam')}>
      <Stack>
        <TextInput label={t('field.visits.teamName')} value={name} onChange={(e) => setName(e.currentTarget.value)} withAsterisk error={fieldError('name')} />
        <Select label={t('field.visits.teamKind')} data={[{ value: 'bus', label: t('field.visits.kinds.bus') }, { value: 'field', label: t('field.visits.kinds.field') }]} value={kind} onChange={(v) => v && setKind(v as 'bus' | 'field')} />
        <MultiSelect label={t('field.visits.members')} data={(staff.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))} value={members} onChange={setMembers} searchable />
        <ErrorAlert error={failure} />
        <ModalButtons onCancel={onClose} onSave={save} />
      </Stack>
    </Modal>
  );
}

function VisitReportModal({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const report = useLoad(() => getVisitReport(id), [id]);
  const data = report.data;
  const chart = useMemo<ChartOptions>(
    () => ({
      grid: { left: 160, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      yAxis: { type: 'category', inverse: true, data: (data?.requests.byCategory ?? []).map((c) => (i18n.language === 'en' ? c.categoryEn : c.categoryTr)) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('field.visits.requestsTaken'), type: 'bar', data: (data?.requests.byCategory ?? []).map((c) => c.count), itemStyle: { color: '#e8590c' }, label: { show: true, position: 'right' } }],
    }),
    [data, i18n.language, t],
  );
  return (
    <Modal opened onClose={onClose} size="lg" title={data ? `${data.visit.visitDate} · ${data.visit.districtName} · ${data.visit.place}` : t('field.visits.report')}>
      <ErrorAlert error={report.error} />
      {data && (
        <Stack>
          <SimpleGrid cols={2}>
            <Paper withBorder p="sm">
              <Text size="sm" c="dimmed">{t('field.visits.requestsTaken')}</Text>
              <Text fz="xl" fw={700} data-testid="report-requests">{data.requests.total}</Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="sm" c="dimmed">{t('field.visits.answersTaken')}</Text>
              <Text fz="xl" fw={700} data-testid="report-answers">{data.answers.total}</Text>
            </Paper>
          </SimpleGrid>
          {data.requests.byCategory.length > 0 && <EChart options={chart} height={Math.max(140, data.requests.byCategory.length * 36 + 40)} label={t('field.visits.byCategory')} />}
          <Table>
            <Table.Tbody>
              {data.requests.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <a href={`/requests/${r.id}`} style={{ whiteSpace: 'nowrap' }}>{r.trackingNo}</a>
                  </Table.Td>
                  <Table.Td>{r.categoryTr}</Table.Td>
                  <Table.Td>{r.status}</Table.Td>
                </Table.Tr>
              ))}
              {data.answers.bySurvey.map((s) => (
                <Table.Tr key={`s${s.surveyId}`}>
                  <Table.Td colSpan={2}>{s.titleTr}</Table.Td>
                  <Table.Td>{t('field.visits.answerCount', { count: s.count })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}
