import { api } from './client';
import type { User } from './users';

export const login = (username: string, password: string) => api.post<{ user: User }>('/auth/login', { username, password }).then((r) => r.user);
export const logout = () => api.post<void>('/auth/logout');
export const me = () => api.get<{ user: User }>('/auth/me').then((r) => r.user);
