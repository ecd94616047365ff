/**
 * The contract between the server and its clients (docs/architecture.md, "One contract"): every
 * request and response schema as TypeBox, each beside its TypeScript type of the same name, and
 * the domain's enums and status sets. The server validates, serialises and documents (OpenAPI)
 * with these schemas; the web app imports the types (type-only) and the enums from here.
 */
export {
  ACTIVE_STATUSES,
  AGENT_STATES,
  CHANNELS,
  CLOSED_STATUSES,
  CONSOLE_STATES,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  KPI_BUCKETS,
  KPI_GROUPS,
  MESSAGE_CHANNELS,
  NOTIFICATION_EVENTS,
  OPEN_STATUSES,
  PERMISSIONS,
  PUBLICATIONS,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  REQUIRED_NOTIFICATION_EVENTS,
  RETENTION_CLASS_NAMES,
  ROLES,
  SOLVED_STATUSES,
  TEAM_KINDS,
  TERMINAL_STATUSES,
  VISIT_STATUSES,
  type NotificationEvent,
  type Permission,
  type RequestAction,
  type RequestStatus,
} from '@cozum/domain';
export * from './common.js';
export * from './requests.js';
export * from './contacts.js';
export * from './live.js';
export * from './kpis.js';
export * from './portal.js';
export * from './proof-of-work.js';
export * from './transparency.js';
export * from './open311.js';
export * from './api-keys.js';
export * from './surveys.js';
export * from './reports.js';
export * from './privacy.js';
export * from './audit.js';
export * from './security.js';
export * from './field.js';
export * from './users.js';
export * from './auth.js';
export * from './units.js';
export * from './categories.js';
export * from './calendar.js';
export * from './knowledge-base.js';
export * from './templates.js';
export * from './routing-rules.js';
export * from './places.js';
export * from './request-types.js';
export * from './ops.js';
export * from './dev-outbox.js';
export * from './unit-work.js';
