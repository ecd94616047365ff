/**
 * The body of a GeoReport POST as it arrives: the form parser, and where the api_key is read.
 * The spec sends a POST form-encoded (http://wiki.open311.org/GeoReport_v2#post-service-request);
 * JSON bodies are taken too. The schema that then checks it (every field a string, except lat
 * and long, which JSON clients may send as numbers) is the contract's Open311PostBody.
 */
import { Open311Error } from './format.js';

/** Most fields a form may carry: the spec's sixteen and a few attributes leave room to spare. */
export const MAX_FORM_FIELDS = 100;

/** A form body as it arrived: parsed only once its api_key has been checked. */
export class UnparsedForm {
  constructor(readonly text: string) {}

  /** The api_key field of the form, if it has one. */
  apiKey(): string | null {
    return new URLSearchParams(this.text).get('api_key');
  }
}

/**
 * application/x-www-form-urlencoded as GeoReport clients send it, attribute[code] and
 * attribute[code][] included. Linear in the body: each value is appended once, never copied;
 * more than MAX_FORM_FIELDS fields is a 400. A plain field given twice becomes a list, which
 * the schema then refuses naming the field.
 */
export function parseForm(body: string): Record<string, unknown> {
  const fields = new Map<string, string | string[]>();
  const attribute = new Map<string, string | string[]>();
  let count = 0;
  for (const [key, value] of new URLSearchParams(body)) {
    if (++count > MAX_FORM_FIELDS) throw new Open311Error(400, `request body: has more than ${MAX_FORM_FIELDS} fields; a GeoReport request needs far fewer`);
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    const [into, name, many] = match ? [attribute, match[1]!, match[2] !== undefined] : [fields, key, false];
    const before = into.get(name);
    if (Array.isArray(before)) before.push(value);
    else into.set(name, before === undefined ? (many ? [value] : value) : [before, value]);
  }
  // fromEntries defines own properties, so a field named __proto__ stays a field.
  const post: Record<string, unknown> = Object.fromEntries(fields);
  if (attribute.size) post.attribute = Object.fromEntries(attribute);
  return post;
}
