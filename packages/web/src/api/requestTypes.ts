import { api, type Items } from './client';

/** Request types (talep, şikâyet, öneri, bilgi edinme, …). */
export interface RequestType {
  code: string;
  nameTr: string;
  nameEn: string;
}

export const listRequestTypes = () => api.get<Items<RequestType>>('/request-types').then((r) => r.items);
