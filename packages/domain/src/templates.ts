/**
 * Message and reply templates with {placeholders}: "Başvurunuz {trackingNo} alındı."
 * An unknown placeholder is an error when the template is saved, not a blank in a citizen's SMS.
 */
import { fieldError } from './errors.js';

/** The messages a citizen is sent, one per event; each has a text per language and channel. */
export const MESSAGE_KEYS = ['request.created', 'request.status_changed', 'request.resolved', 'request.referred', 'request.rejected', 'request.reply', 'request.extended', 'survey.satisfaction'] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
export const MESSAGE_CHANNELS = ['sms', 'email'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export function checkTemplate(template: string, allowed: readonly string[], field = 'body'): void {
  const unknown = placeholdersOf(template).filter((p) => !allowed.includes(p));
  if (unknown.length) throw fieldError(field, 'unknown_placeholder', `uses unknown placeholder(s) ${unknown.map((u) => `{${u}}`).join(', ')}; allowed: ${allowed.map((a) => `{${a}}`).join(', ')}`, { placeholders: unknown.map((u) => `{${u}}`).join(', '), allowed: allowed.map((a) => `{${a}}`).join(', ') });
}

export function renderTemplate(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : value === null ? '' : String(value);
  });
}
