import { api } from './client';

export const KPI_BUCKETS = ['15min', '30min', 'hour', 'day', 'month', 'year'] as const;
export type KpiBucket = (typeof KPI_BUCKETS)[number];
export const KPI_GROUPS = ['queue', 'agent'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

export interface KpiRow {
  period: string;
  queue?: string | null;
  agent?: string | null;
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  answerRate: number | null;
  serviceLevel: number | null;
  serviceLevelOfAnswered: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  longestWaitSeconds: number | null;
  occupancy?: number | null;
}

export interface KpiQuery {
  from: string;
  to: string;
  by: KpiBucket;
  group?: KpiGroup | null;
  queue?: string;
}

export const getKpis = async (query: KpiQuery) => (await api.get<{ rows: KpiRow[] }>('/kpis', { ...query })).rows;

export interface StaffingQuery {
  weeks: number;
  targetServiceLevel: number;
  targetSeconds: number;
  maxOccupancy: number;
  shrinkage: number;
  ahtSeconds?: number | null;
  patienceSeconds?: number | null;
  queue?: string;
}

export interface StaffingWeek {
  from: string;
  to: string;
  weeks: number;
  model: 'erlang-c' | 'erlang-a';
  ahtSeconds: number;
  ahtMeasured: boolean;
  /** [weekday 0 = Monday][slot 0 = 00:00–00:30] */
  arrivals: number[][];
  agents: number[][];
  staffed: number[][];
  serviceLevel: number[][];
  staffedHours: number;
  peakStaffed: number;
}

export const getStaffingWeek = (query: StaffingQuery) => api.get<StaffingWeek>('/staffing/week', { ...query });
