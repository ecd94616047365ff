import type {
  Items,
  LinkedSurvey,
  RecordedSurveyResponse,
  StaffSurveyResponseBody,
  Survey,
  SurveyAnswerInput,
  SurveyBody,
  SurveyCallback,
  SurveyLink,
  SurveyLinkAnswerBody,
  SurveyLinksBody,
  SurveyListQuery,
  SurveyResults,
  SurveyResultsQuery,
  SurveyStatus,
  SurveyStatusBody,
} from '@cozum/contract';
import { api, type Filter } from './client';

export type { LinkedSurvey, QuestionKind, Survey, SurveyKind, SurveyResults, SurveyStatus } from '@cozum/contract';
export type { SurveyChoiceOption as ChoiceOption, SurveyQuestionInput as QuestionInput, SurveyQuestion as Question, SurveyQuestionResult as QuestionResult } from '@cozum/contract';
export type SurveyInput = SurveyBody;
export type Answer = SurveyAnswerInput;
export type Recorded = RecordedSurveyResponse;
export type Callback = SurveyCallback;
/** The results' filter as the page holds it: null clears one. */
export type ResultFilter = Filter<SurveyResultsQuery>;

export const listSurveys = async () => (await api.get<Items<Survey>>('/surveys')).items;
export const getSurvey = (id: number) => api.get<Survey>(`/surveys/${id}`);
export const createSurvey = (input: SurveyInput) => api.post<Survey>('/surveys', input);
export const updateSurvey = (id: number, input: SurveyInput) => api.put<Survey>(`/surveys/${id}`, input);
export const setSurveyStatus = (id: number, status: SurveyStatus) => api.post<Survey>(`/surveys/${id}/status`, { status } satisfies SurveyStatusBody);
export const createLinks = async (id: number, count: number, districtId: number | null) => (await api.post<Items<SurveyLink>>(`/surveys/${id}/links`, { count, districtId } satisfies SurveyLinksBody)).items;
export const getResults = (id: number, filter: ResultFilter) => api.get<SurveyResults>(`/surveys/${id}/results`, { ...filter });
export const csvUrl = (id: number, filter: ResultFilter) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return `/api/v1/surveys/${id}/export.csv${query ? `?${query}` : ''}`;
};

export const getSurveyLink = (token: string) => api.get<LinkedSurvey>(`/survey-links/${encodeURIComponent(token)}`);
export const answerSurveyLink = (token: string, answers: Answer[]) => api.post<Recorded>(`/survey-links/${encodeURIComponent(token)}`, { answers } satisfies SurveyLinkAnswerBody);

export const listCallbacks = async () => (await api.get<Items<Callback>>('/surveys/callbacks')).items;
export const listActiveSatisfaction = async () => (await api.get<Items<Survey>>('/surveys', { kind: 'satisfaction', status: 'active' } satisfies SurveyListQuery)).items[0] ?? null;
export const recordCallback = (surveyId: number, requestId: number, answers: Answer[]) =>
  api.post<Recorded>(`/surveys/${surveyId}/responses`, { channel: 'callback', requestId, answers } satisfies StaffSurveyResponseBody);
