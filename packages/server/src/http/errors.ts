/**
 * The one place where errors become HTTP answers: `{ error: { code, message, details? } }`.
 * Client faults get a 4xx naming what was wrong; anything else is a 500 whose body hides the
 * internals while the log keeps them under the request id.
 */
import { DomainError, type ErrorDetail } from '@cozum/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

const STATUS_BY_CODE: Record<string, number> = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_query: 400,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  version_conflict: 409,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_invalid: 401,
  forbidden: 403,
  csrf_required: 403,
  rate_limited: 429,
  'proof_of_work.required': 429,
  /** No SMS provider on this server: no code could reach the phone. */
  'portal.sms_unavailable': 503,
  /** The development outbox exists only in development mode (DEV_OUTBOX). */
  'dev_outbox.off': 404,
  body_too_large: 413,
  unsupported_media_type: 415,
};

/** Dotted domain codes (`request.invalid_transition`) map by their last part. */
export function statusForCode(code: string): number {
  const direct = STATUS_BY_CODE[code];
  if (direct) return direct;
  const last = code.split('.').pop() ?? '';
  if (last === 'not_found') return 404;
  if (['conflict', 'version_conflict', 'invalid_transition', 'already_exists', 'already_extended', 'already_answered', 'has_responses'].includes(last)) return 409;
  if (last === 'forbidden') return 403;
  return 400;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetail[]; requestId?: string };
}

export const errorBody = (code: string, message: string, details?: ErrorDetail[]): ErrorBody => ({
  error: details?.length ? { code, message, details } : { code, message },
});

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function describeValidation(context: string, errors: AjvError[]): ErrorDetail[] {
  return errors.map((e) => {
    const base = [context, ...e.instancePath.split('/').filter(Boolean)].join('.');
    switch (e.keyword) {
      case 'additionalProperties':
        return { field: `${base}.${String(e.params.additionalProperty)}`, message: `unknown field '${String(e.params.additionalProperty)}'; remove it` };
      case 'required':
        return { field: `${base}.${String(e.params.missingProperty)}`, message: 'is required' };
      case 'type':
        return { field: base, message: `must be ${String(e.params.type)}` };
      case 'enum':
      case 'anyOf':
        return { field: base, message: e.keyword === 'enum' ? `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}` : (e.message ?? 'has the wrong form') };
      default:
        return { field: base, message: e.message ?? 'is invalid' };
    }
  });
}

/** pg error codes that are the client's fault when they escape a use case. */
function fromPostgres(error: { code?: string; detail?: string; constraint?: string }): ErrorBody & { status: number } | null {
  if (error.code === '23505') return { status: 409, ...errorBody('conflict', `already exists${error.constraint ? ` (${error.constraint})` : ''}`) };
  // Class 22 (data exception): a NUL character in text, a number out of range, a bad date.
  if (error.code?.startsWith('22')) return { status: 400, ...errorBody('validation_failed', 'a value could not be stored: text must not contain NUL characters, and numbers and dates must be within range') };
  if (error.code === '23503') return { status: 400, ...errorBody('validation_failed', `refers to a record that does not exist${error.constraint ? ` (${error.constraint})` : ''}`) };
  return null;
}

export function handleError(error: FastifyError | DomainError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return reply.status(statusForCode(error.code)).send(errorBody(error.code, error.message, error.details));
  }
  const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fe.validation) {
    const details = describeValidation(fe.validationContext ?? 'body', fe.validation);
    const message = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    return reply.status(400).send(errorBody('validation_failed', message, details));
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(errorBody('invalid_json', `the request body is not valid JSON: ${fe.message}`));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send(errorBody('body_too_large', 'the request body is larger than the server accepts; send less data'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.status(415).send(errorBody('unsupported_media_type', `content type '${String(request.headers['content-type'])}' is not accepted here; send application/json`));
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return reply.status(400).send(errorBody('invalid_body', 'the Content-Length header does not match the body'));
  }
  // A malformed multipart body: busboy throws plain errors without a status.
  if (/^(Multipart: Boundary not found|Unexpected end of (multipart|form) data|Malformed part header|Part terminated early)/.test(error.message ?? '')) {
    return reply.status(400).send(errorBody('invalid_multipart', `the multipart body is malformed (${error.message}); send the file as multipart/form-data with a boundary, in a field named 'file'`));
  }
  // drizzle wraps the driver's error: the SQLSTATE is on its cause.
  const driverError = (error as { cause?: unknown }).cause ?? error;
  const fromPg = fromPostgres(driverError as never);
  if (fromPg) {
    const { status, ...body } = fromPg;
    return reply.status(status).send(body);
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.statusCode === 429 ? 'rate_limited' : 'bad_request';
    return reply.status(fe.statusCode).send(errorBody(code, fe.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'something went wrong on our side; the error is logged', requestId: request.id } });
}
