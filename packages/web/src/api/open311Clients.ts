import { api, type Items } from './client';

export interface Open311Client {
  id: number;
  name: string;
  contact: string | null;
  keyPrefix: string;
  active: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const listOpen311Clients = () => api.get<Items<Open311Client>>('/open311-clients');
export const createOpen311Client = (input: { name: string; contact: string | null }) => api.post<Open311Client & { apiKey: string }>('/open311-clients', input);
export const revokeOpen311Client = (id: number) => api.post<Open311Client>(`/open311-clients/${id}/revoke`);
