/**
 * Every error the server can send has words in the web app's catalogue, in Turkish and in
 * English (packages/web/src/i18n/errors.tr.json, errors.en.json), and every field the API's
 * requests take has a label there, so the web app and the portal never fall back to the
 * server's English or to a path like `body.citizen.tcKimlikNo`. Read from the source: a new
 * code or a new request field without its words fails here, naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as contract from '@cozum/contract';
import { VALIDATION_CODES } from '@cozum/domain';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const I18N = path.join(ROOT, 'packages/web/src/i18n');
type Catalogue = Record<string, unknown>;
const read = (file: string): Catalogue => JSON.parse(fs.readFileSync(path.join(I18N, file), 'utf8')) as Catalogue;
const LANGUAGES = { tr: { ...read('tr.json'), ...read('errors.tr.json') }, en: { ...read('en.json'), ...read('errors.en.json') } };

/** The text at a dotted key (`errorMessages.request.version_conflict`), if it is one. */
function textAt(catalogue: Catalogue, key: string): string | undefined {
  let at: unknown = catalogue;
  for (const part of key.split('.')) at = at && typeof at === 'object' ? (at as Catalogue)[part] : undefined;
  return typeof at === 'string' && at.trim() ? at : undefined;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// The server and the domain rules it runs. Left out: src/demo (`cozum demo`, an operator's
// command whose refusals are English by design) and Open311 (its errors are GeoReport's own
// `[{ code, description }]` for apps, never shown by the web app).
const SOURCES = [...sourceFiles(path.join(ROOT, 'packages/server/src')), ...sourceFiles(path.join(ROOT, 'packages/domain/src'))]
  .filter((file) => !file.includes(`${path.sep}demo${path.sep}`))
  .map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));

/** The arguments of each call to `name(…)`, split at the commas between them. */
function callArguments(text: string, name: string): string[][] {
  const calls: string[][] = [];
  for (const match of text.matchAll(new RegExp(`\\b${name}\\(`, 'g'))) {
    const args: string[] = [];
    let depth = 0;
    let quote: string | null = null;
    let current = '';
    for (let i = match.index + match[0].length; i < text.length; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === '\\') current += c + text[++i];
        else {
          current += c;
          if (c === quote) quote = null;
        }
        continue;
      }
      if (c === "'" || c === '"' || c === '`') quote = c;
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) {
        args.push(current.trim());
        current = '';
        continue;
      }
      current += c;
    }
    args.push(current.trim());
    calls.push(args);
  }
  return calls;
}

const literals = (expression: string | undefined): string[] => [...(expression ?? '').matchAll(/'([\w.-]+)'/g)].map((m) => m[1]!);

/** The field a path names, as the web app's labels key it (`citizen.${prefix}.phone` → `phone`); none when the last part is computed. */
function lastName(fieldPath: string): string | undefined {
  if (fieldPath.endsWith('}')) return undefined;
  return fieldPath
    .replace(/\$\{[^}]*\}/g, '')
    .split('.')
    .filter((part) => /^[A-Za-z][\w-]*$/.test(part) && !['body', 'query', 'querystring', 'params', 'headers'].includes(part))
    .pop();
}

