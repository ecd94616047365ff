import type { Place } from '@cozum/contract';
import { api, type Items } from './client';

export type { Place } from '@cozum/contract';

export const listDistricts = () => api.get<Items<Place>>('/districts').then((r) => r.items);
export const listNeighbourhoods = (districtId: number) => api.get<Items<Place>>(`/districts/${districtId}/neighbourhoods`).then((r) => r.items);
