/**
 * The body of a GeoReport POST: its schema, the form parser, and where the api_key is read.
 * The spec sends a POST form-encoded (http://wiki.open311.org/GeoReport_v2#post-service-request);
 * JSON bodies are taken too. Every field is a string, except lat and long, which JSON clients
 * may send as numbers; anything else (null, arrays, objects) is a 400 naming the field.
 */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { Open311Error } from './format.js';

/** Most fields a form may carry: the spec's sixteen and a few attributes leave room to spare. */
export const MAX_FORM_FIELDS = 100;
/** Most attributes one POST may carry, and most values one multi-value attribute may list. */
export const MAX_ATTRIBUTES = 20;
export const MAX_ATTRIBUTE_VALUES = 20;

const Text = (maxLength: number) => Type.String({ maxLength });
const Coordinate = Type.Union([Text(40), Type.Number()]);

export const Open311PostBody = Type.Object({
  api_key: Type.Optional(Text(200)),
  jurisdiction_id: Type.Optional(Text(200)),
  service_code: Type.Optional(Text(64)),
  lat: Type.Optional(Coordinate),
  long: Type.Optional(Coordinate),
  address_string: Type.Optional(Text(1000)),
  address_id: Type.Optional(Text(100)),
  email: Type.Optional(Text(254)),
  device_id: Type.Optional(Text(200)),
  account_id: Type.Optional(Text(200)),
  first_name: Type.Optional(Text(100)),
  last_name: Type.Optional(Text(100)),
  phone: Type.Optional(Text(40)),
  // GeoReport: "A full description of the request or report being submitted", at most 4000 characters.
  description: Type.Optional(Text(4000)),
  media_url: Type.Optional(Text(2000)),
  attribute: Type.Optional(
    Type.Record(Type.String({ maxLength: 64 }), Type.Union([Text(1000), Type.Array(Text(1000), { maxItems: MAX_ATTRIBUTE_VALUES })]), { maxProperties: MAX_ATTRIBUTES }),
  ),
});
export type Open311Post = Static<typeof Open311PostBody>;

/** The query string of a POST carries at most the key and the jurisdiction, never the request. */
export const Open311PostQuery = Type.Object({
  api_key: Type.Optional(Text(200)),
  jurisdiction_id: Type.Optional(Text(200)),
});

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
