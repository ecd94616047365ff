/**
 * Surveys: for now only a survey as it is read (the field app keeps the open campaigns offline);
 * the rest of the surveys routes' schemas join it when those routes move here.
 */
import { Type, type Static } from 'typebox';
import { QUESTION_KINDS, SURVEY_KINDS } from '@cozum/domain';
import { Nullable, OneOf } from './common.js';

const S = Type.String();
const NS = Nullable(Type.String());

export const SurveyQuestion = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  kind: OneOf(QUESTION_KINDS),
  textTr: S,
  textEn: NS,
  options: Type.Array(Type.Object({ tr: S, en: Type.Optional(NS) })),
  scaleMin: Nullable(Type.Integer()),
  scaleMax: Nullable(Type.Integer()),
  required: Type.Boolean(),
  overall: Type.Boolean(),
});
export type SurveyQuestion = Static<typeof SurveyQuestion>;

export const Survey = Type.Object({
  id: Type.Integer(),
  kind: OneOf(SURVEY_KINDS),
  titleTr: S,
  titleEn: NS,
  introTr: NS,
  introEn: NS,
  status: S,
  districtIds: Type.Array(Type.Integer()),
  responses: Type.Integer(),
  createdAt: S,
  questions: Type.Array(SurveyQuestion),
});
export type Survey = Static<typeof Survey>;
