/**
 * Request types as an administrator sets them: which events tell the citizen on which channel,
 * and whether Open311 may publish their requests at all.
 */
import { Type, type Static } from 'typebox';
import { NOTIFICATION_EVENTS, OPTIONAL_NOTIFICATION_EVENTS } from '@cozum/domain';
import { Nullable, OneOf } from './common.js';

/** An event a request type may tell its citizens of or not (the final answer is always told). */
export const OptionalNotificationEvent = OneOf(OPTIONAL_NOTIFICATION_EVENTS);
export type OptionalNotificationEvent = Static<typeof OptionalNotificationEvent>;

/** The optional events that send an SMS, and those that send an e-mail. */
export const NotificationSettings = Type.Object({ sms: Type.Array(OptionalNotificationEvent), email: Type.Array(OptionalNotificationEvent) });
export type NotificationSettings = Static<typeof NotificationSettings>;

export const RequestTypeSettings = Type.Object({
  code: Type.String(),
  nameTr: Type.String(),
  nameEn: Type.String(),
  legalClock: Nullable(Type.String()),
  active: Type.Boolean(),
  /** Open311 may publish its requests, as their categories say. */
  publishable: Type.Boolean(),
  /** False for types whose requests are one person's own matter (KVKK, Law 4982): never published. */
  mayPublish: Type.Boolean(),
  notifications: NotificationSettings,
});
export type RequestTypeSettings = Static<typeof RequestTypeSettings>;
export const RequestTypeSettingsList = Type.Object({ items: Type.Array(RequestTypeSettings) });
export type RequestTypeSettingsList = Static<typeof RequestTypeSettingsList>;

export const RequestTypeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export type RequestTypeParams = Static<typeof RequestTypeParams>;

// Any event is taken here, so that naming one that is always sent gets the reason, not a bare enum error.
const EventList = Type.Array(OneOf(NOTIFICATION_EVENTS), { maxItems: NOTIFICATION_EVENTS.length, uniqueItems: true });

export const UpdateRequestTypeBody = Type.Object(
  {
    publishable: Type.Optional(Type.Boolean()),
    notifications: Type.Optional(Type.Object({ sms: EventList, email: EventList }, { additionalProperties: false })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRequestTypeBody = Static<typeof UpdateRequestTypeBody>;
