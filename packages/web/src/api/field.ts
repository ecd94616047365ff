import { api, type Items } from './client';
import type { Survey } from './surveys';

export interface Team {
  id: number;
  name: string;
  kind: 'bus' | 'field';
  active: boolean;
  members: { id: number; displayName: string }[];
}

export interface Visit {
  id: number;
  teamId: number;
  teamName: string;
  districtId: number;
  districtName: string;
  neighbourhoodId: number | null;
  neighbourhoodName: string | null;
  place: string;
  visitDate: string;
  status: 'planned' | 'done' | 'cancelled';
  notes: string | null;
  requests: number;
  answers: number;
}

export interface VisitInput {
  teamId: number;
  districtId: number;
  neighbourhoodId?: number | null;
  place: string;
  visitDate: string;
  notes?: string | null;
  status?: Visit['status'];
}

export interface VisitReport {
  visit: Visit;
  requests: { total: number; byCategory: { categoryId: number; categoryTr: string; categoryEn: string; count: number }[]; items: { id: number; trackingNo: string; categoryTr: string; status: string; createdAt: string }[] };
  answers: { total: number; bySurvey: { surveyId: number; titleTr: string; count: number }[] };
}

export interface WorkOrder {
  id: number;
  trackingNo: string;
  status: string;
  version: number;
  description: string;
  categoryTr: string;
  categoryEn: string;
  districtName: string | null;
  neighbourhoodName: string | null;
  address: string | null;
  dueAt: string | null;
}

export interface FieldBootstrap {
  at: string;
  categories: { id: number; nameTr: string; nameEn: string; parentId: number | null }[];
  districts: { id: number; name: string }[];
  neighbourhoods: { id: number; districtId: number; name: string }[];
  surveys: Survey[];
  visits: Visit[];
  workOrders: WorkOrder[];
}

export const listFieldStaff = async () => (await api.get<Items<{ id: number; displayName: string }>>('/field/staff')).items;
export const listTeams = async () => (await api.get<Items<Team>>('/field/teams')).items;
export const createTeam = (input: { name: string; kind: 'bus' | 'field'; memberIds: number[] }) => api.post<Team>('/field/teams', input);
export const listVisits = async (query: { from?: string; to?: string; districtId?: number | null; teamId?: number | null }) => (await api.get<Items<Visit>>('/field/visits', query)).items;
export const createVisit = (input: VisitInput) => api.post<Visit>('/field/visits', input);
export const updateVisit = (id: number, input: VisitInput) => api.put<Visit>(`/field/visits/${id}`, input);
export const getVisitReport = (id: number) => api.get<VisitReport>(`/field/visits/${id}/report`);
export const getFieldBootstrap = () => api.get<FieldBootstrap>('/field/bootstrap');
