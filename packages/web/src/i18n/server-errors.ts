/**
 * The server's errors in the user's language. The server sends a stable code with params for
 * the whole error and for each field at fault (`{ field: 'body.citizen.tcKimlikNo', code:
 * 'not_tckn' }`); its English message is for operators and never shown here. Field paths
 * become the field's label from `fields.*` (the last named part of the path), codes become
 * sentences from `fieldErrors.*` and `errorMessages.*` (errors.tr.json / errors.en.json).
 */
import i18n from './index';

export interface ServerErrorDetail {
  field?: string;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

/**
 * The params as the user reads them: the record, status, action, role, weekday or other field
 * a param names in the user's language, a date day first. A `reason` (or a schema's `format`)
 * picks the code's text for that case when the catalogue has one (`not_tckn_checksum`,
 * `format_date`; i18next's context), else the code's own text.
 */
function localParams(params: Record<string, string | number> = {}): Record<string, unknown> {
  const local: Record<string, unknown> = { ...params };
  const named = (key: string, value: string | number | undefined) => (value === undefined ? undefined : (translate(`${key}${String(value)}`) ?? String(value)));
  if (params.what !== undefined) local.what = translate(`records.${String(params.what).replace(/ /g, '_')}`) ?? i18n.t('records.record');
  if (params.status !== undefined) local.status = named('status.', params.status);
  if (params.action !== undefined) local.action = named('action.', params.action);
  if (params.role !== undefined) local.role = named('roles.', params.role);
  if (params.day !== undefined) local.day = named('calendar.day', params.day);
  if (params.other !== undefined) local.other = fieldLabel(String(params.other));
  if (typeof params.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.date)) {
    local.date = new Date(`${params.date}T12:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'tr-TR', { timeZone: 'UTC' });
  }
  if (typeof params.reason === 'string') local.context = params.reason;
  // A JSON-schema format (`format` with `{ format: 'date' }`) has a text of its own: `format_date`.
  else if (typeof params.format === 'string') local.context = params.format;
  return local;
}

function translate(key: string, params?: Record<string, unknown>): string | null {
  return i18n.exists(key, params as never) ? String(i18n.t(key as never, params as never)) : null;
}

/** The field a path names, without its place in the request: `body.citizen.tcKimlikNo` → `tcKimlikNo`. */
export function fieldName(path: string): string {
  const named = path.split('.').filter((part) => part && !/^\d+$/.test(part) && !['body', 'query', 'querystring', 'params', 'headers'].includes(part));
  return named[named.length - 1] ?? '';
}

/** The path without its place in the request: `body.citizen.tcKimlikNo` → `citizen.tcKimlikNo`. */
export const fieldPath = (path: string): string => path.replace(/^(body|query|querystring|params|headers)\./, '');

/** The label of the field a path names, in the user's language. */
export const fieldLabel = (path: string): string => translate(`fields.${fieldName(path)}`) ?? i18n.t('fields.field');

/** What is wrong with one field, to stand next to it. */
export const detailText = (detail: ServerErrorDetail): string => translate(`fieldErrors.${detail.code ?? 'invalid'}`, localParams(detail.params)) ?? i18n.t('fieldErrors.invalid');

/** One detail as a line of its own, where it does not stand next to its field: "Label: what is wrong". */
export const detailLine = (detail: ServerErrorDetail): string => (detail.field ? `${fieldLabel(detail.field)}: ${detailText(detail)}` : detailText(detail));

/** The sentence for the whole error, when the catalogue has one for its code. */
export const errorSentence = (code: string, params?: Record<string, string | number>): string | null => translate(`errorMessages.${code}`, localParams(params));

/** The short heading for the error's code, or the general one. */
export const errorHeading = (code: string): string => translate(`errors.${code}`) ?? i18n.t('errors.title');

/**
 * What to say about a failure besides its heading, in the user's language: the sentence for
 * its code, which says it all, or else a line for each field at fault, leaving out the fields
 * `shown` next to their inputs already. A network failure has its heading only.
 */
export function errorLines(error: unknown, shown: readonly string[] = []): string[] {
  const failure = error as { code?: unknown; status?: unknown; params?: Record<string, string | number>; details?: ServerErrorDetail[] } | null;
  if (!failure || typeof failure.code !== 'string' || failure.status === 0) return [];
  const sentence = errorSentence(failure.code, failure.params);
  if (sentence) return [sentence];
  return (failure.details ?? []).filter((d) => !d.field || !(shown.includes(fieldName(d.field)) || shown.includes(fieldPath(d.field)))).map(detailLine);
}

/**
 * A failure as one line of text in the user's language, for a notice or a list of failures
 * where no ErrorAlert fits. Takes any thrown value (an ApiError is known by its code).
 */
export function errorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const lines = errorLines(error);
  return lines.length ? lines.join('; ') : typeof code === 'string' ? errorHeading(code) : i18n.t('errors.title');
}
