/**
 * Surveys for supervisors and admins: the list, the editor (single and multiple choice, scale,
 * free text; campaigns targeted by district), opening and closing, and links to hand out.
 */
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Checkbox, Code, Group, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listDistricts } from '../api/places';
import { can } from '../api/roles';
import { createLinks, createSurvey, listSurveys, setSurveyStatus, updateSurvey, type QuestionInput, type QuestionKind, type Survey, type SurveyInput, type SurveyKind } from '../api/surveys';
import { ErrorAlert } from '../components/ErrorAlert';
import { ModalButtons } from '../components/FormButtons';
import { PageHeader } from '../components/PageHeader';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { useUser } from '../hooks/useSession';
import { linkProps } from '../router';

const KINDS: QuestionKind[] = ['single', 'multiple', 'scale', 'text'];

const blankQuestion = (kind: QuestionKind = 'single'): QuestionInput => ({ kind, textTr: '', textEn: '', options: kind === 'single' || kind === 'multiple' ? [{ tr: '' }, { tr: '' }] : [], scaleMin: 1, scaleMax: 5, required: true, overall: false });

const blankSurvey = (kind: SurveyKind): SurveyInput => ({
  kind,
  titleTr: '',
  titleEn: '',
  introTr: '',
  districtIds: [],
  questions: kind === 'satisfaction' ? [{ ...blankQuestion('scale'), overall: true }] : [blankQuestion()],
});

export default function SurveysPage() {
  const { t } = useTranslation();
  const surveys = useLoad(() => listSurveys(), []);
  const districts = useLoad(() => listDistricts(), []);
  const [editing, setEditing] = useState<{ id: number | null; input: SurveyInput } | null>(null);
  const [links, setLinks] = useState<{ survey: Survey; urls: string[] } | null>(null);
  const { run, failure: error } = useAction();

  // Auditors read the surveys and their results; writing them is for admins and supervisors.
  const canManage = can(useUser().role, 'surveys.manage');
  const districtName = (id: number) => districts.data?.find((d) => d.id === id)?.name ?? String(id);

  const changeStatus = (survey: Survey, status: Survey['status']) =>
    run(async () => {
      await setSurveyStatus(survey.id, status);
      surveys.reload();
    });

  const makeLinks = (survey: Survey) =>
    run(async () => {
      const made = await createLinks(survey.id, 10, null);
      setLinks({ survey, urls: made.map((l) => l.url) });
    });

  return (
    <>
      <PageHeader
        title={t('surveys.title')}
        action={
          canManage && (
          <Group>
            <Button variant="light" onClick={() => setEditing({ id: null, input: blankSurvey('satisfaction') })}>
              {t('surveys.newSatisfaction')}
            </Button>
            <Button onClick={() => setEditing({ id: null, input: blankSurvey('campaign') })}>{t('surveys.newCampaign')}</Button>
          </Group>
          )
        }
      />
      <Text mb="md">{t('surveys.intro')}</Text>
      <ErrorAlert error={error ?? surveys.error} />
      {links && (
        <Alert color="teal" title={t('surveys.linksTitle', { title: links.survey.titleTr })} withCloseButton onClose={() => setLinks(null)} mb="md">
          <Stack gap={4}>
            {links.urls.map((url) => (
              <Code key={url}>{url}</Code>
            ))}
          </Stack>
        </Alert>
      )}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('surveys.survey')}</Table.Th>
            <Table.Th>{t('surveys.kind')}</Table.Th>
            <Table.Th>{t('surveys.districts')}</Table.Th>
            <Table.Th>{t('surveys.status')}</Table.Th>
            <Table.Th>{t('surveys.responses')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(surveys.data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <a {...linkProps(`/surveys/${s.id}`)}>{s.titleTr}</a>
                <Text size="xs" c="dimmed">{t('surveys.questionCount', { count: s.questions.length })}</Text>
              </Table.Td>
              <Table.Td>{t(`surveys.kinds.${s.kind}`)}</Table.Td>
              <Table.Td>{s.districtIds.length ? s.districtIds.map(districtName).join(', ') : t('surveys.allDistricts')}</Table.Td>
              <Table.Td>
                <Badge color={s.status === 'active' ? 'teal' : s.status === 'draft' ? 'gray' : 'dark'}>{t(`surveys.statuses.${s.status}`)}</Badge>
              </Table.Td>
              <Table.Td>{s.responses}</Table.Td>
              <Table.Td>
                {canManage && (
                <Group gap="xs" justify="flex-end">
                  {s.responses === 0 && (
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ id: s.id, input: { kind: s.kind, titleTr: s.titleTr, titleEn: s.titleEn, introTr: s.introTr, introEn: s.introEn, districtIds: s.districtIds, questions: s.questions.map(({ id: _id, position: _p, ...q }) => q) } })}>
                      {t('surveys.edit')}
                    </Button>
                  )}
                  {s.status !== 'active' && (
                    <Button size="compact-sm" variant="light" onClick={() => void changeStatus(s, 'active')}>
                      {t('surveys.open')}
                    </Button>
                  )}
                  {s.status === 'active' && (
                    <Button size="compact-sm" variant="light" color="dark" onClick={() => void changeStatus(s, 'closed')}>
                      {t('surveys.close')}
                    </Button>
                  )}
                  {s.kind === 'campaign' && s.status !== 'closed' && (
                    <Button size="compact-sm" variant="subtle" onClick={() => void makeLinks(s)}>
                      {t('surveys.makeLinks')}
                    </Button>
                  )}
                </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <SurveyEditor
          id={editing.id}
          initial={editing.input}
          districts={(districts.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            surveys.reload();
          }}
        />
      )}
    </>
  );
}

