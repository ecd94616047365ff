import { api, type Items } from './client';
import type { Role } from './roles';

export type Locale = 'tr' | 'en';

export interface User {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  locale: Locale;
  active: boolean;
  createdAt: string;
}

export interface UserFilter {
  q?: string;
  role?: Role;
  unitId?: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  /** At least 10 characters. */
  password: string;
  role: Role;
  unitId?: number | null;
}

export interface UserChanges {
  displayName?: string;
  email?: string | null;
  role?: Role;
  unitId?: number | null;
  active?: boolean;
  password?: string;
}

export const listUsers = (filter: UserFilter = {}) => api.get<Items<User>>('/users', { ...filter }).then((r) => r.items);
export const createUser = (input: NewUser) => api.post<User>('/users', input);
export const updateUser = (id: number, changes: UserChanges) => api.patch<User>(`/users/${id}`, changes);
