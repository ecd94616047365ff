/**
 * Consents and privacy-notice acknowledgements taken by staff (on the phone, at the desk, on
 * the bus), beside those the portal records. Never updated: a withdrawal is a row of its own.
 */
import { asc, eq } from 'drizzle-orm';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, fieldError, notFound } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { citizens, consents } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';

export interface ConsentView {
  id: number;
  purpose: string;
  noticeVersion: string;
  channel: string;
  givenAt: string;
}

export async function listConsents(ex: Executor, citizenId: number): Promise<ConsentView[]> {
  const rows = await ex.select().from(consents).where(eq(consents.citizenId, citizenId)).orderBy(asc(consents.givenAt), asc(consents.id));
  return rows.map((r) => ({ id: r.id, purpose: r.purpose, noticeVersion: r.noticeVersion, channel: r.channel, givenAt: r.givenAt.toISOString() }));
}

export async function recordConsent(
  ex: Executor,
  actor: Actor,
  citizenId: number,
  input: { purpose: string; noticeVersion: string; channel: string; ip?: string; now: Date },
): Promise<ConsentView> {
  if (!(CONSENT_PURPOSES as readonly string[]).includes(input.purpose)) throw fieldError('purpose', 'one_of', `must be one of ${CONSENT_PURPOSES.join(', ')}`, { allowed: CONSENT_PURPOSES.join(', ') });
  if (!(CONSENT_CHANNELS as readonly string[]).includes(input.channel)) throw fieldError('channel', 'one_of', `must be one of ${CONSENT_CHANNELS.join(', ')}`, { allowed: CONSENT_CHANNELS.join(', ') });
  const [person] = await ex.select({ id: citizens.id, phone: citizens.phone, anonymisedAt: citizens.anonymisedAt }).from(citizens).where(eq(citizens.id, citizenId));
  if (!person) throw notFound('citizen', citizenId);
  if (person.anonymisedAt) throw fieldError('citizenId', 'anonymised', `citizen ${citizenId} was anonymised; record the person again if they come back`);
  const [row] = await ex
    .insert(consents)
    .values({ citizenId, phone: person.phone, purpose: input.purpose, noticeVersion: input.noticeVersion.trim(), channel: input.channel, givenAt: input.now })
    .returning();
  if (input.purpose === 'privacy_notice') await ex.update(citizens).set({ consentAt: input.now, consentNoticeVersion: input.noticeVersion.trim() }).where(eq(citizens.id, citizenId));
  await recordAudit(ex, { actor, action: 'consent.record', subjectType: 'citizen', subjectId: citizenId, ip: input.ip, data: { purpose: input.purpose, channel: input.channel, noticeVersion: input.noticeVersion } });
  return { id: row!.id, purpose: row!.purpose, noticeVersion: row!.noticeVersion, channel: row!.channel, givenAt: row!.givenAt.toISOString() };
}
