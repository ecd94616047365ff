import type { CallFigures, Report, ReportExportQuery, ReportFormat, ReportPeriod, ReportQuery, ReportRanked, ReportUnit } from '@cozum/contract';
import { api, fileUrl, type Query } from './client';

export type { CallFigures, Report, ReportQuery } from '@cozum/contract';
export type Period = ReportPeriod;
export type Ranked = ReportRanked;
export type UnitFigures = ReportUnit;

export const getReport = (query: ReportQuery) => api.get<Report>('/reports', query as unknown as Query);

export function reportExportUrl(query: ReportQuery, format: ReportFormat): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, format } satisfies ReportExportQuery)) if (value !== undefined && value !== '') params.append(key, String(value));
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
