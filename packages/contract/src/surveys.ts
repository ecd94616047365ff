/** Surveys: the editor and results, call-backs, answers taken by staff, and the public survey links. */
import { Type, type Static } from 'typebox';
import { QUESTION_KINDS, RESPONSE_CHANNELS, STAFF_CHANNELS, SURVEY_KINDS, SURVEY_STATUSES } from '@cozum/domain';
import { Id, Items, Nullable, OneOf } from './common.js';

const S = Type.String();
const NS = Nullable(Type.String());
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const SurveyKind = OneOf(SURVEY_KINDS);
export type SurveyKind = Static<typeof SurveyKind>;
export const SurveyStatus = OneOf(SURVEY_STATUSES);
export type SurveyStatus = Static<typeof SurveyStatus>;
export const QuestionKind = OneOf(QUESTION_KINDS);
export type QuestionKind = Static<typeof QuestionKind>;
export const ResponseChannel = OneOf(RESPONSE_CHANNELS);
export type ResponseChannel = Static<typeof ResponseChannel>;

export const SurveyChoiceOption = Type.Object({ tr: Type.String({ maxLength: 300 }), en: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) }, { additionalProperties: false });
export type SurveyChoiceOption = Static<typeof SurveyChoiceOption>;

export const SurveyQuestionInput = Type.Object(
  {
    kind: QuestionKind,
    textTr: Type.String({ maxLength: 1000 }),
    textEn: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    options: Type.Optional(Type.Array(SurveyChoiceOption, { maxItems: 20 })),
    scaleMin: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    scaleMax: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10 }))),
    required: Type.Optional(Type.Boolean()),
    overall: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SurveyQuestionInput = Static<typeof SurveyQuestionInput>;

/** A new survey, or a rewrite of one that has no answers yet. */
export const SurveyBody = Type.Object(
  {
    kind: SurveyKind,
    titleTr: Type.String({ maxLength: 300 }),
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    introTr: Type.Optional(Nullable(Type.String({ maxLength: 3000 }))),
    introEn: Type.Optional(Nullable(Type.String({ maxLength: 3000 }))),
    districtIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    questions: Type.Array(SurveyQuestionInput, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type SurveyBody = Static<typeof SurveyBody>;

export const SurveyQuestion = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  kind: QuestionKind,
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
  kind: SurveyKind,
  titleTr: S,
  titleEn: NS,
  introTr: NS,
  introEn: NS,
  status: SurveyStatus,
  districtIds: Type.Array(Type.Integer()),
  responses: Type.Integer(),
  createdAt: S,
  questions: Type.Array(SurveyQuestion),
});
export type Survey = Static<typeof Survey>;
export const Surveys = Items(Survey);

export const SurveyListQuery = Type.Object({ status: Type.Optional(SurveyStatus), kind: Type.Optional(SurveyKind), districtId: Type.Optional(Id) }, { additionalProperties: false });
export type SurveyListQuery = Static<typeof SurveyListQuery>;

export const SurveyStatusBody = Type.Object({ status: SurveyStatus }, { additionalProperties: false });
export type SurveyStatusBody = Static<typeof SurveyStatusBody>;

/** Signed links to a campaign, one answer each. */
export const SurveyLinksBody = Type.Object({ count: Type.Integer({ minimum: 1, maximum: 1000 }), districtId: Type.Optional(Nullable(Id)) }, { additionalProperties: false });
export type SurveyLinksBody = Static<typeof SurveyLinksBody>;
export const SurveyLink = Type.Object({ id: Type.Integer(), url: S, expiresAt: S });
export type SurveyLink = Static<typeof SurveyLink>;
export const SurveyLinks = Items(SurveyLink);

/** Answers to a choice question are the indexes of its options; to a scale, a value; to a text question, the text. */
export const SurveyAnswerInput = Type.Object(
  {
    questionId: Id,
    choices: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 100 }), { maxItems: 20 })),
    value: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    text: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SurveyAnswerInput = Static<typeof SurveyAnswerInput>;
const SurveyAnswers = Type.Array(SurveyAnswerInput, { minItems: 1, maxItems: 50 });

