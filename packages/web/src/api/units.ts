import type { CreateUnitBody, Unit, UpdateUnitBody } from '@cozum/contract';
import { api, type Items } from './client';

export type { Unit } from '@cozum/contract';
export type NewUnit = CreateUnitBody;
export type UnitChanges = UpdateUnitBody;

export const listUnits = () => api.get<Items<Unit>>('/units').then((r) => r.items);
export const createUnit = (input: NewUnit) => api.post<Unit>('/units', input);
export const updateUnit = (id: number, changes: UnitChanges) => api.patch<Unit>(`/units/${id}`, changes);
