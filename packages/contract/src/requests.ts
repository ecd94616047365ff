/** Requests: intake on any channel, the inbox, one request with its history, actions, followers, duplicates, attachments. */
import { Type, type Static } from 'typebox';
import { CHANNELS, OUTBOX_KINDS, OUTBOX_STATUSES, REQUEST_ACTIONS, REQUEST_STATUSES, ROUTED_BY, VISIBILITIES } from '@cozum/domain';
import { CitizenInput, Description, Id, Items, Latitude, Longitude, Nullable, OneOf, ProblemPlaceFields } from './common.js';

const S = Type.String();
const NS = Nullable(Type.String());
const NI = Nullable(Type.Integer());
const Status = OneOf(REQUEST_STATUSES);
const NStatus = Nullable(Status);
export const Channel = OneOf(CHANNELS);
export type Channel = Static<typeof Channel>;
export const Visibility = OneOf(VISIBILITIES);
export type Visibility = Static<typeof Visibility>;

export const CreateRequestBody = Type.Object(
  {
    categoryId: Id,
    requestType: Type.Optional(Type.String({ maxLength: 64 })),
    description: Description,
    channel: Channel,
    ...ProblemPlaceFields,
    /** null: anonymous. */
    citizen: Type.Optional(Nullable(CitizenInput)),
  },
  { additionalProperties: false },
);
export type CreateRequestBody = Static<typeof CreateRequestBody>;

export const CreatedRequest = Type.Object({ id: Type.Integer(), trackingNo: S, unitId: Type.Integer(), routedBy: OneOf(ROUTED_BY), dueAt: NS, legalDueAt: NS });
export type CreatedRequest = Static<typeof CreatedRequest>;

