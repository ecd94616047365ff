import { api, type Items } from './client';

/** Request types (talep, şikâyet, öneri, bilgi edinme, …). */
export interface RequestType {
  code: string;
  nameTr: string;
  nameEn: string;
  /** The law whose deadline applies ('petition_3071', 'information_4982', 'kvkk_13'), if any. */
  legalClock: string | null;
  allowsAnonymous: boolean;
}

export const listRequestTypes = () => api.get<Items<RequestType>>('/request-types').then((r) => r.items);
