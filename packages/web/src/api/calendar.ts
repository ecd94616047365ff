import { api, type Items } from './client';

/** A public holiday; a half day (arife, 28 Ekim) ends work at 12:00. */
export interface Holiday {
  date: string;
  nameTr: string;
  nameEn: string;
  halfDay: boolean;
}

export interface Interval {
  start: string;
  end: string;
}

/** Office hours per ISO weekday, "1" = Monday … "7" = Sunday. */
export type WorkingHours = Record<string, Interval[]>;

export const listHolidays = (year: number) => api.get<Items<Holiday>>('/holidays', { year }).then((r) => r.items);
export const saveHoliday = (holiday: Holiday) => api.put<void>('/holidays', holiday);
export const deleteHoliday = (date: string) => api.delete<void>(`/holidays/${date}`);
export const getWorkingHours = () => api.get<WorkingHours>('/working-hours');
export const saveWorkingHours = (hours: WorkingHours) => api.put<void>('/working-hours', hours);
