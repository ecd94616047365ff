/**
 * Surveys: what a question may be, whether a set of questions makes a survey, and whether an
 * answer fits its questions. Pure: the server loads and saves, this decides.
 */
import { DomainError, fieldError } from './errors.js';

export const SURVEY_KINDS = ['satisfaction', 'campaign'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
/** A draft is written and rewritten; an active survey takes answers; a closed one keeps them. */
export const SURVEY_STATUSES = ['draft', 'active', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];
/** How an answer reached us: a link sent by SMS or e-mail, the portal's link, a call-back, a field visit. */
export const RESPONSE_CHANNELS = ['sms_link', 'email_link', 'link', 'callback', 'field'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];
/** Channels staff record answers on (links answer themselves). */
export const STAFF_CHANNELS = ['callback', 'field'] as const satisfies readonly ResponseChannel[];
export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface ChoiceOption {
  tr: string;
  en?: string | null;
}

export interface QuestionDef {
  kind: QuestionKind;
  textTr: string;
  textEn?: string | null;
  options?: ChoiceOption[];
  scaleMin?: number | null;
  scaleMax?: number | null;
  required?: boolean;
  overall?: boolean;
}

export interface Question extends QuestionDef {
  id: number;
}

/** What a respondent gives for one question: indexes of choices, a number on the scale, or text. */
export interface AnswerInput {
  questionId: number;
  choices?: number[];
  value?: number;
  text?: string;
}

export interface CheckedAnswer {
  questionId: number;
  choices: number[] | null;
  value: number | null;
  text: string | null;
}

export const MAX_TEXT_ANSWER = 2000;
/** The satisfaction score shares satisfaction_ratings with the portal: 1 to 5. */
export const OVERALL_SCALE = { min: 1, max: 5 } as const;

/** Checks the questions of a survey before they are saved; errors name `questions.N.field`. */
export function checkQuestions(kind: SurveyKind, questions: QuestionDef[]): void {
  if (!questions.length) throw fieldError('questions', 'min_items', 'a survey needs at least one question', { limit: 1 });
  if (questions.length > 50) throw fieldError('questions', 'max_items', `has ${questions.length} questions; keep a survey to 50 or fewer`, { limit: 50 });
  questions.forEach((q, n) => {
    const at = `questions.${n}`;
    if (!q.textTr.trim()) throw fieldError(`${at}.textTr`, 'required', 'is required: the question in Turkish');
    if (q.kind === 'single' || q.kind === 'multiple') {
      const options = q.options ?? [];
      if (options.length < 2) throw fieldError(`${at}.options`, 'min_items', `a ${q.kind === 'single' ? 'single' : 'multiple'} choice question needs at least two choices`, { limit: 2 });
      if (options.length > 20) throw fieldError(`${at}.options`, 'max_items', 'has more than 20 choices', { limit: 20 });
      options.forEach((o, k) => {
        if (!o.tr.trim()) throw fieldError(`${at}.options.${k}.tr`, 'required', 'is empty: every choice needs its Turkish text');
      });
    } else if (q.options?.length) {
      throw fieldError(`${at}.options`, 'choices_only', `only choice questions have choices; remove them from this ${q.kind} question`);
    }
    if (q.kind === 'scale') {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 5;
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 10 || min >= max) throw fieldError(`${at}.scaleMax`, 'not_scale', `a scale runs between two whole numbers from 0 to 10, the lower first (got ${min} to ${max})`, { min: 0, max: 10 });
    }
    if (q.overall && (q.kind !== 'scale' || (q.scaleMin ?? 1) !== OVERALL_SCALE.min || (q.scaleMax ?? 5) !== OVERALL_SCALE.max)) {
      throw fieldError(`${at}.overall`, 'not_overall_scale', 'the overall score must be a scale question from 1 to 5');
    }
  });
  const overall = questions.filter((q) => q.overall).length;
  if (kind === 'satisfaction' && overall !== 1) throw fieldError('questions', 'one_overall', `a satisfaction survey needs exactly one overall 1–5 score question (it has ${overall})`, { count: overall });
  if (kind === 'campaign' && overall > 0) throw fieldError('questions', 'no_overall', 'only satisfaction surveys have an overall score question');
}

/** Checks one respondent's answers against the questions; missing optional answers are left out. */
export function checkAnswers(questions: Question[], answers: AnswerInput[]): CheckedAnswer[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<number>();
  for (const a of answers) {
    if (!byId.has(a.questionId)) throw fieldError(`answers.${a.questionId}`, 'not_found', `question ${a.questionId} is not in this survey`, { id: a.questionId });
    if (seen.has(a.questionId)) throw fieldError(`answers.${a.questionId}`, 'duplicate', 'is answered twice; send one answer per question');
    seen.add(a.questionId);
  }
  const given = new Map(answers.map((a) => [a.questionId, a]));
  const checked: CheckedAnswer[] = [];
  for (const q of questions) {
    const a = given.get(q.id);
    const field = `answers.${q.id}`;
    const empty = !a || (q.kind === 'text' ? !a.text?.trim() : q.kind === 'scale' ? a.value === undefined : !a.choices?.length);
    if (empty) {
      if (q.required !== false) throw fieldError(field, 'required', `"${q.textTr}" needs an answer`, { question: q.textTr });
      continue;
    }
    if (q.kind === 'text') {
      const text = a.text!.trim();
      if (text.length > MAX_TEXT_ANSWER) throw fieldError(field, 'max_length', `is ${text.length} characters; the limit is ${MAX_TEXT_ANSWER}`, { limit: MAX_TEXT_ANSWER });
      checked.push({ questionId: q.id, choices: null, value: null, text });
    } else if (q.kind === 'scale') {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 5;
      if (!Number.isInteger(a.value) || a.value! < min || a.value! > max) throw fieldError(field, 'not_whole_in_range', `must be a whole number from ${min} to ${max}`, { min, max });
      checked.push({ questionId: q.id, choices: null, value: a.value!, text: null });
    } else {
      const count = q.options?.length ?? 0;
      const choices = [...new Set(a.choices!)];
      if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= count)) throw fieldError(field, 'not_whole_in_range', `choices are numbered 0 to ${count - 1}`, { min: 0, max: count - 1 });
      if (q.kind === 'single' && choices.length !== 1) throw fieldError(field, 'one_choice', 'takes exactly one choice');
      checked.push({ questionId: q.id, choices: choices.sort((x, y) => x - y), value: null, text: null });
    }
  }
  if (!checked.length) throw fieldError('answers', 'min_items', 'answer at least one question', { limit: 1 });
  return checked;
}

/** A survey takes answers only while active, and a campaign only in the districts it targets. */
export function checkOpenFor(survey: { status: string; kind: SurveyKind; districtIds: number[]; titleTr: string }, districtId: number | null): void {
  if (survey.status !== 'active') throw new DomainError('survey.closed', `the survey "${survey.titleTr}" is ${survey.status === 'draft' ? 'not open yet' : 'closed'} and takes no answers`);
  if (survey.kind === 'campaign' && survey.districtIds.length && districtId !== null && !survey.districtIds.includes(districtId)) {
    throw fieldError('districtId', 'not_targeted', `the survey "${survey.titleTr}" is asked only in its target districts; district ${districtId} is not one of them`, { survey: survey.titleTr });
  }
}

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe: an answer typed by a citizen must not become a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: (string | number | null | undefined)[]): string => values.map(csvCell).join(',');
