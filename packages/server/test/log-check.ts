/**
 * "A test greps the log of a full test run for every personal value it used" (issue 13).
 * Every test server writes its log to the run's folder (one file per server); every personal
 * value or secret a test sends through inject is written down beside them; at the end the
 * global teardown looks for each of those values in every log line, and for anything shaped
 * like a Turkish mobile number, a valid TC kimlik no or an e-mail address. One value is let
 * be where it is meant to be: in development mode (DEV_OUTBOX) the server prints each portal
 * code, the number masked, for the developer to type (DEV_CODE_LINE).
 */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { InjectOptions } from 'fastify';
import { isValidTcKimlik } from '@cozum/domain';

declare module 'vitest' {
  export interface ProvidedContext {
    testLogDir: string;
  }
}

/** Body and query fields that carry a person's data or a secret, in the API's and Open311's names. */
const PERSONAL_KEYS = new Set([
  'phone', 'tcKimlikNo', 'email', 'address', 'fullName', 'callerNumber', 'description', 'note', 'text',
  'first_name', 'last_name', 'address_string', 'device_id', 'account_id',
  'password', 'newPassword', 'currentPassword', 'totpCode', 'api_key', 'token', 'code', 'q',
]);
/** Shorter values (a 4-digit code, "Ali") would be found by chance in unrelated text. */
const MIN_LENGTH = 6;

let fileCount = 0;
const recorded = new Set<string>();

function logDir(): string | null {
  try {
    return inject('testLogDir') || null;
  } catch {
    return null;
  }
}

/** A file in the run's log folder for one test server; its lines are written as they come. */
export function testLogFile(): { write(line: string): void; close(): void } {
  const dir = logDir();
  if (!dir) return { write: () => undefined, close: () => undefined };
  const fd = fs.openSync(path.join(dir, `server-${process.pid}-${++fileCount}.log`), 'a');
  let open = true;
  return {
    write: (line) => {
      if (open) fs.writeSync(fd, line);
    },
    close: () => {
      if (open) fs.closeSync(fd);
      open = false;
    },
  };
}