/** Top-level codes: `new DomainError('…'`, `errorBody('…'`, the portal's code refusals `fail('…'` and the 500's `code: 'internal'`. */
const errorCodes = new Map<string, string>();
/** Field codes given to fieldError or written into a detail. */
const fieldCodes = new Map<string, string>();
/** Fields named by the server's own checks, by their last name (`citizen.tcKimlikNo` → `tcKimlikNo`). */
const namedFields = new Map<string, string>();
for (const { file, text } of SOURCES) {
  for (const name of ['new DomainError', 'errorBody', 'fail']) {
    for (const args of callArguments(text, name)) {
      const code = /^'([\w.]+)'$/.exec(args[0] ?? '')?.[1];
      if (code) errorCodes.set(code, file);
    }
  }
  for (const m of text.matchAll(/error: \{ code: '([\w.]+)'/g)) errorCodes.set(m[1]!, file);
  for (const args of callArguments(text, 'fieldError')) {
    if (file.endsWith('domain/src/errors.ts')) continue; // the definition
    for (const code of literals(args[1])) fieldCodes.set(code, file);
    const fieldName = /^['`]/.test(args[0] ?? '') ? lastName((args[0] ?? '').slice(1, -1)) : undefined;
    if (fieldName) namedFields.set(fieldName, file);
  }
  for (const m of text.matchAll(/\{ field: ['`]([^'`]+)['`], code: '(\w+)'/g)) {
    fieldCodes.set(m[2]!, file);
    const fieldName = lastName(m[1]!);
    if (fieldName) namedFields.set(fieldName, file);
  }
}

/** Codes whose heading (errors.*) says all there is: their details carry the words. */
const GENERIC = new Set(['validation_failed']);

describe('the error catalogue', () => {
  it('finds the codes in the source (the scan itself works)', () => {
    expect([...errorCodes.keys()]).toEqual(expect.arrayContaining(['invalid_credentials', 'request.version_conflict', 'portal.wrong_code', 'rate_limited', 'internal', 'not_found']));
    expect([...fieldCodes.keys()]).toEqual(expect.arrayContaining(['not_tckn', 'not_mobile', 'too_large', 'inactive']));
    expect([...namedFields.keys()]).toEqual(expect.arrayContaining(['tcKimlikNo', 'phone', 'workingHours', 'file']));
  });

  it.each(Object.entries(LANGUAGES))('has a sentence in %s for every top-level code the server sends', (_language, catalogue) => {
    const missing = [...errorCodes]
      .filter(([code]) => !textAt(catalogue, `errorMessages.${code}`) && !(GENERIC.has(code) && textAt(catalogue, `errors.${code}`)))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(LANGUAGES))('has a text in %s for every field code', (_language, catalogue) => {
    const codes = new Map<string, string>([...VALIDATION_CODES.map((code) => [code, 'VALIDATION_CODES'] as const), ...fieldCodes]);
    const missing = [...codes].filter(([code]) => !textAt(catalogue, `fieldErrors.${code}`)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('gives only codes of VALIDATION_CODES to fields', () => {
    expect([...fieldCodes.keys()].filter((code) => !(VALIDATION_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('has the same keys in Turkish and English, naming the same params', () => {
    const tr = read('errors.tr.json');
    const en = read('errors.en.json');
    const leaves = (catalogue: Catalogue, prefix = ''): string[] =>
      Object.entries(catalogue).flatMap(([key, value]) => (value && typeof value === 'object' ? leaves(value as Catalogue, `${prefix}${key}.`) : [`${prefix}${key}`]));
    expect(leaves(en).sort()).toEqual(leaves(tr).sort());
    const params = (text: string | undefined) => [...(text ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of leaves(tr)) expect(params(textAt(en, key)), key).toEqual(params(textAt(tr, key)));
  });
});

// The request schemas a person fills in. Left out: Open311's (GeoReport field names for
// apps; their errors go out in GeoReport's own form) and the CTI webhook's (a PBX sends it).
const MACHINE_FACING = /^(Open311|CtiEvent)/;
// Schemas that are request bodies under another name (PUT /holidays, /working-hours, /kpi-limits, /retention-policy).
const BODIES_BY_OTHER_NAMES = ['Holiday', 'WorkingHours', 'KpiLimits', 'RetentionPolicyChange'];

/** Every property name in a schema, nested objects, arrays and records included. */
function propertyNames(schema: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return found;
  seen.add(schema);
  const s = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[]; patternProperties?: Record<string, unknown>; additionalProperties?: unknown };
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    found.add(name);
    propertyNames(property, found, seen);
  }
  for (const nested of [s.items, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), ...Object.values(s.patternProperties ?? {}), s.additionalProperties]) propertyNames(nested, found, seen);
  return found;
}

describe('the field labels', () => {
  const schemas = Object.entries(contract).filter(([name]) => (/(Body|Query|Params|Input)$/.test(name) && !MACHINE_FACING.test(name)) || BODIES_BY_OTHER_NAMES.includes(name));
  const requestFields = new Map<string, string>();
  for (const [name, schema] of schemas) for (const field of propertyNames(schema)) if (!requestFields.has(field)) requestFields.set(field, name);

  it('finds the request schemas and their fields (the walk itself works)', () => {
    expect(schemas.length).toBeGreaterThan(50);
    expect([...requestFields.keys()]).toEqual(expect.arrayContaining(['tcKimlikNo', 'phone', 'username', 'halfDay', 'start', 'end', 'score']));
  });

  it.each(Object.entries(LANGUAGES))('has a label in %s for every field of the requests and every field the server names', (_language, catalogue) => {
    const fields = new Map([...requestFields, ...namedFields]);
    const missing = [...fields].filter(([field]) => !textAt(catalogue, `fields.${field}`)).map(([field, from]) => `${field} (${from})`);
    expect(missing).toEqual([]);
  });
});
