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

const translate = (key: string, params?: Record<string, unknown>): string | null => (i18n.exists(key) ? String(i18n.t(key as never, params as never)) : null);

/** The field a path names, without its place in the request: `body.citizen.tcKimlikNo` → `tcKimlikNo`. */
export function fieldName(path: string): string {
  const named = path.split('.').filter((part) => part && !/^\d+$/.test(part) && !['body', 'query', 'querystring', 'params', 'headers'].includes(part));
  return named[named.length - 1] ?? '';
}

/** The label of the field a path names, in the user's language. */
export const fieldLabel = (path: string): string => translate(`fields.${fieldName(path)}`) ?? i18n.t('fields.field');

/** What is wrong with one field, to stand next to it. */
export const detailText = (detail: ServerErrorDetail): string => translate(`fieldErrors.${detail.code ?? 'invalid'}`, detail.params) ?? i18n.t('fieldErrors.invalid');

/** One detail as a line of its own, where it does not stand next to its field: "Label: what is wrong". */
export const detailLine = (detail: ServerErrorDetail): string => (detail.field ? `${fieldLabel(detail.field)}: ${detailText(detail)}` : detailText(detail));

/** The sentence for the whole error, when the catalogue has one for its code. */
export const errorSentence = (code: string, params?: Record<string, string | number>): string | null => translate(`errorMessages.${code}`, params);

/** The short heading for the error's code, or the general one. */
export const errorHeading = (code: string): string => translate(`errors.${code}`) ?? i18n.t('errors.title');
