/**
 * Domain errors carry a stable code and never an HTTP status: the HTTP layer maps codes to
 * statuses in one place. `details` names the offending fields so clients can point at them.
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

export interface ErrorDetail {
  field?: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('validation_failed', `${field}: ${message}`, [{ field, message }]);

export const notFound = (what: string, id: string | number): DomainError =>
  new DomainError('not_found', `${what} '${id}' was not found`);
