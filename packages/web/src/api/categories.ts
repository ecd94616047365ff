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
  /** What Open311 publishes of its requests. */
  publication: Publication;
  active: boolean;
}

export const PUBLICATIONS = ['none', 'staff_text', 'citizen_text'] as const;
export type Publication = (typeof PUBLICATIONS)[number];

export interface NewCategory {
  code: string;
  nameTr: string;
  nameEn: string;
  parentId?: number | null;
  requestType: string;
  defaultUnitId?: number | null;
  slaHours: number;
  slaBusinessHours: boolean;
  publication?: Publication;
}

export type CategoryChanges = Partial<Omit<Category, 'id' | 'code'>>;

export const listCategories = () => api.get<Items<Category>>('/categories').then((r) => r.items);
export const createCategory = (input: NewCategory) => api.post<Category>('/categories', input);
export const updateCategory = (id: number, changes: CategoryChanges) => api.patch<Category>(`/categories/${id}`, changes);
