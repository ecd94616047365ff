/**
 * The contract between the server and its clients (docs/architecture.md, "One contract"): every
 * request and response schema as TypeBox, each beside its TypeScript type of the same name, and
 * the domain's enums and status sets. The server validates, serialises and documents (OpenAPI)
 * with these schemas; the web app imports the types (type-only) and the enums from here.
 */
export {
  ACTIVE_STATUSES,
  CHANNELS,
  CLOSED_STATUSES,
  OPEN_STATUSES,
  PERMISSIONS,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  ROLES,
  SOLVED_STATUSES,
  TERMINAL_STATUSES,
  type Permission,
  type RequestAction,
  type RequestStatus,
} from '@cozum/domain';
export * from './common.js';
export * from './requests.js';
