import { KPI_BUCKETS as COARSEST_FIRST, type KpiQuery, type KpiReport, type StaffingQuery as StaffingParams, type StaffingWeek } from '@cozum/contract';
import { api, type Filter } from './client';

export { KPI_GROUPS, type KpiBucket, type KpiGroup, type KpiRow, type StaffingWeek } from '@cozum/contract';
/** The periods as the report's picker lists them, finest first. */
export const KPI_BUCKETS = [...COARSEST_FIRST].reverse();

/** The report's query as the page holds it: from and to required, the group cleared with null. */
export type KpiFilter = Pick<KpiQuery, 'from' | 'to'> & Filter<Omit<KpiQuery, 'from' | 'to'>>;

export const getKpis = async (query: KpiFilter) => (await api.get<KpiReport>('/kpis', { ...query })).rows;

/** The server defaults the weeks and the targets; AHT and patience are cleared with null (measured AHT, Erlang C). */
export type StaffingQuery = Filter<StaffingParams>;

export const getStaffingWeek = (query: StaffingQuery) => api.get<StaffingWeek>('/staffing/week', { ...query });