export const INBOX_SORTS = ['created', 'due', 'updated'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const InboxQuery = Type.Object(
  {
    unitId: Type.Optional(Id),
    status: Type.Optional(Type.Array(Status, { maxItems: 12 })),
    overdue: Type.Optional(Type.Boolean()),
    categoryId: Type.Optional(Id),
    districtId: Type.Optional(Id),
    neighbourhoodId: Type.Optional(Id),
    assigneeId: Type.Optional(Id),
    unassigned: Type.Optional(Type.Boolean()),
    /** A day in the city's time zone, YYYY-MM-DD. */
    from: Type.Optional(Type.String({ format: 'date' })),
    /** The last day included, YYYY-MM-DD. */
    to: Type.Optional(Type.String({ format: 'date' })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(OneOf(INBOX_SORTS)),
    order: Type.Optional(OneOf(['asc', 'desc'] as const)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type InboxQuery = Static<typeof InboxQuery>;

/** What every list and page shows of a request: its number, state, words, category and unit. */
const RequestSummaryFields = {
  id: Type.Integer(),
  trackingNo: S,
  status: Status,
  requestType: S,
  channel: Channel,
  description: S,
  categoryId: Type.Integer(),
  categoryName: S,
  unitId: Type.Integer(),
  unitName: S,
};

export const InboxRow = Type.Object({
  ...RequestSummaryFields,
  districtName: NS,
  neighbourhoodName: NS,
  assigneeId: NI,
  assigneeName: NS,
  dueAt: NS,
  overdue: Type.Boolean(),
  createdAt: S,
  version: Type.Integer(),
});
export type InboxRow = Static<typeof InboxRow>;

export const InboxPage = Type.Object({ items: Type.Array(InboxRow), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export type InboxPage = Static<typeof InboxPage>;

export const RequestEvent = Type.Object({
  id: Type.Integer(),
  type: S,
  fromStatus: NStatus,
  toStatus: NStatus,
  actorName: NS,
  actorKind: S,
  reason: NS,
  visibility: Visibility,
  data: Type.Record(Type.String(), Type.Unknown()),
  at: S,
});
export type RequestEvent = Static<typeof RequestEvent>;

export const Attachment = Type.Object({ id: Type.Integer(), fileName: S, contentType: S, sizeBytes: Type.Integer(), visibility: Visibility, createdAt: S });
export type Attachment = Static<typeof Attachment>;

/** A message sent (or waiting in the outbox) about the request: SMS or e-mail to the citizen or a follower. */
export const SentMessage = Type.Object({ id: Type.Integer(), kind: OneOf(OUTBOX_KINDS), to: S, subject: NS, text: S, status: OneOf(OUTBOX_STATUSES), attempts: Type.Integer(), sentAt: NS, lastError: NS, createdAt: S });
export type SentMessage = Static<typeof SentMessage>;

export const RequestDetail = Type.Object({
  ...RequestSummaryFields,
  categoryNameEn: S,
  routedBy: OneOf(ROUTED_BY),
  routingRuleId: NI,
  districtId: NI,
  districtName: NS,
  neighbourhoodId: NI,
  neighbourhoodName: NS,
  address: NS,
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  assigneeId: NI,
  assigneeName: NS,
  parentId: NI,
  dueAt: NS,
  legalDueAt: NS,
  overdueAt: NS,
  resolution: NS,
  referredTo: NS,
  createdAt: S,
  updatedAt: S,
  version: Type.Integer(),
  /** Masked for roles that may not see it in full; null when anonymous. */
  citizen: Nullable(Type.Object({ id: Type.Integer(), fullName: NS, phone: NS, email: NS, tcKimlikNo: NS, locale: S })),
  /** What the viewer may do now: what the status allows, for a role that works requests (none for the others). Assigning someone else also needs requests.assign. */
  allowedActions: Type.Array(OneOf(REQUEST_ACTIONS)),
  events: Type.Array(RequestEvent),
  attachments: Type.Array(Attachment),
  messages: Type.Array(SentMessage),
});
export type RequestDetail = Static<typeof RequestDetail>;

export const RequestActionBody = Type.Object(
  {
    action: OneOf(REQUEST_ACTIONS),
    /** The version the user saw; not needed for comment and reply. */
    version: Type.Optional(Id),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    text: Type.Optional(Type.String({ maxLength: 5000 })),
    assigneeId: Type.Optional(Id),
    unitId: Type.Optional(Id),
    institution: Type.Optional(Type.String({ maxLength: 200 })),
    parentTrackingNo: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
export type RequestActionBody = Static<typeof RequestActionBody>;

export const ActedOnRequest = Type.Object({ id: Type.Integer(), status: Status, version: Type.Integer() });
export type ActedOnRequest = Static<typeof ActedOnRequest>;

export const FollowBody = Type.Object({ citizen: CitizenInput, channel: Channel }, { additionalProperties: false });
export type FollowBody = Static<typeof FollowBody>;
export const Followed = Type.Object({ requestId: Type.Integer(), trackingNo: S, followers: Type.Integer(), alreadyFollowing: Type.Boolean() });
export type Followed = Static<typeof Followed>;

export const BulkAssignBody = Type.Object(
  { assigneeId: Id, requests: Type.Array(Type.Object({ id: Id, version: Id }, { additionalProperties: false }), { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
export type BulkAssignBody = Static<typeof BulkAssignBody>;
export const BulkAssigned = Type.Object({ assigned: Type.Integer() });

export const DuplicatesQuery = Type.Object(
  {
    categoryId: Id,
    description: Description,
    neighbourhoodId: Type.Optional(Id),
    latitude: Type.Optional(Latitude),
    longitude: Type.Optional(Longitude),
    radiusMeters: Type.Optional(Type.Integer({ minimum: 10, maximum: 5000 })),
  },
  { additionalProperties: false },
);
export type DuplicatesQuery = Static<typeof DuplicatesQuery>;

export const PossibleDuplicate = Type.Object({
  id: Type.Integer(),
  trackingNo: S,
  status: Status,
  description: Nullable(Type.String({ description: "The citizen's words; null for roles without requests.read" })),
  neighbourhoodName: NS,
  createdAt: S,
  similarity: Type.Number(),
  distanceMeters: Nullable(Type.Number()),
});
export type PossibleDuplicate = Static<typeof PossibleDuplicate>;
export const PossibleDuplicates = Items(PossibleDuplicate);

export const AttachmentParams = Type.Object({ id: Id, attachmentId: Id }, { additionalProperties: false });
