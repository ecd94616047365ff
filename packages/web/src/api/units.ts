import { api, type Items } from './client';

export interface Unit {
  id: number;
  code: string;
  nameTr: string;
  nameEn: string;
  parentId: number | null;
  active: boolean;
}

export interface NewUnit {
  code: string;
  nameTr: string;
  nameEn: string;
  parentId?: number | null;
}

export type UnitChanges = Partial<Pick<Unit, 'nameTr' | 'nameEn' | 'parentId' | 'active'>>;

export const listUnits = () => api.get<Items<Unit>>('/units').then((r) => r.items);
export const createUnit = (input: NewUnit) => api.post<Unit>('/units', input);
export const updateUnit = (id: number, changes: UnitChanges) => api.patch<Unit>(`/units/${id}`, changes);
