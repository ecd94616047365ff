import { api, type Items } from './client';

export interface Category {
  id: number;
  code: string;
  nameTr: string;
  nameEn: string;
  parentId: number | null;
  requestType: string;
  defaultUnitId: number | null;
  slaHours: number;
  slaBusinessHours: boolean;
  active: boolean;
}

export interface NewCategory {
  code: string;
  nameTr: string;
  nameEn: string;
  parentId?: number | null;
  requestType: string;
  defaultUnitId?: number | null;
  slaHours: number;
  slaBusinessHours: boolean;
}

export type CategoryChanges = Partial<Omit<Category, 'id' | 'code'>>;

export const listCategories = () => api.get<Items<Category>>('/categories').then((r) => r.items);
export const createCategory = (input: NewCategory) => api.post<Category>('/categories', input);
export const updateCategory = (id: number, changes: CategoryChanges) => api.patch<Category>(`/categories/${id}`, changes);
