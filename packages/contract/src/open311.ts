/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the query strings and the POST
 * body, in the spec's own names. The answers are the spec's JSON or XML, written by the server
 * (http/open311/format.ts), so they have no schema here.
 */
import { Type, type Static } from 'typebox';

const Text = (maxLength: number) => Type.String({ maxLength });

// GET parameters: text, and the filters that take lists also as repeated parameters. Other
// parameters are ignored, as GeoReport clients send their own (api_key on a GET, cache busters).
const Word = Type.Optional(Text(200));
const Listed = Type.Optional(Type.Union([Text(8000), Type.Array(Text(8000), { maxItems: 1000 })]));

/** What every GeoReport GET may carry. */
export const Open311Query = Type.Object({ jurisdiction_id: Word, extensions: Word });
export type Open311Query = Static<typeof Open311Query>;

/** GET requests: the spec's filters and paging, checked and read by the server. */
export const Open311RequestsQuery = Type.Object({
  jurisdiction_id: Word,
  extensions: Word,
  service_request_id: Listed,
  service_code: Listed,
  status: Listed,
  start_date: Word,
  end_date: Word,
  page: Word,
  page_size: Word,
});
export type Open311RequestsQuery = Static<typeof Open311RequestsQuery>;

/** Most attributes one POST may carry, and most values one multi-value attribute may list. */
const MAX_ATTRIBUTES = 20;
const MAX_ATTRIBUTE_VALUES = 20;

const Coordinate = Type.Union([Text(40), Type.Number()]);

/**
 * The body of a GeoReport POST (http://wiki.open311.org/GeoReport_v2#post-service-request),
 * form-encoded as the spec sends it or JSON. Every field is a string, except lat and long,
 * which JSON clients may send as numbers.
 */
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
export type Open311PostBody = Static<typeof Open311PostBody>;

/** The query string of a POST carries at most the key and the jurisdiction, never the request. */
export const Open311PostQuery = Type.Object({
  api_key: Type.Optional(Text(200)),
  jurisdiction_id: Type.Optional(Text(200)),
});
export type Open311PostQuery = Static<typeof Open311PostQuery>;
