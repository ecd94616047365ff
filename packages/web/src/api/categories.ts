import type { Category, CreateCategoryBody, UpdateCategoryBody } from '@cozum/contract';
import { api, type Items } from './client';

// What Open311 publishes of a category's requests is the domain's list.
export { PUBLICATIONS, type Category, type Publication } from '@cozum/contract';
export type NewCategory = CreateCategoryBody;
export type CategoryChanges = UpdateCategoryBody;

export const listCategories = () => api.get<Items<Category>>('/categories').then((r) => r.items);
export const createCategory = (input: NewCategory) => api.post<Category>('/categories', input);
export const updateCategory = (id: number, changes: CategoryChanges) => api.patch<Category>(`/categories/${id}`, changes);