/** Answers an agent took on a call-back or a field worker on a tablet. */
export const StaffSurveyResponseBody = Type.Object(
  {
    channel: OneOf(STAFF_CHANNELS),
    requestId: Type.Optional(Nullable(Id)),
    districtId: Type.Optional(Nullable(Id)),
    neighbourhoodId: Type.Optional(Nullable(Id)),
    visitId: Type.Optional(Nullable(Id)),
    answers: SurveyAnswers,
  },
  { additionalProperties: false },
);
export type StaffSurveyResponseBody = Static<typeof StaffSurveyResponseBody>;
/** The same Idempotency-Key a retry sends again returns the first answer. */

export const RecordedSurveyResponse = Type.Object({
  id: Type.Integer(),
  surveyId: Type.Integer(),
  channel: ResponseChannel,
  /** The satisfaction score written for the request, when this answer gave one. */
  rating: Nullable(Type.Integer()),
});
export type RecordedSurveyResponse = Static<typeof RecordedSurveyResponse>;

export const SurveyResultsQuery = Type.Object(
  { districtId: Type.Optional(Id), channel: Type.Optional(S), from: Type.Optional(IsoDay), to: Type.Optional(IsoDay) },
  { additionalProperties: false },
);
export type SurveyResultsQuery = Static<typeof SurveyResultsQuery>;

export const SurveyQuestionResult = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  kind: QuestionKind,
  textTr: S,
  textEn: NS,
  answered: Type.Integer(),
  options: Type.Array(Type.Object({ index: Type.Integer(), labelTr: S, labelEn: NS, count: Type.Integer() })),
  scale: Type.Array(Type.Object({ value: Type.Integer(), count: Type.Integer() })),
  average: Nullable(Type.Number()),
  texts: Type.Array(Type.Object({ text: S, at: S })),
});
export type SurveyQuestionResult = Static<typeof SurveyQuestionResult>;

export const SurveyResults = Type.Object({
  survey: Type.Object({ id: Type.Integer(), kind: SurveyKind, titleTr: S, titleEn: NS, status: SurveyStatus }),
  total: Type.Integer(),
  channels: Type.Array(Type.Object({ channel: ResponseChannel, count: Type.Integer() })),
  districts: Type.Array(Type.Object({ district: NS, count: Type.Integer() })),
  questions: Type.Array(SurveyQuestionResult),
});
export type SurveyResults = Static<typeof SurveyResults>;

/** Every answer as CSV (UTF-8 with a byte-order mark). */
export const SurveyCsv = Type.String({ description: 'text/csv' });

export const SurveyCallbacksQuery = Type.Object(
  { afterDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })), withinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);
export type SurveyCallbacksQuery = Static<typeof SurveyCallbacksQuery>;

/** A resolved request whose citizen has not rated the solution, with their phone in full. */
export const SurveyCallback = Type.Object({
  requestId: Type.Integer(),
  trackingNo: S,
  categoryTr: S,
  resolvedAt: S,
  resolution: NS,
  citizenId: Type.Integer(),
  fullName: NS,
  phone: NS,
  locale: S,
  linkSent: Type.Boolean(),
});
export type SurveyCallback = Static<typeof SurveyCallback>;
export const SurveyCallbacks = Items(SurveyCallback);

export const SurveyLinkParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type SurveyLinkParams = Static<typeof SurveyLinkParams>;

/** What a link's page shows: its questions while open, or why it takes no answer. */
export const SURVEY_LINK_STATES = ['open', 'answered', 'expired', 'closed'] as const;
export type SurveyLinkState = (typeof SURVEY_LINK_STATES)[number];

export const LinkedSurvey = Type.Object({
  state: OneOf(SURVEY_LINK_STATES),
  survey: Type.Object({ id: Type.Integer(), kind: SurveyKind, titleTr: S, titleEn: NS, introTr: NS, introEn: NS, questions: Type.Array(SurveyQuestion) }),
});
export type LinkedSurvey = Static<typeof LinkedSurvey>;

export const SurveyLinkAnswerBody = Type.Object({ answers: SurveyAnswers }, { additionalProperties: false });
export type SurveyLinkAnswerBody = Static<typeof SurveyLinkAnswerBody>;
