import type { MessagePreview, MessageTemplate, MessageTemplateBody, ResponseTemplate } from '@cozum/contract';
import { api, type Items } from './client';

export type { MessagePreview, MessageTemplate, ResponseTemplate } from '@cozum/contract';

/** With a category: its templates, its parent's and the general ones. */
export const listResponseTemplates = (categoryId?: number) => api.get<Items<ResponseTemplate>>('/response-templates', { categoryId }).then((r) => r.items);

/** A citizen message's text as the administrator edits it; only administrators change them. */
export type MessageTemplateDraft = MessageTemplateBody;

export const listMessageTemplates = () => api.get<Items<MessageTemplate>>('/message-templates').then((r) => r.items);
/** The draft filled with sample values, as a citizen would read it; the server checks it as a save would. */
export const previewMessageTemplate = (draft: MessageTemplateDraft) => api.post<MessagePreview>('/message-templates/preview', draft);
export const saveMessageTemplate = (draft: MessageTemplateDraft) => api.put<void>('/message-templates', draft);