/** Writes down the personal values of one inject call: its JSON or form body and its query. */
export function recordPersonalValues(options: InjectOptions | string): void {
  const dir = logDir();
  if (!dir) return;
  const found: string[] = [];
  const url = typeof options === 'string' ? options : String(options.url ?? options.path ?? '');
  const queryAt = url.indexOf('?');
  if (queryAt >= 0) collectFromForm(url.slice(queryAt + 1), found);
  if (typeof options !== 'string') {
    if (options.query && typeof options.query === 'object') collect(options.query, found, 0);
    const body = options.payload ?? options.body;
    if (typeof body === 'string') {
      const parsed = parseJson(body);
      if (parsed === undefined) collectFromForm(body, found);
      else collect(parsed, found, 0);
    } else if (body && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function') {
      collect(body, found, 0);
    }
  }
  const fresh = found.filter((value) => !recorded.has(value));
  if (!fresh.length) return;
  for (const value of fresh) recorded.add(value);
  fs.appendFileSync(path.join(dir, `values-${process.pid}.jsonl`), fresh.map((v) => JSON.stringify(v)).join('\n') + '\n');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function collectFromForm(text: string, found: string[]): void {
  for (const [key, value] of new URLSearchParams(text)) if (PERSONAL_KEYS.has(key)) keep(value, found);
}

function collect(value: unknown, found: string[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (PERSONAL_KEYS.has(key) && (typeof inner === 'string' || typeof inner === 'number')) keep(String(inner), found);
    else if (PERSONAL_KEYS.has(key) && Array.isArray(inner)) for (const item of inner) if (typeof item === 'string') keep(item, found);
    else collect(inner, found, depth + 1);
  }
}

function keep(value: string, found: string[]): void {
  const trimmed = value.trim();
  // One character repeated ("aaaaaa", "000000") is filler, not a person.
  if (trimmed.length < MIN_LENGTH || /^(.)\1*$/su.test(trimmed)) return;
  found.push(trimmed.slice(0, 200));
}

export interface LogFinding {
  file: string;
  line: number;
  kind: string;
  excerpt: string;
}

const MOBILE = /(?<![\w.+])(?:\+?90[ -]?|0[ -]?)?5\d{2}[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}(?!\w)/g;
const ELEVEN_DIGITS = /(?<![\w.])[1-9]\d{10}(?![\w.])/g;
// The lookbehind starts a match only where a run of address characters starts: linear.
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The development mode's code line (app/portal/challenges.ts): its code is no personal data. */
const DEV_CODE_LINE = /("devOutbox":true,"msg":"portal code for 0\d{3} \*\*\* \*\* \d{2}: )\d+"/;

/**
 * Looks through every log file of the run for the recorded values and the shapes of personal
 * data. Values are matched as JSON writes them, as whole words.
 */
export function findPersonalDataInLogs(dir: string): LogFinding[] {
  const files = fs.readdirSync(dir);
  const values = new Set<string>();
  for (const file of files.filter((f) => f.startsWith('values-'))) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) if (line) values.add(JSON.stringify(JSON.parse(line) as string).slice(1, -1));
  }
  // Candidates by their first characters, so each log position costs one map look-up.
  const PREFIX = MIN_LENGTH - 1;
  const byPrefix = new Map<string, string[]>();
  for (const value of values) {
    const key = value.slice(0, PREFIX);
    const list = byPrefix.get(key);
    if (list) list.push(value);
    else byPrefix.set(key, [value]);
  }
  const findings: LogFinding[] = [];
  for (const file of files.filter((f) => f.endsWith('.log'))) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((written, index) => {
      // URLs are logged percent-encoded: /callers/%2B90%20533… is a phone number too.
      const decoded = written.includes('%') ? percentDecoded(written) : written;
      const line = decoded.replace(DEV_CODE_LINE, '$1[code]"');
      const found = (kind: string, at: number, length: number) =>
        findings.push({ file, line: index + 1, kind, excerpt: line.slice(Math.max(0, at - 60), at + length + 60) });
      for (let i = 0; i < line.length; i++) {
        if (i > 0 && /[\p{L}\p{N}]/u.test(line[i - 1]!)) continue;
        const candidates = byPrefix.get(line.slice(i, i + PREFIX));
        // A whole word: a six-digit code a test sent is not found inside a request id's hex.
        const hit = candidates?.find((value) => line.startsWith(value, i) && !(/[\p{L}\p{N}]$/u.test(value) && /[\p{L}\p{N}]/u.test(line[i + value.length] ?? '')));
        if (hit) found(`a value a test sent (${JSON.stringify(hit.slice(0, 40))})`, i, hit.length);
      }
      for (const m of line.matchAll(MOBILE)) found('a mobile phone number', m.index, m[0].length);
      for (const m of line.matchAll(ELEVEN_DIGITS)) if (isValidTcKimlik(m[0])) found('a valid TC kimlik no', m.index, m[0].length);
      for (const m of line.matchAll(EMAIL)) found('an e-mail address', m.index, m[0].length);
    });
  }
  return findings;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%(2[0-9A-F]|3[0-9A-F]|40)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** The global teardown's check: throws, naming where, when a log line holds personal data. */
export function checkRunLogs(dir: string, projectName: string): void {
  const findings = findPersonalDataInLogs(dir);
  if (!findings.length) {
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  // vitest reports a teardown's error after the summary but keeps its exit code: set it here.
  process.exitCode = 1;
  const shown = findings.slice(0, 15).map((f) => `  ${f.file}:${f.line}: ${f.kind}: …${f.excerpt}…`);
  throw new Error(
    `[${projectName}] personal data in the test servers' logs: ${findings.length} finding(s) in ${dir}\n${shown.join('\n')}` +
      (findings.length > shown.length ? `\n  … and ${findings.length - shown.length} more` : ''),
  );
}
