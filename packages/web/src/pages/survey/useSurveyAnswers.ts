import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Answer, Question } from '../../api/surveys';
import { detailText } from '../../i18n/server-errors';
import { useAction } from '../../hooks/useAction';
import { answersOf, missingAnswers, type AnswerMap } from './SurveyQuestions';

/**
 * The answers being given to a survey and the message under each question: "required" for one
 * left blank, and the server's word for an answer it refused (its details name `answers.<id>`).
 */
export function useSurveyAnswers() {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [errors, setErrors] = useState<Record<number, string | undefined>>({});
  const { run, busy, failure, setFailure } = useAction();

  /** Marks each required question still without an answer; true when there is none. */
  function check(questions: Question[]): boolean {
    const missing = missingAnswers(questions, answers);
    setErrors(Object.fromEntries(missing.map((q) => [q.id, t('surveys.answer.required')])));
    return missing.length === 0;
  }

  /** Checks the answers, then sends them with `save`. */
  async function send(questions: Question[], save: (given: Answer[]) => Promise<void>): Promise<void> {
    if (!check(questions)) return;
    await run(async () => {
      try {
        await save(answersOf(answers));
      } catch (error) {
        const details = error instanceof ApiError ? error.details : [];
        setErrors(Object.fromEntries(details.filter((d) => d.field?.startsWith('answers.')).map((d) => [Number(d.field!.split('.')[1]), detailText(d)])));
        throw error;
      }
    });
  }

  const reset = () => {
    setAnswers({});
    setErrors({});
    setFailure(null);
  };

  return { answers, setAnswers, errors, check, send, reset, busy, failure };
}
