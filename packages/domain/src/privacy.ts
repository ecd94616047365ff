/**
 * KVKK (Law 6698): masking of personal data for roles that do not need it, and the retention
 * policy (years per data class). Pure: callers pass `now`.
 */
import { invalid } from './errors.js';
import { maskPhone } from './phone.js';

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

/**
 * Phone numbers, e-mail addresses and 11-digit numbers inside free text (a request's
 * description), replaced when a person is anonymised.
 */
export function scrubPersonalText(text: string): string {
  return text
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[e-posta]')
    .replace(/(?<!\d)[1-9]\d{10}(?!\d)/g, '[TCKN]')
    .replace(/(?<![\d])(?:\+?90[\s-]?)?0?\(?5\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/g, '[telefon]');
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
export type RetentionPolicy = Record<RetentionClass, number>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { ...RETENTION_CLASSES };

/** KVKK practice: the policy runs at least every 6 months. */
export const MAX_RETENTION_INTERVAL_DAYS = 182;

/** Validates an edited policy, naming the field at fault. */
export function checkRetentionPolicy(input: Record<string, unknown>): RetentionPolicy {
  const policy = { ...DEFAULT_RETENTION_POLICY };
  for (const [key, value] of Object.entries(input)) {
    if (!(key in RETENTION_CLASSES)) throw invalid(key, `is not a data class; the classes are ${Object.keys(RETENTION_CLASSES).join(', ')}`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) throw invalid(key, 'must be a whole number of years from 1 to 100');
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
