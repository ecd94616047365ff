import type { RequestType, RequestTypeSettings, RequestTypeSettingsList, UpdateRequestTypeBody } from '@cozum/contract';
import { api, type Items } from './client';

export type { NotificationEvent, RequestType, RequestTypeSettings } from '@cozum/contract';
// The events a citizen may be told of and those always told are the domain's lists.
export { MESSAGE_CHANNELS, NOTIFICATION_EVENTS, REQUIRED_NOTIFICATION_EVENTS } from '@cozum/contract';
export type RequestTypeChanges = UpdateRequestTypeBody;

export const listRequestTypes = () => api.get<Items<RequestType>>('/request-types').then((r) => r.items);
/** Every type (inactive ones too) with what it tells its citizens and whether Open311 may publish it: administrators only. */
export const listRequestTypeSettings = () => api.get<RequestTypeSettingsList>('/request-types/settings').then((r) => r.items);
export const updateRequestTypeSettings = (code: string, changes: RequestTypeChanges) => api.patch<RequestTypeSettings>(`/request-types/${encodeURIComponent(code)}`, changes);
