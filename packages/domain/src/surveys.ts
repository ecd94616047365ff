/**
 * Surveys: what a question may be, whether a set of questions makes a survey, and whether an
 * answer fits its questions. Pure: the server loads and saves, this decides.
 */
import { DomainError, invalid } from './errors.js';

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
  if (!questions.length) throw invalid('questions', 'a survey needs at least one question');
  if (questions.length > 50) throw invalid('questions', `has ${questions.length} questions; keep a survey to 50 or fewer`);
  questions.forEach((q, n) => {
    const at = `questions.${n}`;
    if (!q.textTr.trim()) throw invalid(`${at}.textTr`, 'is required: the question in Turkish');
    if (q.kind === 'single' || q.kind === 'multiple') {
      const options = q.options ?? [];
      if (options.length < 2) throw invalid(`${at}.options`, `a ${q.kind === 'single' ? 'single' : 'multiple'} choice question needs at least two choices`);
      if (options.length > 20) throw invalid(`${at}.options`, 'has more than 20 choices');
      options.forEach((o, k) => {
        if (!o.tr.trim()) throw invalid(`${at}.options.${k}.tr`, 'is empty: every choice needs its Turkish text');
      });
    } else if (q.options?.length) {
      throw invalid(`${at}.options`, `only choice questions have choices; remove them from this ${q.kind} question`);
    }
    if (q.kind === 'scale') {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 5;
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 10 || min >= max) throw invalid(`${at}.scaleMax`, `a scale runs between two whole numbers from 0 to 10, the lower first (got ${min} to ${max})`);
    }
    if (q.overall && (q.kind !== 'scale' || (q.scaleMin ?? 1) !== OVERALL_SCALE.min || (q.scaleMax ?? 5) !== OVERALL_SCALE.max)) {
      throw invalid(`${at}.overall`, 'the overall score must be a scale question from 1 to 5');
    }
  });
  const overall = questions.filter((q) => q.overall).length;
  if (kind === 'satisfaction' && overall !== 1) throw invalid('questions', `a satisfaction survey needs exactly one overall 1–5 score question (it has ${overall})`);
  if (kind === 'campaign' && overall > 0) throw invalid('questions', 'only satisfaction surveys have an overall score question');
}

/** Checks one respondent's answers against the questions; missing optional answers are left out. */
export function checkAnswers(questions: Question[], answers: AnswerInput[]): CheckedAnswer[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<number>();
  for (const a of answers) {
    if (!byId.has(a.questionId)) throw invalid(`answers.${a.questionId}`, `question ${a.questionId} is not in this survey`);
    if (seen.has(a.questionId)) throw invalid(`answers.${a.questionId}`, 'is answered twice; send one answer per question');
    seen.add(a.questionId);
  }
  const given = new Map(answers.map((a) => [a.questionId, a]));
  const checked: CheckedAnswer[] = [];
  for (const q of questions) {
    const a = given.get(q.id);
    const field = `answers.${q.id}`;
    const empty = !a || (q.kind === 'text' ? !a.text?.trim() : q.kind === 'scale' ? a.value === undefined : !a.choices?.length);
    if (empty) {
      if (q.required !== false) throw invalid(field, `"${q.textTr}" needs an answer`);
      continue;
    }
    if (q.kind === 'text') {
      const text = a.text!.trim();
      if (text.length > MAX_TEXT_ANSWER) throw invalid(field, `is ${text.length} characters; the limit is ${MAX_TEXT_ANSWER}`);
      checked.push({ questionId: q.id, choices: null, value: null, text });
    } else if (q.kind === 'scale') {
      const min = q.scaleMin ?? 1;
      const max = q.scaleMax ?? 5;
      if (!Number.isInteger(a.value) || a.value! < min || a.value! > max) throw invalid(field, `must be a whole number from ${min} to ${max}`);
      checked.push({ questionId: q.id, choices: null, value: a.value!, text: null });
    } else {
      const count = q.options?.length ?? 0;
      const choices = [...new Set(a.choices!)];
      if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= count)) throw invalid(field, `choices are numbered 0 to ${count - 1}`);
      if (q.kind === 'single' && choices.length !== 1) throw invalid(field, 'takes exactly one choice');
      checked.push({ questionId: q.id, choices: choices.sort((x, y) => x - y), value: null, text: null });
    }
  }
  if (!checked.length) throw invalid('answers', 'answer at least one question');
  return checked;
}

/** A survey takes answers only while active, and a campaign only in the districts it targets. */
export function checkOpenFor(survey: { status: string; kind: SurveyKind; districtIds: number[]; titleTr: string }, districtId: number | null): void {
  if (survey.status !== 'active') throw new DomainError('survey.closed', `the survey "${survey.titleTr}" is ${survey.status === 'draft' ? 'not open yet' : 'closed'} and takes no answers`);
  if (survey.kind === 'campaign' && survey.districtIds.length && districtId !== null && !survey.districtIds.includes(districtId)) {
    throw invalid('districtId', `the survey "${survey.titleTr}" is asked only in its target districts; district ${districtId} is not one of them`);
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
