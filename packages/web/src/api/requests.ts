import type {
  ActedOnRequest,
  Attachment,
  BulkAssignBody,
  Channel,
  CitizenInput,
  CreatedRequest,
  CreateRequestBody,
  DuplicatesQuery,
  Followed,
  InboxPage,
  InboxQuery,
  Items,
  PossibleDuplicate,
  RequestActionBody,
  RequestDetail,
  Visibility,
} from '@cozum/contract';
import { api, type Filter, type Query } from './client';

// Statuses (DESIGN.md section 7), actions and channels are the domain's; the shapes are the contract's.
export { CHANNELS, CLOSED_STATUSES, OPEN_STATUSES, REQUEST_ACTIONS, REQUEST_STATUSES, type Channel, type RequestAction, type RequestStatus } from '@cozum/contract';
export type { Attachment, CreatedRequest, InboxPage, InboxRow, PossibleDuplicate, RequestDetail, RequestEvent, SentMessage } from '@cozum/contract';

export type NewCitizen = CitizenInput;
export type NewRequest = CreateRequestBody;
export type DuplicateQuery = DuplicatesQuery;
/** The inbox's filter as the page holds it: the server's query (unit staff get their own unit whatever they ask). */
export type InboxFilter = Filter<InboxQuery>;
export type ActionInput = RequestActionBody;

export const createRequest = (input: NewRequest) => api.post<CreatedRequest>('/requests', input);

/** Links a caller to an open request of the same problem; they are told when it is solved. */
export const followRequest = (id: number, input: { channel: Channel; citizen: NewRequest['citizen'] }) =>
  api.post<Followed>(`/requests/${id}/followers`, input);

export const findDuplicates = (query: DuplicateQuery) => api.get<Items<PossibleDuplicate>>('/requests/duplicates', { ...query }).then((r) => r.items);

export const listRequests = (filter: InboxFilter) => api.get<InboxPage>('/requests', filter as Query);

export const getRequest = (id: number) => api.get<RequestDetail>(`/requests/${id}`);

export const actOnRequest = (id: number, input: ActionInput) => api.post<ActedOnRequest>(`/requests/${id}/actions`, input);

export const bulkAssign = (assigneeId: number, requests: BulkAssignBody['requests']) => api.post<{ assigned: number }>('/requests/bulk-assign', { assigneeId, requests } satisfies BulkAssignBody);

export function uploadAttachment(requestId: number, file: File, visibility: Visibility): Promise<Attachment> {
  const form = new FormData();
  form.append('visibility', visibility);
  form.append('file', file);
  return api.upload<Attachment>(`/requests/${requestId}/attachments`, form);
}

export const attachmentPath = (requestId: number, attachmentId: number) => `/requests/${requestId}/attachments/${attachmentId}`;
