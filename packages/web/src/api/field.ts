import type { FieldBootstrap, FieldStaffMember, Team, TeamBody, Visit, VisitBody, VisitReport, VisitsQuery } from '@cozum/contract';
import { api, type Filter, type Items } from './client';

export { TEAM_KINDS, VISIT_STATUSES } from '@cozum/contract';
export type { FieldBootstrap, Team, TeamKind, Visit, VisitReport, VisitStatus, WorkOrder } from '@cozum/contract';
export type VisitInput = VisitBody;
/** The visits' filter as the page holds it: null clears a filter. */
export type VisitFilter = Filter<VisitsQuery>;

export const listFieldStaff = async () => (await api.get<Items<FieldStaffMember>>('/field/staff')).items;
export const listTeams = async () => (await api.get<Items<Team>>('/field/teams')).items;
export const createTeam = (input: TeamBody) => api.post<Team>('/field/teams', input);
export const listVisits = async (query: VisitFilter) => (await api.get<Items<Visit>>('/field/visits', query)).items;
export const createVisit = (input: VisitInput) => api.post<Visit>('/field/visits', input);
export const updateVisit = (id: number, input: VisitInput) => api.put<Visit>(`/field/visits/${id}`, input);
export const getVisitReport = (id: number) => api.get<VisitReport>(`/field/visits/${id}/report`);
export const getFieldBootstrap = () => api.get<FieldBootstrap>('/field/bootstrap');
