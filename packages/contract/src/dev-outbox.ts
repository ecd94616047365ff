/**
 * The development outbox (DEV_OUTBOX): the SMS and e-mail a development server kept instead of
 * sending, for administrators to read (a portal code among them).
 */
import { Type, type Static } from 'typebox';
import { Id, Nullable, OneOf } from './common.js';

export const DevOutboxQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false });
export type DevOutboxQuery = Static<typeof DevOutboxQuery>;

export const DevOutboxMessage = Type.Object({
  id: Id,
  kind: OneOf(['sms', 'email'] as const),
  /** The phone number or e-mail address, in full: a development server's data. */
  to: Type.String(),
  subject: Nullable(Type.String()),
  text: Type.String(),
  /** The request it is about; null for a portal code. */
  trackingNo: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.String({ format: 'date-time' }),
});
export type DevOutboxMessage = Static<typeof DevOutboxMessage>;

export const DevOutbox = Type.Object({
  /** How each channel leaves this process: its provider, the development outbox, or not at all (see SMS_URL, SMTP_URL, DEV_OUTBOX). */
  sms: OneOf(['provider', 'development', 'unavailable'] as const),
  email: OneOf(['smtp', 'development', 'waiting'] as const),
  /** Newest first. */
  items: Type.Array(DevOutboxMessage),
});
export type DevOutbox = Static<typeof DevOutbox>;
