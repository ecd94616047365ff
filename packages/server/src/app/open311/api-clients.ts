/**
 * Open311 client applications and their api_keys. A key is shown once, when it is made; the
 * database keeps its SHA-256 (keys are 32 random bytes, so no slow hash is needed to make a
 * stolen table useless) and a short prefix for admins to tell keys apart.
 */
import crypto from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { fieldError, notFound } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { open311Clients } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';

export const hashApiKey = (key: string): string => crypto.createHash('sha256').update(key).digest('hex');

const view = (row: typeof open311Clients.$inferSelect) => ({
  id: row.id,
  name: row.name,
  contact: row.contact,
  keyPrefix: row.keyPrefix,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export const listOpen311Clients = async (ex: Executor) => (await ex.select().from(open311Clients).orderBy(desc(open311Clients.createdAt))).map(view);

export async function createOpen311Client(ex: Executor, actor: Actor, input: { name: string; contact?: string | null }, now: Date) {
  const name = input.name.trim();
  if (name.length < 2) throw fieldError('name', 'min_length', "name the application (at least 2 characters), e.g. 'Samsun Mobil'", { limit: 2 });
  const key = `c311_${crypto.randomBytes(32).toString('base64url')}`;
  const [row] = await ex
    .insert(open311Clients)
    .values({ name, contact: input.contact?.trim() || null, keyHash: hashApiKey(key), keyPrefix: key.slice(0, 12), createdBy: actor.id, createdAt: now })
    .returning();
  await recordAudit(ex, { actor, action: 'open311_client.create', subjectType: 'open311_client', subjectId: row!.id, data: { name } });
  return { ...view(row!), apiKey: key };
}

export async function revokeOpen311Client(ex: Executor, actor: Actor, id: number, now: Date) {
  const [row] = await ex.update(open311Clients).set({ active: false, revokedAt: now }).where(eq(open311Clients.id, id)).returning();
  if (!row) throw notFound('open311_client', id);
  await recordAudit(ex, { actor, action: 'open311_client.revoke', subjectType: 'open311_client', subjectId: id });
  return view(row);
}

/** The active client that holds this key, or null. */
export async function clientForKey(ex: Executor, key: string) {
  const [row] = await ex.select({ id: open311Clients.id, name: open311Clients.name, active: open311Clients.active }).from(open311Clients).where(eq(open311Clients.keyHash, hashApiKey(key)));
  return row?.active ? row : null;
}
