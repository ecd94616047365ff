/**
 * GeoReport v2 on the wire: the same answer as JSON or as XML, chosen by the path's
 * extension (services.json, services.xml), and errors as the spec writes them, a list of
 * { code, description } (http://wiki.open311.org/GeoReport_v2#errors).
 */
import { DomainError } from '@cozum/domain';
import type { FastifyReply } from 'fastify';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

/** The element each list's items take in XML (<services><service>…). */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  notes: 'note',
};

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>).map(([key, v]) => element(key, v)).join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole XML document: `toXml('services', [...])` → <services><service>…</service></services>. */
export const toXml = (root: string, value: unknown): string => `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;

/** Sends `value` as JSON, or as XML under `root` (lists take their item names from the root). */
export function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) {
  if (format === 'xml') return reply.status(status).type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** An Open311 error: an HTTP status and the description the client shows. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413 | 415 | 429 | 500,
    message: string,
  ) {
    super(message);
  }
}

/** The largest POST body taken: a 4,000-character description, percent-encoded, fits with room to spare. */
export const MAX_BODY_BYTES = 64 * 1024;

interface ValidationIssue {
  instancePath: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** '/attribute/district/0' → 'attribute[district][]': the field as the client wrote it. */
function fieldName(issue: ValidationIssue): string {
  const [first, ...rest] = issue.instancePath.split('/').filter(Boolean);
  if (first === undefined) return String(issue.params?.missingProperty ?? issue.params?.additionalProperty ?? 'request body');
  return `${first}${rest.map((part) => (/^\d+$/.test(part) ? '[]' : `[${part}]`)).join('')}`;
}

/**
 * One error per field. A field that may take several types (lat: text or number) fails each
 * of them and then anyOf; those become one "must be string or number". Validation errors are
 * few (one or two per field of a bounded body), so the look-ups below stay small.
 */
function validationErrors(issues: ValidationIssue[]): { code: number; description: string }[] {
  const byField = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const name = fieldName(issue);
    const own = byField.get(name);
    if (own) own.push(issue);
    else byField.set(name, [issue]);
  }
  // A list whose item is wrong fails as "not text" too; the item's own error says more.
  const names = [...byField.keys()];
  const deepest = [...byField].filter(([name]) => !names.some((other) => other.startsWith(`${name}[`)));
  return deepest.map(([name, own]) => {
    const types = own.filter((i) => i.keyword === 'type').map((i) => String(i.params?.type));
    const anyOf = own.some((i) => i.keyword === 'anyOf');
    const messages = anyOf && types.length ? [`must be ${types.join(' or ')}`] : [...new Set(own.map((i) => i.message ?? 'is invalid'))];
    return { code: 400, description: `${name}: ${messages.join('; ')}` };
  });
}

/** Turns any failure into the spec's error list; our own error codes become their HTTP status. */
export function errorList(error: unknown): { status: number; errors: { code: number; description: string }[] } {
  if (error instanceof Open311Error) return { status: error.status, errors: [{ code: error.status, description: error.message }] };
  if (error instanceof DomainError) {
    const status = error.code.endsWith('not_found') ? 404 : error.code === 'forbidden' ? 403 : error.code === 'rate_limited' ? 429 : 400;
    const descriptions = error.details?.length ? error.details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)) : [error.message];
    return { status, errors: descriptions.map((description) => ({ code: status, description })) };
  }
  // drizzle wraps the driver's error: the SQLSTATE is on its cause. Class 22 (data exception) is
  // what the client sent: a NUL character in an id or text, a number or date out of range.
  const driverError = error && typeof error === 'object' ? ((error as { cause?: unknown }).cause ?? error) : null;
  const sqlState = driverError && typeof driverError === 'object' ? (driverError as { code?: unknown }).code : undefined;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    return { status: 400, errors: [{ code: 400, description: 'a value in the request could not be read: text must not contain NUL characters (%00), and numbers and dates must be within range' }] };
  }
  const fe = error as { code?: string; statusCode?: number; message?: string; validation?: ValidationIssue[] };
  if (fe.validation) return { status: 400, errors: validationErrors(fe.validation) };
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, errors: [{ code: 413, description: `request body: is larger than the ${MAX_BODY_BYTES / 1024} KB a GeoReport request may take` }] };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, errors: [{ code: fe.statusCode, description: fe.message ?? 'bad request' }] };
  return { status: 500, errors: [{ code: 500, description: 'something went wrong on our side; the error is logged' }] };
}

/** The format a URL asks for: the extension of its last path segment, JSON when there is none. */
export function formatOfUrl(url: string): Format {
  const ext = /\.(\w+)$/.exec(url.split('?')[0] ?? '')?.[1]?.toLowerCase();
  return ext === 'xml' ? 'xml' : 'json';
}
