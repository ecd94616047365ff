/**
 * Domain errors carry a stable code and never an HTTP status: the HTTP layer maps codes to
 * statuses in one place. `details` names the offending fields so clients can point at them.
 *
 * Each code (the error's and each detail's) comes with `params`, the values its message
 * names, so a client shows the message in its user's language from its own catalogue; the
 * English `message` is for operators, the API and the CLI.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid_credentials'
  | 'totp_required'
  | 'totp_invalid'
  | 'rate_limited'
  | 'csrf_required'
  | `${string}.${string}`;

/** Values a message names: a limit, a tracking number, a date. */
export type ErrorParams = Record<string, string | number>;

/**
 * What can be wrong with one field. A client's catalogue has a message for each (the web
 * app's tests hold that it has), written to stand next to the field: "is required", not
 * "the phone is required".
 */
export const VALIDATION_CODES = [
  // from the schemas (the HTTP layer maps each JSON-schema keyword to one of these)
  'required', // nothing given
  'type', // { type }: a number where text was expected, …
  'one_of', // { allowed }: not one of the listed values
  'min_length', // { limit }
  'max_length', // { limit }
  'pattern', // the wrong shape
  'format', // { format }: not a date, an e-mail, …
  'minimum', // { limit }
  'maximum', // { limit }
  'min_items', // { limit }
  'max_items', // { limit }
  'unknown_field', // { name }: a field the route does not take
  'invalid', // the value cannot be used (no more specific code applies)
  // from the domain
  'not_phone', // { value }: not a phone number
  'not_email', // not an e-mail address
  'not_tckn', // { reason }: not a valid TC kimlik no (reason: length, digits, leading_zero, checksum)
  'not_date', // { value }: not a date
  'in_future', // a time later than now
  'too_old', // { days }: more than days ago
  'not_found', // { id }: refers to a record that does not exist
  'inactive', // refers to a record that is no longer active
  'taken', // { value }: already used by another record
  'before_start', // an end before its start
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface ErrorDetail {
  field?: string;
  code?: ValidationCode;
  params?: ErrorParams;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  readonly params?: ErrorParams;
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], params?: ErrorParams) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.params = params;
  }
}

/** One field is wrong: its code and params for the client's catalogue, the message in English. */
export const fieldError = (field: string, code: ValidationCode, message: string, params?: ErrorParams): DomainError =>
  new DomainError('validation_failed', `${field}: ${message}`, [params ? { field, code, params, message } : { field, code, message }]);

/** @deprecated give the field's code: use fieldError. */
export const invalid = (field: string, message: string): DomainError => fieldError(field, 'invalid', message);

export const notFound = (what: string, id: string | number): DomainError =>
  new DomainError('not_found', `${what} '${id}' was not found`, undefined, { what, id });
