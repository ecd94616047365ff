import { useState } from 'react';
import { Button, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldBootstrap } from '../../api/field';
import { answersOf, SurveyQuestions } from '../survey/SurveyQuestions';
import { useSurveyAnswers } from '../survey/useSurveyAnswers';
import type { Enqueue } from './useQueue';
import type { FieldVisit } from './visits';

/** A survey answered with a citizen on the spot, queued; only the surveys meant for the visit's district. */
export function SurveyTab({ data, visit, onQueue }: { data: FieldBootstrap; visit: FieldVisit | null; onQueue: Enqueue }) {
  const { t, i18n } = useTranslation();
  const surveys = data.surveys.filter((s) => !visit || !s.districtIds.length || s.districtIds.includes(visit.districtId));
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const { answers, setAnswers, errors, check, reset } = useSurveyAnswers();
  const survey = surveys.find((s) => String(s.id) === surveyId) ?? null;
  const titleOf = (s: (typeof surveys)[number]) => (i18n.language === 'en' && s.titleEn ? s.titleEn : s.titleTr);

  async function submit() {
    if (!survey || !check(survey.questions)) return;
    await onQueue({ kind: 'answer', label: titleOf(survey), path: `/surveys/${survey.id}/responses`, body: { channel: 'field', visitId: visit?.id ?? null, districtId: visit?.districtId ?? null, answers: answersOf(answers) } });
    setAnswers({});
  }

  if (!surveys.length) return <Text c="dimmed">{t('field.survey.none')}</Text>;
  return (
    <Stack gap="sm">
      <Select label={t('field.survey.pick')} allowDeselect={false} data={surveys.map((s) => ({ value: String(s.id), label: titleOf(s) }))} value={surveyId} onChange={(v) => { setSurveyId(v); reset(); }} />
      {survey && (
        <>
          <SurveyQuestions questions={survey.questions} answers={answers} onChange={setAnswers} errors={errors} />
          <Button onClick={() => void submit()}>{t('field.survey.save')}</Button>
        </>
      )}
    </Stack>
  );
}
