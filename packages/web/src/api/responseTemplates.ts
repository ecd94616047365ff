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

/** The messages citizens receive, per event, language and channel; only administrators change them. */
export interface MessageTemplate {
  key: string;
  locale: 'tr' | 'en';
  channel: 'sms' | 'email';
  subject: string | null;
  body: string;
  edited: boolean;
  placeholders: string[];
}

export type MessageTemplateDraft = Pick<MessageTemplate, 'key' | 'locale' | 'channel' | 'subject' | 'body'>;

export interface MessagePreview {
  subject: string | null;
  body: string;
  characters: number;
}

export const listMessageTemplates = () => api.get<Items<MessageTemplate>>('/message-templates').then((r) => r.items);
/** The draft filled with sample values, as a citizen would read it; the server checks it as a save would. */
export const previewMessageTemplate = (draft: MessageTemplateDraft) => api.post<MessagePreview>('/message-templates/preview', draft);
export const saveMessageTemplate = (draft: MessageTemplateDraft) => api.put<null>('/message-templates', draft);
