import { api, type Items } from './client';

/** A ready answer ("Hazır yanıt") with {placeholders} filled from the request. */
export interface ResponseTemplate {
  id: number;
  categoryId: number | null;
  name: string;
  bodyTr: string;
  bodyEn: string | null;
  active: boolean;
}

/** With a category: its templates, its parent's and the general ones. */
export const listResponseTemplates = (categoryId?: number) => api.get<Items<ResponseTemplate>>('/response-templates', { categoryId }).then((r) => r.items);
