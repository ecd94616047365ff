import { api, type Items } from './client';

export type QuestionKind = 'single' | 'multiple' | 'scale' | 'text';
export type SurveyKind = 'satisfaction' | 'campaign';
export type SurveyStatus = 'draft' | 'active' | 'closed';

export interface ChoiceOption {
  tr: string;
  en?: string | null;
}

export interface QuestionInput {
  kind: QuestionKind;
  textTr: string;
  textEn?: string | null;
  options?: ChoiceOption[];
  scaleMin?: number | null;
  scaleMax?: number | null;
  required?: boolean;
  overall?: boolean;
}

export interface Question extends QuestionInput {
  id: number;
  position: number;
  options: ChoiceOption[];
  scaleMin: number | null;
  scaleMax: number | null;
  required: boolean;
  overall: boolean;
}

export interface SurveyInput {
  kind: SurveyKind;
  titleTr: string;
  titleEn?: string | null;
  introTr?: string | null;
  introEn?: string | null;
  districtIds?: number[];
  questions: QuestionInput[];
}

export interface Survey {
  id: number;
  kind: SurveyKind;
  titleTr: string;
  titleEn: string | null;
  introTr: string | null;
  introEn: string | null;
  status: SurveyStatus;
  districtIds: number[];
  responses: number;
  createdAt: string;
  questions: Question[];
}

export interface Answer {
  questionId: number;
  choices?: number[];
  value?: number;
  text?: string;
}

export interface Recorded {
  id: number;
  surveyId: number;
  channel: string;
  rating: number | null;
}

export interface QuestionResult {
  id: number;
  position: number;
  kind: QuestionKind;
  textTr: string;
  textEn: string | null;
  answered: number;
  options: { index: number; labelTr: string; labelEn: string | null; count: number }[];
  scale: { value: number; count: number }[];
  average: number | null;
  texts: { text: string; at: string }[];
}

export interface SurveyResults {
  survey: { id: number; kind: SurveyKind; titleTr: string; titleEn: string | null; status: SurveyStatus };
  total: number;
  channels: { channel: string; count: number }[];
  districts: { district: string | null; count: number }[];
  questions: QuestionResult[];
}

export interface ResultFilter {
  districtId?: number | null;
  channel?: string | null;
  from?: string | null;
  to?: string | null;
}

export const listSurveys = async () => (await api.get<Items<Survey>>('/surveys')).items;
export const getSurvey = (id: number) => api.get<Survey>(`/surveys/${id}`);
export const createSurvey = (input: SurveyInput) => api.post<Survey>('/surveys', input);
export const updateSurvey = (id: number, input: SurveyInput) => api.put<Survey>(`/surveys/${id}`, input);
export const setSurveyStatus = (id: number, status: SurveyStatus) => api.post<Survey>(`/surveys/${id}/status`, { status });
export const createLinks = async (id: number, count: number, districtId: number | null) => (await api.post<Items<{ id: number; url: string; expiresAt: string }>>(`/surveys/${id}/links`, { count, districtId })).items;
export const getResults = (id: number, filter: ResultFilter) => api.get<SurveyResults>(`/surveys/${id}/results`, { ...filter });
export const csvUrl = (id: number, filter: ResultFilter) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const query = params.toString();
  return `/api/v1/surveys/${id}/export.csv${query ? `?${query}` : ''}`;
};

export interface LinkedSurvey {
  state: 'open' | 'answered' | 'expired' | 'closed';
  survey: Pick<Survey, 'id' | 'kind' | 'titleTr' | 'titleEn' | 'introTr' | 'introEn' | 'questions'>;
}

export const getSurveyLink = (token: string) => api.get<LinkedSurvey>(`/survey-links/${encodeURIComponent(token)}`);
export const answerSurveyLink = (token: string, answers: Answer[]) => api.post<Recorded>(`/survey-links/${encodeURIComponent(token)}`, { answers });

export interface Callback {
  requestId: number;
  trackingNo: string;
  categoryTr: string;
  resolvedAt: string;
  resolution: string | null;
  citizenId: number;
  fullName: string | null;
  phone: string | null;
  locale: string;
  linkSent: boolean;
}

export const listCallbacks = async () => (await api.get<Items<Callback>>('/surveys/callbacks')).items;
export const listActiveSatisfaction = async () => (await api.get<Items<Survey>>('/surveys', { kind: 'satisfaction', status: 'active' })).items[0] ?? null;
export const recordCallback = (surveyId: number, requestId: number, answers: Answer[]) => api.post<Recorded>(`/surveys/${surveyId}/responses`, { channel: 'callback', requestId, answers });
