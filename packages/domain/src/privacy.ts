/**
 * KVKK (Law 6698): masking of personal data for roles that do not need it, and the retention
 * policy (years per data class). Pure: callers pass `now`.
 */
import { fieldError } from './errors.js';
import { maskPhone } from './phone.js';
import { isValidTcKimlik } from './tckn.js';

/** "ayse.yilmaz@example.org" → "a***@example.org". */
export const maskEmail = (email: string): string => email.replace(/^(.)[^@]*(@.*)$/, '$1***$2');

/** "10000000146" → "100******46": the checksum digits alone identify no one. */
export const maskTcKimlikNo = (tc: string): string => `${tc.slice(0, 3)}******${tc.slice(-2)}`;

/** An address keeps its first word (usually the neighbourhood) and loses the rest. */
export const maskAddress = (address: string): string => {
  const first = address.trim().split(/\s+/)[0] ?? '';
  return address.trim().length > first.length ? `${first} ***` : '***';
};

/** "Ayşe Yılmaz" → "A*** Y***". */
export const maskName = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .map((part) => `${part.slice(0, 1)}***`)
    .join(' ');

export interface PersonalFields {
  fullName: string | null;
  phone: string | null;
  tcKimlikNo: string | null;
  email: string | null;
  address: string | null;
}

export function maskPersonal<T extends Partial<PersonalFields>>(person: T): T {
  const out = { ...person };
  if (out.fullName) out.fullName = maskName(out.fullName);
  if (out.phone) out.phone = maskPhone(out.phone);
  if (out.tcKimlikNo) out.tcKimlikNo = maskTcKimlikNo(out.tcKimlikNo);
  if (out.email) out.email = maskEmail(out.email);
  if (out.address) out.address = maskAddress(out.address);
  return out;
}

/** What scrubPersonalText puts in place of what it removes. */
export const SCRUB_LABELS = { email: '[e-posta]', phone: '[telefon]', tcKimlikNo: '[TC kimlik no]' } as const;

// E-mail addresses as people type them: ayse@example.org, ayse [at] example.com,
// ayse(at)example(dot)com, "ayse at example dot com". Each pattern is used sticky at one
// position and has no nested quantifier, so the scan stays linear.
const BRACKETED_AT = /\s?[[({<]\s?(?:at|@)\s?[\])}>]\s?/iy;
const SPOKEN_AT = / (?:at|et) /iy;
const PLAIN_AT = /\s?@\s?/y;
const DOT = /\s?(?:\.|[[({<]\s?(?:dot|nokta)\s?[\])}>])\s?| (?:dot|nokta) /iy;
const LABEL = /[\p{L}\p{N}-]+/uy;
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
/** A top-level domain: letters only, so "5 at 3.30" is not an address. */
const TLD = /^\p{L}{2,24}$/u;
/** After a spoken "at" only a common domain ending counts: "bir at gördüm.Sonra" is a horse. */
const SPOKEN_TLDS = new Set(['com', 'net', 'org', 'tr', 'edu', 'gov', 'info', 'biz', 'io', 'me', 'co', 'de', 'uk', 'eu']);

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** The end of a domain starting at `at` (two or more labels joined by dots), or -1. */
function domainEnd(text: string, at: number, spoken: boolean): number {
  let end = matchAt(LABEL, text, at);
  if (end < 0) return -1;
  let labels = 1;
  let lastLabel = text.slice(at, end);
  for (;;) {
    const dot = matchAt(DOT, text, end);
    if (dot < 0) break;
    const next = matchAt(LABEL, text, dot);
    if (next < 0) break;
    lastLabel = text.slice(dot, next);
    end = next;
    labels++;
  }
  if (labels < 2 || !TLD.test(lastLabel)) return -1;
  return !spoken || SPOKEN_TLDS.has(lastLabel.toLowerCase()) ? end : -1;
}

function scrubEmails(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '@' && c !== '[' && c !== '(' && c !== '{' && c !== '<' && c !== ' ' && c !== '\t' && c !== '\n') continue;
    // The local part: the letters, digits and ._%+- just before the marker (at most one space between).
    let localStart = i;
    while (localStart > copied && LOCAL_CHAR.test(text[localStart - 1]!)) localStart--;
    if (localStart === i) continue;
    const bracketed = matchAt(BRACKETED_AT, text, i);
    const spoken = bracketed < 0 ? matchAt(SPOKEN_AT, text, i) : -1;
    const plain = bracketed < 0 && spoken < 0 ? matchAt(PLAIN_AT, text, i) : -1;
    const afterAt = Math.max(bracketed, spoken, plain);
    if (afterAt < 0) continue;
    const end = domainEnd(text, afterAt, spoken >= 0);
    if (end < 0) continue;
    out += `${text.slice(copied, localStart)}${SCRUB_LABELS.email}`;
    copied = end;
    i = end - 1;
  }
  return out + text.slice(copied);
}