function SurveyEditor({ id, initial, districts, onClose, onSaved }: { id: number | null; initial: SurveyInput; districts: { value: string; label: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<SurveyInput>(initial);
  const { run, busy, failure, fieldError } = useAction();

  const setQuestion = (n: number, change: Partial<QuestionInput>) => setInput({ ...input, questions: input.questions.map((q, k) => (k === n ? { ...q, ...change } : q)) });

  const save = () =>
    run(async () => {
      const body: SurveyInput = {
        ...input,
        titleEn: input.titleEn?.trim() || null,
        introTr: input.introTr?.trim() || null,
        introEn: input.introEn?.trim() || null,
        questions: input.questions.map((q) => ({ ...q, textEn: q.textEn?.trim() || null, options: q.kind === 'single' || q.kind === 'multiple' ? q.options : [], scaleMin: q.kind === 'scale' ? q.scaleMin : null, scaleMax: q.kind === 'scale' ? q.scaleMax : null })),
      };
      if (id === null) await createSurvey(body);
      else await updateSurvey(id, body);
      onSaved();
    });

  return (
    <Modal opened onClose={onClose} size="xl" title={t(id === null ? 'surveys.editor.new' : 'surveys.editor.edit', { kind: t(`surveys.kinds.${input.kind}`) })}>
      <Stack>
        <TextInput label={t('surveys.editor.titleTr')} value={input.titleTr} onChange={(e) => setInput({ ...input, titleTr: e.currentTarget.value })} withAsterisk error={fieldError('titleTr')} />
        <TextInput label={t('surveys.editor.titleEn')} value={input.titleEn ?? ''} onChange={(e) => setInput({ ...input, titleEn: e.currentTarget.value })} />
        <Textarea label={t('surveys.editor.intro')} value={input.introTr ?? ''} onChange={(e) => setInput({ ...input, introTr: e.currentTarget.value })} autosize minRows={2} />
        {input.kind === 'campaign' && (
          <MultiSelect label={t('surveys.editor.districts')} description={t('surveys.editor.districtsHint')} data={districts} value={(input.districtIds ?? []).map(String)} onChange={(v) => setInput({ ...input, districtIds: v.map(Number) })} searchable clearable error={fieldError('districtIds')} />
        )}
        {input.questions.map((q, n) => (
          <Paper key={n} withBorder p="sm">
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} size="h5">
                  {t('surveys.editor.question', { n: n + 1 })}
                </Title>
                <ActionIcon variant="subtle" color="red" aria-label={t('surveys.editor.removeQuestion', { n: n + 1 })} disabled={q.overall} onClick={() => setInput({ ...input, questions: input.questions.filter((_, k) => k !== n) })}>
                  ×
                </ActionIcon>
              </Group>
              <Group grow>
                <Select label={t('surveys.editor.kind')} data={KINDS.map((k) => ({ value: k, label: t(`surveys.questionKinds.${k}`) }))} value={q.kind} disabled={q.overall} onChange={(v) => v && setQuestion(n, { ...blankQuestion(v as QuestionKind), textTr: q.textTr, textEn: q.textEn })} />
                <Checkbox mt="xl" label={t('surveys.editor.required')} checked={q.required !== false} onChange={(e) => setQuestion(n, { required: e.currentTarget.checked })} />
              </Group>
              <TextInput label={t('surveys.editor.textTr')} value={q.textTr} onChange={(e) => setQuestion(n, { textTr: e.currentTarget.value })} withAsterisk error={fieldError(`questions.${n}.textTr`)} />
              <TextInput label={t('surveys.editor.textEn')} value={q.textEn ?? ''} onChange={(e) => setQuestion(n, { textEn: e.currentTarget.value })} />
              {q.overall && <Text size="xs" c="dimmed">{t('surveys.editor.overall')}</Text>}
              {q.kind === 'scale' && (
                <Group grow>
                  <NumberInput label={t('surveys.editor.scaleMin')} min={0} max={10} value={q.scaleMin ?? 1} disabled={q.overall} onChange={(v) => setQuestion(n, { scaleMin: Number(v) })} />
                  <NumberInput label={t('surveys.editor.scaleMax')} min={0} max={10} value={q.scaleMax ?? 5} disabled={q.overall} onChange={(v) => setQuestion(n, { scaleMax: Number(v) })} error={fieldError(`questions.${n}.scaleMax`)} />
                </Group>
              )}
              {(q.kind === 'single' || q.kind === 'multiple') && (
                <Stack gap={4}>
                  {(q.options ?? []).map((o, k) => (
                    <Group key={k} gap="xs" wrap="nowrap">
                      <TextInput style={{ flex: 1 }} aria-label={t('surveys.editor.choice', { n: k + 1 })} placeholder={t('surveys.editor.choice', { n: k + 1 })} value={o.tr} onChange={(e) => setQuestion(n, { options: (q.options ?? []).map((x, j) => (j === k ? { ...x, tr: e.currentTarget.value } : x)) })} error={fieldError(`questions.${n}.options.${k}.tr`)} />
                      <ActionIcon variant="subtle" color="red" aria-label={t('surveys.editor.removeChoice', { n: k + 1 })} onClick={() => setQuestion(n, { options: (q.options ?? []).filter((_, j) => j !== k) })}>
                        ×
                      </ActionIcon>
                    </Group>
                  ))}
                  {fieldError(`questions.${n}.options`) && <Text size="xs" c="red">{fieldError(`questions.${n}.options`)}</Text>}
                  <Button size="compact-sm" variant="subtle" onClick={() => setQuestion(n, { options: [...(q.options ?? []), { tr: '' }] })}>
                    {t('surveys.editor.addChoice')}
                  </Button>
                </Stack>
              )}
            </Stack>
          </Paper>
        ))}
        <Button variant="light" onClick={() => setInput({ ...input, questions: [...input.questions, blankQuestion()] })}>
          {t('surveys.editor.addQuestion')}
        </Button>
        <ErrorAlert error={failure} />
        <ModalButtons onCancel={onClose} onSave={save} busy={busy} />
      </Stack>
    </Modal>
  );
}
