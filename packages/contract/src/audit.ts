/** The audit log, for auditors: who did what, to whom, when and why. */
import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';

const DateTime = Type.String({ format: 'date-time' });

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  purpose: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  {
    /** The actor's user name. */
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** An action, or a prefix ending in '.' such as 'auth.'. */
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z_]+(\\.[a-z_]*)*$' })),
    subjectType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    subjectId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    /** The page after this id (the previous page's nextBefore). */
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

/** Newest first; nextBefore asks for the next page, null on the last. */
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextBefore: Nullable(Type.Integer()) });
export type AuditPage = Static<typeof AuditPage>;