// Phone numbers and TC kimlik numbers as people type them: digit groups joined by spaces,
// dots, dashes, slashes or brackets (0532.999.88.77, (0532) 999-88-77, +90 532 999 8877,
// 100 000 001 46). Groups are found once; each start tries at most a few following groups.
const JOIN = /^[\s.\-/()]{1,3}$/;
/** Our tracking numbers (2026-0000123) and amounts with thousands dots (12.500.000) are not personal. */
const NOT_PERSONAL = [/^\d{4}-\d{7}$/, /^\d{1,3}(?:\.\d{3})+$/];

/** The number a span of digits is: a Turkish phone (mobile or landline, with or without 0, 90, +90, 0090), a TC kimlik no, or neither. */
function numberKind(digits: string, international: boolean): 'phone' | 'tcKimlikNo' | null {
  let national = digits;
  if (international && national.startsWith('90')) national = national.slice(2);
  else if (national.startsWith('0090')) national = national.slice(4);
  else if (national.startsWith('90') && national.length === 12) national = national.slice(2);
  else if (national.startsWith('0') && national.length === 11) national = national.slice(1);
  if (national.length === 10 && /^[2-5]/.test(national)) return 'phone';
  if (international && digits.length >= 8 && digits.length <= 15) return 'phone';
  if (!international && digits.length === 11 && isValidTcKimlik(digits)) return 'tcKimlikNo';
  return null;
}

/** A phone is at most five groups (+90 532 999 88 77), a TC kimlik no four (100 000 001 46); one more for the odd way of writing. */
const MAX_GROUPS = 6;

const isDigit = (code: number) => code >= 48 && code <= 57;

function scrubNumbers(text: string): string {
  // Digit groups as two arrays of positions: plain numbers, so a long text of many groups
  // leaves no heap of objects behind for the collector.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < text.length; ) {
    if (!isDigit(text.charCodeAt(k))) {
      k++;
      continue;
    }
    starts.push(k);
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    ends.push(k);
  }
  const joinsNext = (j: number) => j + 1 < starts.length && starts[j + 1]! - ends[j]! <= 3 && JOIN.test(text.slice(ends[j], starts[j + 1]));
  let out = '';
  let copied = 0;
  for (let i = 0; i < starts.length; i++) {
    const firstStart = starts[i]!;
    const firstDigits = text.slice(firstStart, ends[i]);
    const start = firstStart > 0 && (text[firstStart - 1] === '+' || text[firstStart - 1] === '(') ? firstStart - 1 : firstStart;
    const international = text[start] === '+' || /^00[1-9]/.test(firstDigits);
    let digits = '';
    let best: { end: number; last: number; kind: 'phone' | 'tcKimlikNo' } | null = null;
    for (let j = i; j < starts.length && j < i + MAX_GROUPS; j++) {
      digits += text.slice(starts[j], ends[j]);
      if (digits.length > 15) break;
      const kind = digits.length >= 8 ? numberKind(digits, international) : null;
      if (kind && !NOT_PERSONAL.some((pattern) => pattern.test(text.slice(firstStart, ends[j])))) {
        // A phone wins over a longer reading as a TC kimlik no: never label a phone as an id.
        if (!best || kind === 'phone' || best.kind !== 'phone') best = { end: ends[j]!, last: j, kind };
      }
      if (!joinsNext(j)) break;
    }
    if (!best) continue;
    out += `${text.slice(copied, start)}${SCRUB_LABELS[best.kind]}`;
    copied = best.end;
    i = best.last;
  }
  return out + text.slice(copied);
}

/**
 * E-mail addresses, phone numbers and TC kimlik numbers inside free text (a request's
 * description, a note), replaced by labels: before free text is published (Open311) and when
 * a person is anonymised. Linear in the text. Names cannot be found reliably by a program.
 */
export function scrubPersonalText(text: string): string {
  return scrubNumbers(scrubEmails(text));
}

