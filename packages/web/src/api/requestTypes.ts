import type { RequestType } from '@cozum/contract';
import { api, type Items } from './client';

export type { RequestType } from '@cozum/contract';

export const listRequestTypes = () => api.get<Items<RequestType>>('/request-types').then((r) => r.items);
