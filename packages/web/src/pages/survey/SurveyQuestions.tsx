/**
 * A survey's questions as a form: radio buttons for one choice, check boxes for several, a row
 * of numbers for a scale, a text box for free text. Used by the public link page and the field
 * app; `answers` holds what was chosen so far.
 */
import { Checkbox, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answer, Question } from '../../api/surveys';

export type AnswerMap = Record<number, Answer>;

export const answersOf = (map: AnswerMap): Answer[] => Object.values(map).filter((a) => (a.choices?.length ?? 0) > 0 || a.value !== undefined || (a.text ?? '').trim() !== '');

/** The questions still without an answer that need one. */
export const missingAnswers = (questions: Question[], map: AnswerMap): Question[] => questions.filter((q) => q.required && !answersOf(map).some((a) => a.questionId === q.id));

export function SurveyQuestions({ questions, answers, onChange, errors = {} }: { questions: Question[]; answers: AnswerMap; onChange: (next: AnswerMap) => void; errors?: Record<number, string | undefined> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const text = (tr: string, other?: string | null) => (en && other ? other : tr);
  const set = (answer: Answer) => onChange({ ...answers, [answer.questionId]: answer });

  return (
    <Stack gap="lg">
      {questions.map((q) => {
        const label = `${q.position}. ${text(q.textTr, q.textEn)}`;
        const given = answers[q.id];
        const error = errors[q.id];
        if (q.kind === 'single') {
          return (
            <Radio.Group key={q.id} label={label} withAsterisk={q.required} error={error} value={given?.choices?.[0] !== undefined ? String(given.choices[0]) : null} onChange={(v) => set({ questionId: q.id, choices: [Number(v)] })}>
              <Stack gap={6} mt={6}>
                {q.options.map((o, index) => (
                  <Radio key={index} value={String(index)} label={text(o.tr, o.en)} />
                ))}
              </Stack>
            </Radio.Group>
          );
        }
        if (q.kind === 'multiple') {
          return (
            <Checkbox.Group key={q.id} label={label} description={t('surveys.answer.several')} withAsterisk={q.required} error={error} value={(given?.choices ?? []).map(String)} onChange={(v) => set({ questionId: q.id, choices: v.map(Number) })}>
              <Stack gap={6} mt={6}>
                {q.options.map((o, index) => (
                  <Checkbox key={index} value={String(index)} label={text(o.tr, o.en)} />
                ))}
              </Stack>
            </Checkbox.Group>
          );
        }
        if (q.kind === 'scale') {
          const min = q.scaleMin ?? 1;
          const max = q.scaleMax ?? 5;
          return (
            <Radio.Group key={q.id} label={label} description={t('surveys.answer.scale', { min, max })} withAsterisk={q.required} error={error} value={given?.value !== undefined ? String(given.value) : null} onChange={(v) => set({ questionId: q.id, value: Number(v) })}>
              <Group gap="md" mt={6}>
                {Array.from({ length: max - min + 1 }, (_, k) => min + k).map((value) => (
                  <Radio key={value} value={String(value)} label={String(value)} />
                ))}
              </Group>
            </Radio.Group>
          );
        }
        return <Textarea key={q.id} label={label} withAsterisk={q.required} error={error} autosize minRows={2} maxLength={2000} value={given?.text ?? ''} onChange={(e) => set({ questionId: q.id, text: e.currentTarget.value })} />;
      })}
    </Stack>
  );
}
