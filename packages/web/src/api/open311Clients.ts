import type { CreatedOpen311Client, CreateOpen311ClientBody, Items, Open311Client } from '@cozum/contract';
import { api } from './client';

export type { Open311Client } from '@cozum/contract';

export const listOpen311Clients = () => api.get<Items<Open311Client>>('/open311-clients');
export const createOpen311Client = (input: CreateOpen311ClientBody) => api.post<CreatedOpen311Client>('/open311-clients', input);
export const revokeOpen311Client = (id: number) => api.post<Open311Client>(`/open311-clients/${id}/revoke`);
