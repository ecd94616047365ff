/**
 * A small GeoReport v2 client: fetches an endpoint's answers and reads them from JSON or XML
 * into one shape. Real servers bend the spec, and this reads them anyway: UPPERCASE keys and
 * numeric codes (St. Louis), `singleValueList` casing, a lone item where a list belongs,
 * namespace declarations on the root (San Francisco), empty strings for missing values, and
 * service definitions wrapped in a list.
 */
import { XMLParser } from 'fast-xml-parser';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: string;
  keywords: string | null;
  group: string | null;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: string;
  required: boolean;
  datatype_description: string | null;
  order: number | null;
  description: string | null;
  values: { key: string; name: string }[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export interface Open311Note {
  datetime: string | null;
  type: string | null;
  summary: string | null;
  description: string | null;
}

export interface Open311Request {
  service_request_id: string | null;
  token: string | null;
  status: string | null;
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string | null;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  account_id: string | null;
  extended_attributes: Record<string, unknown> | null;
  notes: Open311Note[];
}

export interface Open311Discovery {
  changeset: string | null;
  contact: string | null;
  key_service: string | null;
  endpoints: { specification: string; url: string; changeset: string | null; type: string | null; formats: string[] }[];
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

export type Open311Format = 'json' | 'xml';

/** Elements that are lists in GeoReport XML, even when they hold one item. */
const LIST_ITEMS = new Set(['service', 'request', 'attribute', 'value', 'endpoint', 'format', 'error', 'note']);

const xml = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LIST_ITEMS.has(name),
});

/** Lower-cases every key, so { SERVICE_CODE } and { service_code } read alike. */
function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]));
  return value;
}

type Loose = Record<string, unknown>;

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return null;
  const s = String(value).trim();
  return s === '' ? null : s;
};
const bool = (value: unknown): boolean => value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
const num = (value: unknown): number | null => {
  const s = text(value);
  if (s === null) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};
/** A list however it came: an array, one object, or XML's <list><item/></list> wrapper. */
function items(value: unknown, item: string): Loose[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value as Loose[];
  if (typeof value === 'object') {
    if (Object.keys(value).length === 0) return [];
    const inner = (value as Loose)[item];
    if (inner !== undefined) return items(inner, item);
    return [value as Loose];
  }
  return [];
}

/** The root's content: JSON as parsed, XML without its declaration and root element. */
export function parseBody(body: string, format: Open311Format, root: string): unknown {
  if (format === 'json') return lowerKeys(JSON.parse(body));
  const document = lowerKeys(xml.parse(body)) as Loose;
  const content = document[root];
  if (content === undefined) {
    const found = Object.keys(document).filter((k) => k !== '?xml');
    throw new Error(`expected an XML document with root <${root}>, found <${found.join('>, <') || 'nothing'}>`);
  }
  return content === '' ? {} : content;
}

function service(raw: Loose): Open311Service {
  return {
    service_code: text(raw.service_code) ?? '',
    service_name: text(raw.service_name) ?? '',
    description: text(raw.description),
    metadata: bool(raw.metadata),
    type: text(raw.type) ?? 'realtime',
    keywords: text(raw.keywords),
    group: text(raw.group),
  };
}

export const readServices = (body: string, format: Open311Format): Open311Service[] => items(parseBody(body, format, 'services'), 'service').map(service);

export function readServiceDefinition(body: string, format: Open311Format): Open311ServiceDefinition {
  let raw = parseBody(body, format, 'service_definition');
  if (Array.isArray(raw)) raw = raw[0];
  const definition = (raw ?? {}) as Loose;
  return {
    service_code: text(definition.service_code) ?? '',
    attributes: items(definition.attributes, 'attribute').map((a) => ({
      variable: bool(a.variable),
      code: text(a.code) ?? '',
      // St. Louis spells the key DATETYPE on some attributes.
      datatype: (text(a.datatype) ?? text(a.datetype) ?? 'string').toLowerCase(),
      required: bool(a.required),
      datatype_description: text(a.datatype_description),
      order: num(a.order),
      description: text(a.description),
      values: items(a.values, 'value').map((v) => ({ key: text(v.key) ?? '', name: text(v.name) ?? '' })),
    })),
  };
}

/** Extended attributes are free-form: XML's empty elements and JSON's nulls read alike. */
function blanksAsNull(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blanksAsNull);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blanksAsNull(v)]));
  return text(value);
}

