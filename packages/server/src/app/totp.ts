/**
 * Optional second factor for staff: time-based one-time passwords (RFC 6238, HMAC-SHA1,
 * 6 digits, 30-second steps), as Google Authenticator, FreeOTP and the like expect. The
 * shared secret is sealed with AES-256-GCM under a key derived from SESSION_SECRET, so a
 * copy of the database alone cannot produce codes. A code is accepted once.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError, fieldError } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { userTotp } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';

const STEP_SECONDS = 30;
const DIGITS = 6;
/** One step either side forgives a phone clock a little off. */
const WINDOW = 1;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`'${ch}' is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP for a counter; RFC 6238 uses the 30-second step as the counter. */
export function hotp(secret: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
  return String(code).padStart(DIGITS, '0');
}

export const totpStep = (now: Date): number => Math.floor(now.getTime() / 1000 / STEP_SECONDS);
export const totpCode = (secret: Buffer, now: Date): string => hotp(secret, totpStep(now));

/** The step the code belongs to, if it is within the window and newer than `lastStep`. */
export function matchingStep(secret: Buffer, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  for (let step = current - WINDOW; step <= current + WINDOW; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    if (crypto.timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code))) return step;
  }
  return null;
}

const sealKey = (sessionSecret: string): Buffer => Buffer.from(crypto.hkdfSync('sha256', sessionSecret, 'cozum', 'totp-secret', 32));

function seal(secret: Buffer, sessionSecret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', sealKey(sessionSecret), iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

function unseal(sealed: string, sessionSecret: string): Buffer {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = crypto.createDecipheriv('aes-256-gcm', sealKey(sessionSecret), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]);
}

export interface TotpStatus {
  enabled: boolean;
  pending: boolean;
}

export async function totpStatus(ex: Executor, userId: number): Promise<TotpStatus> {
  const [row] = await ex.select({ confirmedAt: userTotp.confirmedAt }).from(userTotp).where(eq(userTotp.userId, userId));
  return { enabled: Boolean(row?.confirmedAt), pending: Boolean(row && !row.confirmedAt) };
}

/** A new secret for the user's authenticator app; login asks for codes only once it is confirmed. */
export async function startTotpEnrolment(ex: Executor, actor: Actor, input: { sessionSecret: string; issuer: string }): Promise<{ secret: string; otpauthUri: string }> {
  const [existing] = await ex.select({ confirmedAt: userTotp.confirmedAt }).from(userTotp).where(eq(userTotp.userId, actor.id));
  if (existing?.confirmedAt) throw new DomainError('totp.conflict', 'two-factor sign-in is already on; turn it off with a current code before enrolling a new device', undefined, { reason: 'enabled' });
  const secret = crypto.randomBytes(20);
  const sealed = seal(secret, input.sessionSecret);
  await ex.insert(userTotp).values({ userId: actor.id, secretSealed: sealed }).onConflictDoUpdate({ target: userTotp.userId, set: { secretSealed: sealed, confirmedAt: null, lastStep: null, createdAt: new Date() } });
  const encoded = base32Encode(secret);
  const label = encodeURIComponent(`${input.issuer}:${actor.username}`);
  const params = new URLSearchParams({ secret: encoded, issuer: input.issuer, algorithm: 'SHA1', digits: String(DIGITS), period: String(STEP_SECONDS) });
  return { secret: encoded, otpauthUri: `otpauth://totp/${label}?${params.toString()}` };
}

/** Checks a code against the user's confirmed or pending secret, consuming it. */
async function consumeCode(ex: Executor, userId: number, code: string, now: Date, sessionSecret: string, confirmed: boolean): Promise<boolean> {
  const [row] = await ex.select().from(userTotp).where(eq(userTotp.userId, userId)).for('update');
  if (!row || Boolean(row.confirmedAt) !== confirmed) return false;
  const step = matchingStep(unseal(row.secretSealed, sessionSecret), code.trim(), now, row.lastStep);
  if (step === null) return false;
  await ex.update(userTotp).set({ lastStep: step, ...(confirmed ? {} : { confirmedAt: now }) }).where(eq(userTotp.userId, userId));
  return true;
}

export async function confirmTotpEnrolment(ex: Executor, actor: Actor, input: { code: string; now: Date; sessionSecret: string; ip?: string }): Promise<TotpStatus> {
  const status = await totpStatus(ex, actor.id);
  if (!status.pending) {
    throw status.enabled
      ? new DomainError('totp.conflict', 'two-factor sign-in is already on', undefined, { reason: 'enabled' })
      : new DomainError('totp.conflict', 'start the enrolment first (POST /api/v1/auth/totp/enrolment)', undefined, { reason: 'not_started' });
  }
  if (!(await consumeCode(ex, actor.id, input.code, input.now, input.sessionSecret, false))) throw fieldError('code', 'wrong_code', 'is not the current 6-digit code of the authenticator app; check the phone clock and try the next code', { reason: 'totp' });
  await recordAudit(ex, { actor, action: 'auth.totp_enabled', subjectType: 'user', subjectId: actor.id, ip: input.ip });
  return { enabled: true, pending: false };
}

/** The user turns it off with a current code; an administrator may reset another user's (lost phone). */
export async function disableTotp(ex: Executor, actor: Actor, userId: number, input: { code?: string; now: Date; sessionSecret: string; ip?: string }): Promise<void> {
  const status = await totpStatus(ex, userId);
  if (!status.enabled && !status.pending) throw new DomainError('totp.not_found', 'two-factor sign-in is not on for this account');
  if (actor.id === userId && status.enabled) {
    if (!input.code) throw fieldError('code', 'required', 'is required: give a current code from the authenticator app to turn two-factor sign-in off', { reason: 'totp' });
    if (!(await consumeCode(ex, userId, input.code, input.now, input.sessionSecret, true))) throw fieldError('code', 'wrong_code', 'is not the current 6-digit code of the authenticator app', { reason: 'totp' });
  }
  await ex.delete(userTotp).where(eq(userTotp.userId, userId));
  await recordAudit(ex, { actor, action: 'auth.totp_disabled', subjectType: 'user', subjectId: userId, ip: input.ip, data: { byAdministrator: actor.id !== userId } });
}

/** For login: is a second factor needed, and is this code right? */
export async function checkLoginCode(ex: Executor, userId: number, code: string | undefined, now: Date, sessionSecret: string): Promise<'not_enrolled' | 'missing' | 'wrong' | 'ok'> {
  const status = await totpStatus(ex, userId);
  if (!status.enabled) return 'not_enrolled';
  if (!code) return 'missing';
  return (await consumeCode(ex, userId, code, now, sessionSecret, true)) ? 'ok' : 'wrong';
}
