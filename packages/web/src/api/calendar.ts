import type { Holiday, WorkingHours } from '@cozum/contract';
import { api, type Items } from './client';

export type { Holiday, Interval, WorkingHours } from '@cozum/contract';

export const listHolidays = (year: number) => api.get<Items<Holiday>>('/holidays', { year }).then((r) => r.items);
export const saveHoliday = (holiday: Holiday) => api.put<void>('/holidays', holiday);
export const deleteHoliday = (date: string) => api.delete<void>(`/holidays/${date}`);
export const getWorkingHours = () => api.get<WorkingHours>('/working-hours');
export const saveWorkingHours = (hours: WorkingHours) => api.put<void>('/working-hours', hours);