function request(raw: Loose): Open311Request {
  const extended = raw.extended_attributes;
  return {
    service_request_id: text(raw.service_request_id),
    token: text(raw.token),
    status: text(raw.status)?.toLowerCase() ?? null,
    status_notes: text(raw.status_notes),
    service_name: text(raw.service_name),
    service_code: text(raw.service_code),
    description: text(raw.description),
    agency_responsible: text(raw.agency_responsible),
    service_notice: text(raw.service_notice),
    requested_datetime: text(raw.requested_datetime),
    updated_datetime: text(raw.updated_datetime),
    expected_datetime: text(raw.expected_datetime),
    address: text(raw.address),
    address_id: text(raw.address_id),
    zipcode: text(raw.zipcode),
    lat: num(raw.lat),
    long: num(raw.long),
    media_url: text(raw.media_url),
    account_id: text(raw.account_id),
    extended_attributes: extended && typeof extended === 'object' && !Array.isArray(extended) ? (blanksAsNull(extended) as Record<string, unknown>) : null,
    notes: items(raw.notes, 'note').map((n) => ({ datetime: text(n.datetime), type: text(n.type), summary: text(n.summary), description: text(n.description) })),
  };
}

/** GET requests, GET requests/:id, POST requests and GET tokens/:id all answer a list of requests. */
export const readRequests = (body: string, format: Open311Format): Open311Request[] => items(parseBody(body, format, 'service_requests'), 'request').map(request);

export function readDiscovery(body: string, format: Open311Format): Open311Discovery {
  const raw = parseBody(body, format, 'discovery') as Loose;
  return {
    changeset: text(raw.changeset),
    contact: text(raw.contact),
    key_service: text(raw.key_service),
    endpoints: items(raw.endpoints, 'endpoint').map((e) => ({
      specification: text(e.specification) ?? '',
      url: text(e.url) ?? '',
      changeset: text(e.changeset),
      type: text(e.type),
      formats: items(e.formats, 'format').map((f) => text(f) ?? '').filter(Boolean),
    })),
  };
}

export const readErrors = (body: string, format: Open311Format): Open311ErrorItem[] =>
  items(parseBody(body, format, 'errors'), 'error').map((e) => ({ code: num(e.code) ?? 0, description: text(e.description) ?? '' }));

/** An error answer from a GeoReport server, with its error list. */
export class Open311ClientError extends Error {
  constructor(
    readonly status: number,
    readonly errors: Open311ErrorItem[],
  ) {
    super(`GeoReport server answered ${status}: ${errors.map((e) => e.description).join('; ') || 'no description'}`);
  }
}

/** Calls an endpoint: `client.services()`, `client.requests({ status: 'open' })`, `client.post(...)`. */
export function open311Client(options: { baseUrl: string; format?: Open311Format; apiKey?: string; jurisdictionId?: string; fetch?: typeof fetch }) {
  const format = options.format ?? 'json';
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  async function call(path: string, init: { query?: Record<string, string | undefined>; form?: URLSearchParams } = {}) {
    const query = new URLSearchParams();
    if (options.jurisdictionId) query.set('jurisdiction_id', options.jurisdictionId);
    for (const [key, value] of Object.entries(init.query ?? {})) if (value !== undefined) query.set(key, value);
    const url = `${base}/${path}.${format}${query.size ? `?${query}` : ''}`;
    const response = await doFetch(url, init.form ? { method: 'POST', body: init.form, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {});
    const body = await response.text();
    if (!response.ok) {
      let errors: Open311ErrorItem[];
      try {
        errors = readErrors(body, format);
      } catch {
        errors = [{ code: response.status, description: body.slice(0, 200) }];
      }
      throw new Open311ClientError(response.status, errors);
    }
    return body;
  }
  return {
    discovery: async () => readDiscovery(await call('discovery'), format),
    services: async () => readServices(await call('services'), format),
    serviceDefinition: async (code: string) => readServiceDefinition(await call(`services/${encodeURIComponent(code)}`), format),
    requests: async (query: Record<string, string | undefined> = {}) => readRequests(await call('requests', { query }), format),
    request: async (id: string, query: Record<string, string | undefined> = {}) => readRequests(await call(`requests/${encodeURIComponent(id)}`, { query }), format)[0] ?? null,
    token: async (token: string) => readRequests(await call(`tokens/${encodeURIComponent(token)}`), format)[0] ?? null,
    post: async (fields: Record<string, string | undefined>, attributes: Record<string, string | string[]> = {}) => {
      const form = new URLSearchParams();
      if (options.apiKey) form.set('api_key', options.apiKey);
      if (options.jurisdictionId) form.set('jurisdiction_id', options.jurisdictionId);
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
      for (const [code, value] of Object.entries(attributes)) {
        if (Array.isArray(value)) for (const v of value) form.append(`attribute[${code}][]`, v);
        else form.set(`attribute[${code}]`, value);
      }
      return readRequests(await call('requests', { form }), format);
    },
  };
}