/**
 * What Open311 (and any other public listing) publishes of a category's requests:
 * - `none`: nothing; the request is not listed and its id and token answer 404;
 * - `staff_text`: the service, the district and neighbourhood, the status and the staff's
 *   public replies, never the citizen's words, address, point or photo;
 * - `citizen_text`: also the citizen's description (scrubbed), address, point and photo.
 * New categories start at `none`: publishing is a decision an administrator takes.
 */
export const PUBLICATIONS = ['none', 'staff_text', 'citizen_text'] as const;
export type Publication = (typeof PUBLICATIONS)[number];

/**
 * A request is published as its category says, unless its own request type may never be
 * (KVKK applications, Law 4982 information requests, ihbar: `publishable` false).
 */
export function publicationOf(category: Publication, requestTypePublishable: boolean): Publication {
  return requestTypePublishable ? category : 'none';
}

/**
 * Request types an administrator can never publish: their legal clock says each request is a
 * person's own matter (a KVKK art. 11 application about their data, a Law 4982 information
 * request under their name). Other types (ihbar too) are the administrator's choice.
 */
const NEVER_PUBLISHED_CLOCKS = ['kvkk_13', 'information_4982'];

export const mayBePublished = (legalClock: string | null): boolean => !legalClock || !NEVER_PUBLISHED_CLOCKS.includes(legalClock);

export function checkPublishable(type: { code: string; legalClock: string | null }, publishable: boolean): void {
  if (publishable && !mayBePublished(type.legalClock)) {
    throw fieldError('publishable', 'never_public', `requests of the type '${type.code}' (${type.legalClock}) concern one person and are never published on Open311`, { type: type.code });
  }
}

/** Data classes the retention policy anonymises, with their default years. */
export const RETENTION_CLASSES = {
  /** A citizen's name, phone, TC kimlik no, e-mail and address, counted from their last request or contact. */
  citizens: 10,
  /** Caller numbers and notes on contacts (calls, visits). */
  contacts: 3,
  /** Recipients and texts of messages sent (the outbox). */
  messages: 2,
  /** Staff sessions' IP addresses and browsers. */
  sessions: 1,
} as const;
export type RetentionClass = keyof typeof RETENTION_CLASSES;
/** The data classes in the order the policy lists them. */
export const RETENTION_CLASS_NAMES = Object.keys(RETENTION_CLASSES) as RetentionClass[];
export type RetentionPolicy = Record<RetentionClass, number>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { ...RETENTION_CLASSES };

/** What started a retention run: the schedule, the `cozum` command, or an administrator. */
export const RETENTION_TRIGGERS = ['schedule', 'cli', 'api'] as const;
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number];

/** KVKK practice: the policy runs at least every 6 months. */
export const MAX_RETENTION_INTERVAL_DAYS = 182;

/** Validates an edited policy, naming the field at fault. */
export function checkRetentionPolicy(input: Record<string, unknown>): RetentionPolicy {
  const policy = { ...DEFAULT_RETENTION_POLICY };
  for (const [key, value] of Object.entries(input)) {
    if (!(key in RETENTION_CLASSES)) throw fieldError(key, 'unknown_field', `is not a data class; the classes are ${Object.keys(RETENTION_CLASSES).join(', ')}`, { name: key });
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) throw fieldError(key, 'not_whole_in_range', 'must be a whole number of years from 1 to 100', { min: 1, max: 100 });
    policy[key as RetentionClass] = value;
  }
  return policy;
}

/** The date before which data of each class is anonymised. */
export function retentionCutoffs(policy: RetentionPolicy, now: Date): Record<RetentionClass, Date> {
  const out = {} as Record<RetentionClass, Date>;
  for (const key of Object.keys(policy) as RetentionClass[]) {
    const d = new Date(now);
    d.setUTCFullYear(d.getUTCFullYear() - policy[key]);
    out[key] = d;
  }
  return out;
}

/** Is a retention run due? Runs are at most `intervalDays` apart. */
export function retentionDue(lastRun: Date | null, now: Date, intervalDays: number): boolean {
  return !lastRun || now.getTime() - lastRun.getTime() >= intervalDays * 86_400_000;
}

/**
 * Consents staff record (on the phone, at the desk, on the bus). privacy_notice: KVKK art. 10
 * notice given; the others: art. 5 explicit consent, or its withdrawal.
 */
export const CONSENT_PURPOSES = ['privacy_notice', 'sms', 'email', 'survey', 'withdraw_sms', 'withdraw_email', 'withdraw_survey'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_CHANNELS = ['phone', 'desk', 'field', 'email', 'letter'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
