/**
 * The one way the web app talks to the server: JSON under /api/v1 with the session cookie.
 * Every write carries `X-Cozum-Csrf`, which the server demands of cookie-authenticated writes.
 * Failures become an ApiError holding the server's `{ error: { code, message, details } }`.
 */
import type { ErrorResponse } from '@cozum/contract';
import { detailText, fieldName, fieldPath } from '../i18n/server-errors';

/** One problem with the input, naming its field where it has one. */
export type ErrorDetail = NonNullable<ErrorResponse['error']['details']>[number];

/**
 * A failed request. `message` is the server's English text (for the console and bug reports);
 * the user sees `code`, `params` and `details` through the catalogue (ErrorAlert, fieldMessage).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = [], params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.params = params;
    this.details = details;
  }

  /**
   * The detail about a form field, matched on the field's name (`body.citizen.phone` → `phone`)
   * or, for a form that names its fields by their place, on the path (`citizen.phone`).
   */
  fieldDetail(field: string): ErrorDetail | undefined {
    return this.details.find((d) => d.field !== undefined && (fieldName(d.field) === field || fieldPath(d.field) === field));
  }

  /** What is wrong with a form field, in the user's language, to show next to it. */
  fieldMessage(field: string): string | undefined {
    const detail = this.fieldDetail(field);
    return detail && detailText(detail);
  }
}

const BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;
/** An array repeats the parameter (`status=new&status=assigned`). */
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

const unauthenticatedListeners = new Set<() => void>();

/** Called when any request hears 401 for an ended session, so the app can show the login again. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, given] of Object.entries(query ?? {})) {
    for (const value of Array.isArray(given) ? given : [given]) {
      if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
    }
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown; params?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const params = error.params && typeof error.params === 'object' ? (error.params as Record<string, string | number>) : {};
    return new ApiError(response.status, error.code, error.message, Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [], params);
  }
  return new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`.trim());
}

async function request<T>(method: Method, path: string, options: { body?: unknown; query?: Query; file?: true } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Cozum-Csrf'] = '1';
  // The browser sets multipart's Content-Type itself, with the boundary.
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached; check the connection and try again.');
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && error.code !== 'invalid_credentials') unauthenticatedListeners.forEach((listener) => listener());
    throw error;
  }
  if (response.status === 204) return undefined as T;
  if (options.file) return (await response.blob()) as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A file the server makes on a POST (an export logged with its purpose), as a Blob. */
  postForFile: (path: string, body: unknown) => request<Blob>('POST', path, { body, file: true }),
  /** multipart/form-data, for file uploads. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
};

/** The address of a file the server sends (an attachment), for links. */
export const fileUrl = (path: string): string => `${BASE}${path}`;

/** List endpoints answer `{ items: [...] }`. */
export type { Items } from '@cozum/contract';

/** A query as a page holds it: null clears a filter, and is left out of the address. */
export type Filter<T> = { [K in keyof T]?: T[K] | null };
