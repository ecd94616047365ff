import type { CreateUserBody, UpdateUserBody, User, UsersQuery } from '@cozum/contract';
import { api, type Items } from './client';

export type { Locale, User } from '@cozum/contract';
export type UserFilter = UsersQuery;
/** The password: at least 10 characters. */
export type NewUser = CreateUserBody;
export type UserChanges = UpdateUserBody;

export const listUsers = (filter: UserFilter = {}) => api.get<Items<User>>('/users', { ...filter }).then((r) => r.items);
export const createUser = (input: NewUser) => api.post<User>('/users', input);
export const updateUser = (id: number, changes: UserChanges) => api.patch<User>(`/users/${id}`, changes);
