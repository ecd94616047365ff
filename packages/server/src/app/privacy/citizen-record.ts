/**
 * A citizen's record for staff. Lists show personal data masked; the full record opens only
 * with a stated purpose, and every opening is written to the audit log (KVKK art. 12:
 * who saw whose data, when and why).
 */
import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { fieldError, maskPersonal, normalizePhone, notFound } from '@cozum/domain';
import type { Executor } from '../../db/client.js';
import { containing } from '../../db/like.js';
import { citizens, requests } from '../../db/schema.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CitizenSummary } from '@cozum/contract';

export type { CitizenSummary };

const summaryColumns = {
  id: citizens.id,
  fullName: citizens.fullName,
  phone: citizens.phone,
  tcKimlikNo: citizens.tcKimlikNo,
  email: citizens.email,
  address: citizens.address,
  anonymisedAt: citizens.anonymisedAt,
  createdAt: citizens.createdAt,
  requestCount: sql<number>`(select count(*)::int from ${requests} where ${requests.citizenId} = ${citizens.id})`,
};

type Row = { [K in keyof typeof summaryColumns]: unknown };
const toSummary = (row: Row): CitizenSummary => ({
  id: row.id as number,
  fullName: row.fullName as string | null,
  phone: row.phone as string | null,
  tcKimlikNo: row.tcKimlikNo as string | null,
  email: row.email as string | null,
  address: row.address as string | null,
  requestCount: Number(row.requestCount),
  anonymisedAt: (row.anonymisedAt as Date | null)?.toISOString() ?? null,
  createdAt: (row.createdAt as Date).toISOString(),
});

/**
 * Finds citizens by phone, TC kimlik no, e-mail or name, always masked: the searcher
 * already knows what they typed, and the list must not show the rest.
 */
export async function findCitizens(ex: Executor, q: string): Promise<CitizenSummary[]> {
  const text = q.trim();
  if (text.length < 3) throw fieldError('q', 'min_length', 'write at least 3 characters of a phone number, TC kimlik no, e-mail or name', { limit: 3 });
  const where: SQL[] = [];
  const phone = normalizePhone(text);
  if (phone) where.push(eq(citizens.phone, phone));
  if (/^\d{11}$/.test(text)) where.push(eq(citizens.tcKimlikNo, text));
  if (text.includes('@')) where.push(eq(sql`lower(${citizens.email})`, text.toLowerCase()));
  where.push(ilike(citizens.fullName, containing(text)));
  const rows = await ex.select(summaryColumns).from(citizens).where(or(...where)).orderBy(desc(citizens.updatedAt)).limit(50);
  return rows.map((row) => maskPersonal(toSummary(row)));
}

/** The full record, unmasked, logged with the purpose given. */
export async function openCitizenRecord(ex: Executor, actor: Actor, id: number, input: { purpose: string; ip?: string }): Promise<CitizenSummary> {
  const purpose = input.purpose.trim();
  if (purpose.length < 5) throw fieldError('purpose', 'min_length', 'say why you open this record (at least 5 characters), e.g. "KVKK başvurusu 2026-0001234"', { limit: 5 });
  const [row] = await ex.select(summaryColumns).from(citizens).where(and(eq(citizens.id, id)));
  if (!row) throw notFound('citizen', id);
  await recordAudit(ex, { actor, action: 'personal_data.view', subjectType: 'citizen', subjectId: id, purpose, ip: input.ip });
  return toSummary(row);
}
