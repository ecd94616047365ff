/**
 * The one place where errors become HTTP answers: `{ error: { code, message, details? } }`.
 * Client faults get a 4xx naming what was wrong; anything else is a 500 whose body hides the
 * internals while the log keeps them under the request id.
 */
import { DomainError, type ErrorDetail, type ErrorParams, type ValidationCode } from '@cozum/domain';
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
  error: { code: string; message: string; params?: ErrorParams; details?: ErrorDetail[]; requestId?: string };
}

export const errorBody = (code: string, message: string, details?: ErrorDetail[], params?: ErrorParams): ErrorBody => ({
  error: { code, message, ...(params && Object.keys(params).length ? { params } : {}), ...(details?.length ? { details } : {}) },
});

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** JSON-schema keywords and the field code each becomes, with the params its message names. */
const KEYWORD_CODES: Record<string, { code: ValidationCode; params?: (p: Record<string, unknown>) => ErrorParams }> = {
  required: { code: 'required' },
  type: { code: 'type', params: (p) => ({ type: String(p.type) }) },
  enum: { code: 'one_of', params: (p) => ({ allowed: (p.allowedValues as unknown[]).join(', ') }) },
  const: { code: 'one_of', params: (p) => ({ allowed: String(p.allowedValue) }) },
  minLength: { code: 'min_length', params: (p) => ({ limit: Number(p.limit) }) },
  maxLength: { code: 'max_length', params: (p) => ({ limit: Number(p.limit) }) },
  pattern: { code: 'pattern' },
  format: { code: 'format', params: (p) => ({ format: String(p.format) }) },
  minimum: { code: 'minimum', params: (p) => ({ limit: Number(p.limit) }) },
  exclusiveMinimum: { code: 'minimum', params: (p) => ({ limit: Number(p.limit) }) },
  maximum: { code: 'maximum', params: (p) => ({ limit: Number(p.limit) }) },
  exclusiveMaximum: { code: 'maximum', params: (p) => ({ limit: Number(p.limit) }) },
  minItems: { code: 'min_items', params: (p) => ({ limit: Number(p.limit) }) },
  maxItems: { code: 'max_items', params: (p) => ({ limit: Number(p.limit) }) },
  additionalProperties: { code: 'unknown_field', params: (p) => ({ name: String(p.additionalProperty) }) },
};

function describeValidation(context: string, errors: AjvError[]): ErrorDetail[] {
  return errors.map((e) => {
    const base = [context, ...e.instancePath.split('/').filter(Boolean)].join('.');
    const known = KEYWORD_CODES[e.keyword];
    const code = known?.code ?? 'invalid';
    const params = known?.params?.(e.params);
    const detail = (field: string, message: string): ErrorDetail => (params ? { field, code, params, message } : { field, code, message });
    switch (e.keyword) {
      case 'additionalProperties':
        return detail(`${base}.${String(e.params.additionalProperty)}`, `unknown field '${String(e.params.additionalProperty)}'; remove it`);
      case 'required':
        return detail(`${base}.${String(e.params.missingProperty)}`, 'is required');
      case 'type':
        return detail(base, `must be ${String(e.params.type)}`);
      case 'enum':
        return detail(base, `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`);
      case 'anyOf':
        return detail(base, e.message ?? 'has the wrong form');
      default:
        return detail(base, e.message ?? 'is invalid');
    }
  });
}

/** pg error codes that are the client's fault when they escape a use case. */
function fromPostgres(error: { code?: string; detail?: string; constraint?: string }): ErrorBody & { status: number } | null {
  const named = error.constraint ? { constraint: error.constraint } : undefined;
  if (error.code === '23505') return { status: 409, ...errorBody('conflict', `already exists${error.constraint ? ` (${error.constraint})` : ''}`, undefined, named) };
  // Class 22 (data exception): a NUL character in text, a number out of range, a bad date.
  if (error.code?.startsWith('22')) return { status: 400, ...errorBody('validation_failed', 'a value could not be stored: text must not contain NUL characters, and numbers and dates must be within range', undefined, { reason: 'unstorable' }) };
  if (error.code === '23503') return { status: 400, ...errorBody('validation_failed', `refers to a record that does not exist${error.constraint ? ` (${error.constraint})` : ''}`, undefined, { reason: 'missing_reference', ...named }) };
  return null;
}

export function handleError(error: FastifyError | DomainError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return reply.status(statusForCode(error.code)).send(errorBody(error.code, error.message, error.details, error.params));
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
      return reply.status(415).send(errorBody('unsupported_media_type', `content type '${String(request.headers['content-type'])}' is not accepted here; send application/json`, undefined, { contentType: String(request.headers['content-type']) }));
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
  if (fe.statusCode === 429) {
    const seconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return reply.status(429).send(errorBody('rate_limited', fe.message, undefined, typeof seconds === 'number' ? { seconds } : undefined));
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send(errorBody('bad_request', fe.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'something went wrong on our side; the error is logged', requestId: request.id } });
}
