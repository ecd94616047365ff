import type { Locale, Report, Transparency, TransparencyGeo, ReportExportQuery, ReportFormat, ReportPeriod, ReportQuery, ReportRanked, ReportUnit } from '@cozum/contract';
import { api, fileUrl, type Query } from './client';

export type { CallFigures, GeoFeature, Report, ReportQuery, Transparency } from '@cozum/contract';
export type Period = ReportPeriod;
export type Ranked = ReportRanked;
export type UnitFigures = ReportUnit;

export const getReport = (query: ReportQuery) => api.get<Report>('/reports', query as unknown as Query);

/** The PDF or XLSX of the report on screen, in the user's language. */
export function reportExportUrl(query: ReportQuery, format: ReportFormat, lang: Locale): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, format, lang } satisfies ReportExportQuery)) if (value !== undefined && value !== '') params.append(key, String(value));
  return fileUrl(`/reports/export?${params.toString()}`);
}

export const getTransparency = (year?: number) => api.get<Transparency>('/transparency', { year });
export const openDataUrl = (year: number) => fileUrl(`/transparency/open-data.csv?year=${year}`);

export type GeoCollection = TransparencyGeo;

export const getDistrictGeo = () => api.get<GeoCollection>('/transparency/geo/districts');
export const getNeighbourhoodGeo = (districtId: number) => api.get<GeoCollection>(`/transparency/geo/districts/${districtId}/neighbourhoods`);
