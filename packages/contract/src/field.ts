/**
 * The Mobile Solution Bus and field teams: teams, visits and their reports for supervisors; for
 * the field app, what it keeps offline, requests captured face to face and work orders closed on
 * site.
 */
import { Type, type Static } from 'typebox';
import { REQUEST_STATUSES, TEAM_KINDS, VISIT_STATUSES } from '@cozum/domain';
import { CitizenInput, Id, Items, Nullable, OneOf, ProblemPlaceFields } from './common.js';
import { Survey } from './surveys.js';


const S = Type.String();
const NS = Nullable(Type.String());
const NI = Nullable(Type.Integer());
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const RequestStatus = OneOf(REQUEST_STATUSES);

/** The field app's writes carry an Idempotency-Key: a repeat gets the first answer and does nothing twice. */

export const TeamKind = OneOf(TEAM_KINDS);
export type TeamKind = Static<typeof TeamKind>;
export const VisitStatus = OneOf(VISIT_STATUSES);
export type VisitStatus = Static<typeof VisitStatus>;

export const FieldStaffMember = Type.Object({ id: Type.Integer(), displayName: S });
export type FieldStaffMember = Static<typeof FieldStaffMember>;
export const FieldStaffList = Items(FieldStaffMember);

export const Team = Type.Object({ id: Type.Integer(), name: S, kind: TeamKind, active: Type.Boolean(), members: Type.Array(FieldStaffMember) });
export type Team = Static<typeof Team>;
export const Teams = Items(Team);

export const TeamBody = Type.Object(
  { name: Type.String({ maxLength: 200 }), kind: Type.Optional(TeamKind), memberIds: Type.Array(Id, { maxItems: 100 }), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type TeamBody = Static<typeof TeamBody>;

export const Visit = Type.Object({
  id: Type.Integer(),
  teamId: Type.Integer(),
  teamName: S,
  districtId: Type.Integer(),
  districtName: S,
  neighbourhoodId: NI,
  neighbourhoodName: NS,
  place: S,
  visitDate: S,
  status: VisitStatus,
  notes: NS,
  requests: Type.Integer(),
  answers: Type.Integer(),
});
export type Visit = Static<typeof Visit>;
export const Visits = Items(Visit);

export const VisitBody = Type.Object(
  {
    teamId: Id,
    districtId: Id,
    neighbourhoodId: Type.Optional(Nullable(Id)),
    place: Type.String({ maxLength: 300 }),
    visitDate: Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    status: Type.Optional(VisitStatus),
  },
  { additionalProperties: false },
);
export type VisitBody = Static<typeof VisitBody>;

export const VisitsQuery = Type.Object({ from: Type.Optional(IsoDay), to: Type.Optional(IsoDay), districtId: Type.Optional(Id), teamId: Type.Optional(Id) }, { additionalProperties: false });
export type VisitsQuery = Static<typeof VisitsQuery>;

export const VisitReport = Type.Object({
  visit: Visit,
  requests: Type.Object({
    total: Type.Integer(),
    byCategory: Type.Array(Type.Object({ categoryId: Type.Integer(), categoryTr: S, categoryEn: S, count: Type.Integer() })),
    items: Type.Array(Type.Object({ id: Type.Integer(), trackingNo: S, categoryTr: S, status: RequestStatus, createdAt: S })),
  }),
  answers: Type.Object({ total: Type.Integer(), bySurvey: Type.Array(Type.Object({ surveyId: Type.Integer(), titleTr: S, count: Type.Integer() })) }),
});
export type VisitReport = Static<typeof VisitReport>;

/** An open request assigned to the signed-in field staff member. */
export const WorkOrder = Type.Object({
  id: Type.Integer(),
  trackingNo: S,
  status: RequestStatus,
  version: Type.Integer(),
  description: S,
  categoryTr: S,
  categoryEn: S,
  districtName: NS,
  neighbourhoodName: NS,
  address: NS,
  dueAt: NS,
});
export type WorkOrder = Static<typeof WorkOrder>;
export const WorkOrders = Items(WorkOrder);

/** The answer to a close sent as multipart/form-data: fields 'version' and 'note', files 'photo'. */
export const ClosedWorkOrder = Type.Object({
  id: Type.Integer(),
  trackingNo: S,
  status: RequestStatus,
  version: Type.Integer(),
  photos: Type.Array(Type.Object({ id: Type.Integer(), fileName: S, sizeBytes: Type.Integer() })),
});
export type ClosedWorkOrder = Static<typeof ClosedWorkOrder>;

export const FieldRequestBody = Type.Object(
  {
    categoryId: Id,
    description: Type.String({ maxLength: 5000 }),
    ...ProblemPlaceFields,
    citizen: Type.Optional(Nullable(CitizenInput)),
    visitId: Type.Optional(Nullable(Id)),
    capturedAt: Type.Optional(Type.String({ maxLength: 40, description: 'When the citizen asked (ISO 8601), by the tablet’s clock' })),
  },
  { additionalProperties: false },
);
export type FieldRequestBody = Static<typeof FieldRequestBody>;

export const CapturedFieldRequest = Type.Object({ id: Type.Integer(), trackingNo: S, unitId: Type.Integer(), dueAt: NS, visitId: NI });
export type CapturedFieldRequest = Static<typeof CapturedFieldRequest>;

/** What the field app keeps for working offline. */
export const FieldBootstrap = Type.Object({
  at: S,
  categories: Type.Array(Type.Object({ id: Type.Integer(), nameTr: S, nameEn: S, parentId: NI })),
  districts: Type.Array(Type.Object({ id: Type.Integer(), name: S })),
  neighbourhoods: Type.Array(Type.Object({ id: Type.Integer(), districtId: Type.Integer(), name: S })),
  surveys: Type.Array(Survey),
  visits: Type.Array(Visit),
  workOrders: Type.Array(WorkOrder),
});
export type FieldBootstrap = Static<typeof FieldBootstrap>;
