import { api, fileUrl, type Query } from './client';

export interface Period {
  from: string;
  to: string;
  label: string;
}

export interface CallFigures {
  offered: number;
  answered: number;
  answerRate: number | null;
  abandoned: number;
  instant: number;
  routed: number;
  requests: number;
}

export interface Ranked {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  count: number;
  share: number;
}

export interface UnitFigures {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  count: number;
  resolved: number;
  medianHours: number | null;
  p90Hours: number | null;
  onTimeShare: number | null;
}

export interface Report extends CallFigures {
  period: Period;
  compare?: CallFigures & { period: Period };
  change?: { offered: number; answered: number; answerRatePoints: number | null; instant: number; routed: number; requests: number };
  topics: (Ranked & { groupCode: string | null })[];
  topicGroups: Ranked[];
  districts: (Ranked & { population: number | null; perThousand: number | null })[];
  neighbourhoods: (Ranked & { districtId: number; districtName: string; population: number | null })[];
  units: UnitFigures[];
  channels: { channel: string; count: number; share: number }[];
  satisfaction: { count: number; average: number | null; distribution: number[] };
  months: { month: string; offered: number; answered: number; requests: number }[];
  /** heat[weekday, 0 = Monday][hour] = calls offered. */
  heat: number[][];
}

export interface ReportQuery {
  from: string;
  to: string;
  compareFrom?: string;
  compareTo?: string;
  channel?: string;
  categoryId?: number;
  unitId?: number;
  districtId?: number;
}

export const getReport = (query: ReportQuery) => api.get<Report>('/reports', query as unknown as Query);

export function reportExportUrl(query: ReportQuery, format: 'pdf' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, format })) if (value !== undefined && value !== '') params.append(key, String(value));
  return fileUrl(`/reports/export?${params.toString()}`);
}

export interface Transparency extends Omit<CallFigures, 'abandoned'> {
  year: number;
  years: number[];
  previous: Omit<CallFigures, 'abandoned'> & { year: number };
  topicGroups: Omit<Ranked, 'id'>[];
  topics: Omit<Ranked, 'id'>[];
  districts: (Ranked & { population: number | null; perThousand: number | null })[];
  units: Omit<UnitFigures, 'id' | 'resolved' | 'p90Hours'>[];
  channels: { channel: string; count: number; share: number }[];
  satisfaction: { count: number; average: number | null; distribution: number[] };
  months: { month: string; offered: number; answered: number; requests: number }[];
}

export const getTransparency = (year?: number) => api.get<Transparency>('/transparency', { year });
export const openDataUrl = (year: number) => fileUrl(`/transparency/open-data.csv?year=${year}`);

export interface GeoFeature {
  type: 'Feature';
  properties: { id: number | null; code: string; name: string };
  geometry: unknown;
}
export interface GeoCollection {
  type: 'FeatureCollection';
  attribution?: string;
  features: GeoFeature[];
}

export const getDistrictGeo = () => api.get<GeoCollection>('/transparency/geo/districts');
export const getNeighbourhoodGeo = (districtId: number) => api.get<GeoCollection>(`/transparency/geo/districts/${districtId}/neighbourhoods`);
