/**
 * Idempotency keys: a client that may send the same write again (an offline tablet syncing,
 * a retry after a timeout) names each write with a key of its own. The first answer is stored
 * with the key in the write's own transaction; every repeat gets that answer back and changes
 * nothing. Refusals (a retired category, a request closed meanwhile) are stored too, so a
 * repeat hears the same conflict instead of a different outcome.
 */
import crypto from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { DomainError, fieldError } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema.js';

export interface Outcome {
  status: number;
  body: unknown;
  replayed: boolean;
}

export interface IdempotentWrite {
  key: string | undefined;
  userId: number;
  /** What the key stands for: the route and its body. */
  fingerprint: unknown;
  /** The HTTP status a domain error code maps to (the HTTP layer's one map). */
  statusOf: (code: string) => number;
}

const KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** Refusals about the write itself are kept; those about the caller (401, 403, 429) are not. */
const KEPT_STATUSES = new Set([400, 404, 409, 410, 422]);

export const fingerprintOf = (value: unknown): string => crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');

async function stored(ex: Executor, write: IdempotentWrite, fingerprint: string): Promise<Outcome> {
  const [row] = await ex.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, write.key!));
  if (!row) throw new Error(`idempotency key ${write.key} vanished`);
  if (row.userId !== write.userId || row.fingerprint !== fingerprint) {
    throw new DomainError('idempotency.key_reused', `Idempotency-Key '${write.key}' was already used for a different write; send a new key for a new write`);
  }
  return { status: row.statusCode, body: row.response, replayed: true };
}

/** Runs `work` once per key in one transaction with the stored answer; repeats get the stored answer. */
export async function once(db: Executor, write: IdempotentWrite, successStatus: number, work: (tx: Executor) => Promise<unknown>): Promise<Outcome> {
  if (!write.key || !KEY.test(write.key)) throw fieldError('Idempotency-Key', write.key ? 'pattern' : 'required', 'is required: a header of 8 to 100 letters, digits, - or _ (a UUID) naming this write, the same on every retry');
  const fingerprint = fingerprintOf(write.fingerprint);
  try {
    return await db.transaction(async (tx) => {
      // A concurrent holder of the key makes this insert wait for its commit, then find the key taken.
      const claimed = await tx.insert(idempotencyKeys).values({ key: write.key!, userId: write.userId, fingerprint, statusCode: 0, response: {} }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
      if (!claimed.length) return stored(tx, write, fingerprint);
      const body = (await work(tx)) ?? null;
      await tx.update(idempotencyKeys).set({ statusCode: successStatus, response: body }).where(eq(idempotencyKeys.key, write.key!));
      return { status: successStatus, body, replayed: false };
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === 'idempotency.key_reused') throw error;
    const status = write.statusOf(error.code);
    if (!KEPT_STATUSES.has(status)) throw error;
    const body = { error: error.details?.length ? { code: error.code, message: error.message, details: error.details } : { code: error.code, message: error.message } };
    return db.transaction(async (tx) => {
      const claimed = await tx.insert(idempotencyKeys).values({ key: write.key!, userId: write.userId, fingerprint, statusCode: status, response: body }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
      return claimed.length ? { status, body, replayed: false } : stored(tx, write, fingerprint);
    });
  }
}

/** Keys are kept long past any tablet's time offline (captures older than 7 days are refused). */
export const KEEP_KEYS_DAYS = 30;

/** Forgets keys older than KEEP_KEYS_DAYS; returns how many. */
export async function forgetOldKeys(ex: Executor, now: Date): Promise<number> {
  const gone = await ex.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - KEEP_KEYS_DAYS * 86400_000))).returning({ key: idempotencyKeys.key });
  return gone.length;
}
