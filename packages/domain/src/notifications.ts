/**
 * Which events of a request its citizen is told of, and on which channel. Five SMS in a minute
 * for one request (received, assigned, started, a reply, resolved) is too many, so each request
 * type says which events send an SMS and which an e-mail; an administrator changes it on the
 * request types page.
 *
 * Not everything is a choice. The citizen always hears the final answer and what the law says
 * they must be told, on every channel they gave:
 * - resolved and rejected: Law 3071 art. 7, the result of a petition is told to its petitioner;
 * - referred: Law 3071 art. 5, a petition sent to the competent institution is told so;
 * - extended: Law 4982 art. 11, the applicant is told of the extension and its reason.
 */
import { fieldError } from './errors.js';
import type { RequestAction } from './lifecycle.js';
import { MESSAGE_CHANNELS, type MessageChannel } from './templates.js';

/** Every event a citizen may be told of, in the order a request meets them. */
export const NOTIFICATION_EVENTS = ['received', 'assigned', 'started', 'on_hold', 'resumed', 'reply', 'extended', 'referred', 'duplicate', 'rejected', 'resolved', 'closed', 'reopened'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** Always told, on every channel: the final answer and the notices the law requires (see above). */
export const REQUIRED_NOTIFICATION_EVENTS = ['extended', 'referred', 'rejected', 'resolved'] as const satisfies readonly NotificationEvent[];
export type RequiredNotificationEvent = (typeof REQUIRED_NOTIFICATION_EVENTS)[number];

/** The events a request type may turn on or off per channel. */
export const OPTIONAL_NOTIFICATION_EVENTS = NOTIFICATION_EVENTS.filter((event): event is Exclude<NotificationEvent, RequiredNotificationEvent> => !isRequiredEvent(event));
export type OptionalNotificationEvent = Exclude<NotificationEvent, RequiredNotificationEvent>;

export function isRequiredEvent(event: string): event is RequiredNotificationEvent {
  return (REQUIRED_NOTIFICATION_EVENTS as readonly string[]).includes(event);
}

/** A request type's choice: the optional events that send an SMS, and those that send an e-mail. */
export type NotificationSettings = Record<MessageChannel, readonly OptionalNotificationEvent[]>;

/**
 * What every request type starts with (migration 0019 writes the same as the columns' default):
 * besides the final answer, the tracking number when the request is received, the staff's
 * public replies, and the news that the request was merged into another (its answer comes with
 * the other's). Assigned, started, on hold, resumed, closed and reopened stay quiet.
 */
export const DEFAULT_NOTIFICATIONS: NotificationSettings = {
  sms: ['received', 'reply', 'duplicate'],
  email: ['received', 'reply', 'duplicate'],
};

/** The event each request action tells the citizen of; null for actions only staff see (notes, transfers between units). */
const EVENT_OF_ACTION: Record<RequestAction, NotificationEvent | null> = {
  assign: 'assigned',
  start: 'started',
  hold: 'on_hold',
  resume: 'resumed',
  transfer: null,
  refer: 'referred',
  mark_duplicate: 'duplicate',
  reject: 'rejected',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
  comment: null,
  reply: 'reply',
  extend: 'extended',
};

export const notificationEventOf = (action: RequestAction): NotificationEvent | null => EVENT_OF_ACTION[action];

/** The channels a request type tells this event on: every one for a required event, else those it chose. */
export function channelsToTell(event: NotificationEvent, settings: NotificationSettings): MessageChannel[] {
  if (isRequiredEvent(event)) return [...MESSAGE_CHANNELS];
  return MESSAGE_CHANNELS.filter((channel) => settings[channel].includes(event));
}

/**
 * An administrator's choice, checked: only optional events, each once, in the order requests
 * meet them. A required event is refused with the reason, not dropped in silence.
 */
export function checkNotificationSettings(given: Record<MessageChannel, readonly string[]>, field = 'notifications'): NotificationSettings {
  const checked = {} as Record<MessageChannel, OptionalNotificationEvent[]>;
  for (const channel of MESSAGE_CHANNELS) {
    for (const event of given[channel]) {
      if (isRequiredEvent(event)) throw fieldError(`${field}.${channel}`, 'always_sent', `'${event}' is always sent on every channel (the citizen must hear the final answer and what the law requires); list only ${OPTIONAL_NOTIFICATION_EVENTS.join(', ')}`, { event });
      if (!(NOTIFICATION_EVENTS as readonly string[]).includes(event)) throw fieldError(`${field}.${channel}`, 'one_of', `'${event}' is not an event; choose from ${OPTIONAL_NOTIFICATION_EVENTS.join(', ')}`, { allowed: OPTIONAL_NOTIFICATION_EVENTS.join(', ') });
    }
    checked[channel] = OPTIONAL_NOTIFICATION_EVENTS.filter((event) => given[channel].includes(event));
  }
  return checked;
}
