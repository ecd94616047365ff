import { api, type Items } from './client';

/** A district (ilçe) or a neighbourhood (mahalle) of the city. */
export interface Place {
  id: number;
  code: string;
  name: string;
  population: number | null;
}

export const listDistricts = () => api.get<Items<Place>>('/districts').then((r) => r.items);
export const listNeighbourhoods = (districtId: number) => api.get<Items<Place>>(`/districts/${districtId}/neighbourhoods`).then((r) => r.items);
