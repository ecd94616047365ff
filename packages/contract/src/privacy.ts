/**
 * KVKK: finding a citizen (masked), opening their full record with a stated purpose, consents,
 * the data-subject export and anonymisation, and the retention policy with its runs.
 */
import { Type, type Static } from 'typebox';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, RETENTION_TRIGGERS } from '@cozum/domain';
import { Items, Nullable, OneOf } from './common.js';

const NS = Nullable(Type.String());
const DateTime = Type.String({ format: 'date-time' });

/** A citizen as lists show them: personal fields masked unless opened with a purpose. */
export const CitizenSummary = Type.Object({
  id: Type.Integer(),
  fullName: NS,
  phone: NS,
  tcKimlikNo: NS,
  email: NS,
  address: NS,
  requestCount: Type.Integer(),
  anonymisedAt: Nullable(DateTime),
  createdAt: DateTime,
});
export type CitizenSummary = Static<typeof CitizenSummary>;
export const CitizenSummaries = Items(CitizenSummary);

export const CitizenSearchQuery = Type.Object({ q: Type.String({ minLength: 3, maxLength: 100 }) }, { additionalProperties: false });
export type CitizenSearchQuery = Static<typeof CitizenSearchQuery>;

const Purpose = Type.String({ minLength: 5, maxLength: 300, description: 'Why the personal data is opened; kept in the audit log (KVKK)' });
export const CitizenViewBody = Type.Object({ purpose: Purpose }, { additionalProperties: false });
export type CitizenViewBody = Static<typeof CitizenViewBody>;

/** Purpose and channel are free text here: the portal records its own (request_submission, portal). */
export const Consent = Type.Object({ id: Type.Integer(), purpose: Type.String(), noticeVersion: Type.String(), channel: Type.String(), givenAt: DateTime });
export type Consent = Static<typeof Consent>;
export const Consents = Items(Consent);

export const ConsentBody = Type.Object(
  { purpose: OneOf(CONSENT_PURPOSES), noticeVersion: Type.String({ minLength: 1, maxLength: 40 }), channel: OneOf(CONSENT_CHANNELS) },
  { additionalProperties: false },
);
export type ConsentBody = Static<typeof ConsentBody>;

export const CITIZEN_EXPORT_FORMATS = ['json', 'pdf'] as const;
export type CitizenExportFormat = (typeof CITIZEN_EXPORT_FORMATS)[number];
export const CitizenExportBody = Type.Object({ purpose: Purpose, format: Type.Optional(OneOf(CITIZEN_EXPORT_FORMATS)) }, { additionalProperties: false });
export type CitizenExportBody = Static<typeof CitizenExportBody>;
/** Everything held about a person (KVKK art. 11), as a file. */
export const CitizenExport = Type.Any({ description: 'The export (application/json or application/pdf)' });

export const AnonymiseBody = Type.Object(
  { reason: Type.String({ minLength: 5, maxLength: 500 }), trackingNo: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{1,10}$' })) },
  { additionalProperties: false },
);
export type AnonymiseBody = Static<typeof AnonymiseBody>;
export const AnonymisedCounts = Type.Object({ citizens: Type.Integer(), requests: Type.Integer(), contacts: Type.Integer(), messages: Type.Integer() });
export type AnonymisedCounts = Static<typeof AnonymisedCounts>;

const Years = Type.Integer({ minimum: 1, maximum: 100 });
/** Years kept per data class. */
export const RetentionPolicy = Type.Object({ citizens: Years, contacts: Years, messages: Years, sessions: Years }, { additionalProperties: false });
export type RetentionPolicy = Static<typeof RetentionPolicy>;
export const RetentionPolicyChange = Type.Partial(RetentionPolicy, { additionalProperties: false });
export type RetentionPolicyChange = Static<typeof RetentionPolicyChange>;

export const RetentionTrigger = OneOf(RETENTION_TRIGGERS);
export type RetentionTrigger = Static<typeof RetentionTrigger>;

export const RetentionRun = Type.Object({
  id: Type.Integer(),
  startedAt: DateTime,
  finishedAt: DateTime,
  dryRun: Type.Boolean(),
  trigger: RetentionTrigger,
  actorId: Nullable(Type.Integer()),
  policy: RetentionPolicy,
  cutoffs: Type.Record(Type.String(), Type.String()),
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type RetentionRun = Static<typeof RetentionRun>;

export const Retention = Type.Object({ policy: RetentionPolicy, intervalDays: Type.Integer(), runs: Type.Array(RetentionRun) });
export type Retention = Static<typeof Retention>;

export const RetentionRunBody = Type.Object({ dryRun: Type.Boolean() }, { additionalProperties: false });
export type RetentionRunBody = Static<typeof RetentionRunBody>;
