import type { Channel, RequestAction, RequestStatus } from '@cozum/domain';
import { api, type Items, type Query } from './client';
import type { Locale } from './users';

// The statuses (DESIGN.md section 7), actions and channels are the domain's, not a copy.
export { CHANNELS, REQUEST_ACTIONS, REQUEST_STATUSES, type Channel, type RequestAction, type RequestStatus } from '@cozum/domain';

export interface NewCitizen {
  fullName?: string | null;
  phone?: string | null;
  tcKimlikNo?: string | null;
  email?: string | null;
  address?: string | null;
  locale?: Locale;
}

export interface NewRequest {
  categoryId: number;
  requestType?: string;
  description: string;
  channel: Channel;
  districtId?: number | null;
  neighbourhoodId?: number | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** null: anonymous. */
  citizen?: NewCitizen | null;
}

export interface CreatedRequest {
  id: number;
  trackingNo: string;
  unitId: number;
  routedBy: string;
  dueAt: string | null;
  legalDueAt: string | null;
}

export interface PossibleDuplicate {
  id: number;
  trackingNo: string;
  status: RequestStatus;
  /** Null for roles that do not read requests (field staff): the citizen's words stay with those who do. */
  description: string | null;
  neighbourhoodName: string | null;
  createdAt: string;
  similarity: number;
  distanceMeters: number | null;
}

export interface DuplicateQuery {
  categoryId: number;
  description: string;
  neighbourhoodId?: number | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface InboxFilter {
  status?: RequestStatus[];
  overdue?: boolean;
  categoryId?: number | null;
  districtId?: number | null;
  neighbourhoodId?: number | null;
  assigneeId?: number | null;
  unassigned?: boolean;
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
  q?: string;
  sort?: 'created' | 'due' | 'updated';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface InboxRow {
  id: number;
  trackingNo: string;
  status: RequestStatus;
  requestType: string;
  channel: Channel;
  description: string;
  categoryId: number;
  categoryName: string;
  unitId: number;
  unitName: string;
  districtName: string | null;
  neighbourhoodName: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  version: number;
}

export interface InboxPage {
  items: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RequestEvent {
  id: number;
  type: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  actorName: string | null;
  actorKind: string;
  reason: string | null;
  visibility: 'public' | 'internal';
  data: Record<string, unknown>;
  at: string;
}

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  visibility: 'public' | 'internal';
  createdAt: string;
}

export interface RequestDetail {
  id: number;
  trackingNo: string;
  status: RequestStatus;
  requestType: string;
  channel: Channel;
  description: string;
  categoryId: number;
  categoryName: string;
  categoryNameEn: string;
  unitId: number;
  unitName: string;
  routedBy: string;
  districtId: number | null;
  districtName: string | null;
  neighbourhoodId: number | null;
  neighbourhoodName: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  assigneeId: number | null;
  assigneeName: string | null;
  parentId: number | null;
  dueAt: string | null;
  legalDueAt: string | null;
  overdueAt: string | null;
  resolution: string | null;
  referredTo: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Masked for roles that may not see it in full; null when anonymous. */
  citizen: { id: number; fullName: string | null; phone: string | null; email: string | null; tcKimlikNo: string | null; locale: string } | null;
  allowedActions: RequestAction[];
  events: RequestEvent[];
  attachments: Attachment[];
}

export interface ActionInput {
  action: RequestAction;
  /** The version the user saw; not needed for comment and reply. */
  version?: number;
  reason?: string;
  text?: string;
  assigneeId?: number;
  unitId?: number;
  institution?: string;
  parentTrackingNo?: string;
}

export const createRequest = (input: NewRequest) => api.post<CreatedRequest>('/requests', input);

/** Links a caller to an open request of the same problem; they are told when it is solved. */
export const followRequest = (id: number, input: { channel: Channel; citizen: NewRequest['citizen'] }) =>
  api.post<{ requestId: number; trackingNo: string; followers: number; alreadyFollowing: boolean }>(`/requests/${id}/followers`, input);

export const findDuplicates = (query: DuplicateQuery) => api.get<Items<PossibleDuplicate>>('/requests/duplicates', { ...query }).then((r) => r.items);

export const listRequests = (filter: InboxFilter) => api.get<InboxPage>('/requests', filter as Query);

export const getRequest = (id: number) => api.get<RequestDetail>(`/requests/${id}`);

export const actOnRequest = (id: number, input: ActionInput) => api.post<{ id: number; status: RequestStatus; version: number }>(`/requests/${id}/actions`, input);

export const bulkAssign = (assigneeId: number, requests: { id: number; version: number }[]) =>
  api.post<{ assigned: number }>('/requests/bulk-assign', { assigneeId, requests });

export function uploadAttachment(requestId: number, file: File, visibility: 'public' | 'internal'): Promise<Attachment> {
  const form = new FormData();
  form.append('visibility', visibility);
  form.append('file', file);
  return api.upload<Attachment>(`/requests/${requestId}/attachments`, form);
}

export const attachmentPath = (requestId: number, attachmentId: number) => `/requests/${requestId}/attachments/${attachmentId}`;
