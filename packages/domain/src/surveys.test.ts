import { describe, expect, it } from 'vitest';
import { checkAnswers, checkOpenFor, checkQuestions, csvLine, type Question } from './surveys.js';

const questions: Question[] = [
  { id: 1, kind: 'scale', textTr: 'Genel memnuniyet', scaleMin: 1, scaleMax: 5, overall: true },
  { id: 2, kind: 'single', textTr: 'Çözüldü mü?', options: [{ tr: 'Evet' }, { tr: 'Hayır' }] },
  { id: 3, kind: 'multiple', textTr: 'Ne iyiydi?', options: [{ tr: 'Hız' }, { tr: 'İlgi' }, { tr: 'Bilgi' }], required: false },
  { id: 4, kind: 'text', textTr: 'Görüşünüz', required: false },
];

describe('checkQuestions', () => {
  it('accepts a satisfaction survey with one overall score', () => {
    expect(() => checkQuestions('satisfaction', questions)).not.toThrow();
  });
  it('names the question whose choices are missing', () => {
    expect(() => checkQuestions('campaign', [{ kind: 'single', textTr: 'Hangisi?', options: [{ tr: 'Tek' }] }])).toThrow(/questions\.0\.options: .*at least two choices/);
  });
  it('refuses a satisfaction survey without an overall score and a scale that runs backwards', () => {
    expect(() => checkQuestions('satisfaction', [{ kind: 'text', textTr: 'Görüş' }])).toThrow(/exactly one overall/);
    expect(() => checkQuestions('campaign', [{ kind: 'scale', textTr: 'Puan', scaleMin: 5, scaleMax: 1 }])).toThrow(/questions\.0\.scaleMax/);
  });
});

describe('checkAnswers', () => {
  it('keeps the answers given, sorted choices, and skips optional ones left empty', () => {
    expect(checkAnswers(questions, [{ questionId: 1, value: 4 }, { questionId: 2, choices: [0] }, { questionId: 3, choices: [2, 0] }])).toEqual([
      { questionId: 1, choices: null, value: 4, text: null },
      { questionId: 2, choices: [0], value: null, text: null },
      { questionId: 3, choices: [0, 2], value: null, text: null },
    ]);
  });
  it('refuses a missing required answer, a value off the scale, two choices for a single one', () => {
    expect(() => checkAnswers(questions, [{ questionId: 2, choices: [0] }])).toThrow(/answers\.1: "Genel memnuniyet" needs an answer/);
    expect(() => checkAnswers(questions, [{ questionId: 1, value: 6 }, { questionId: 2, choices: [0] }])).toThrow(/from 1 to 5/);
    expect(() => checkAnswers(questions, [{ questionId: 1, value: 3 }, { questionId: 2, choices: [0, 1] }])).toThrow(/exactly one choice/);
    expect(() => checkAnswers(questions, [{ questionId: 9, value: 3 }])).toThrow(/not in this survey/);
  });
});

describe('checkOpenFor', () => {
  const survey = { status: 'active', kind: 'campaign' as const, districtIds: [3, 4], titleTr: 'Park anketi' };
  it('takes answers only in the target districts of an active survey', () => {
    expect(() => checkOpenFor(survey, 3)).not.toThrow();
    expect(() => checkOpenFor(survey, 5)).toThrow(/districtId/);
    expect(() => checkOpenFor({ ...survey, status: 'closed' }, 3)).toThrow(/closed/);
  });
});

describe('csvLine', () => {
  it('quotes separators and quotes, and disarms formulas', () => {
    expect(csvLine(['a,b', 'say "hi"', '=SUM(A1)', 3, null])).toBe('"a,b","say ""hi""",\'=SUM(A1),3,');
  });
});
