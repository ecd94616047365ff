/** Citizens: found by TC kimlik no or phone, or created. Personal data lives only here. */
import { desc, eq } from 'drizzle-orm';
import { invalid, normalizePhone, tcKimlikProblem } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { citizens } from '../db/schema.js';

export interface CitizenInput {
  fullName?: string | null;
  phone?: string | null;
  tcKimlikNo?: string | null;
  email?: string | null;
  address?: string | null;
  locale?: 'tr' | 'en';
}

export interface CheckedCitizen {
  fullName: string | null;
  phone: string | null;
  tcKimlikNo: string | null;
  email: string | null;
  address: string | null;
  locale: 'tr' | 'en';
}

/** Validates and normalises, naming the field at fault (prefix e.g. 'citizen'). */
export function checkCitizen(input: CitizenInput, prefix = 'citizen'): CheckedCitizen {
  const phone = input.phone?.trim() ? normalizePhone(input.phone) : null;
  if (input.phone?.trim() && !phone) throw invalid(`${prefix}.phone`, `'${input.phone}' is not a phone number; write it like 0532 123 45 67`);
  const tc = input.tcKimlikNo?.trim() || null;
  if (tc) {
    const problem = tcKimlikProblem(tc);
    if (problem) throw invalid(`${prefix}.tcKimlikNo`, `is not a valid TC kimlik no: ${problem}`);
  }
  const email = input.email?.trim().toLowerCase() || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid(`${prefix}.email`, `'${input.email}' is not an e-mail address`);
  return { fullName: input.fullName?.trim() || null, phone, tcKimlikNo: tc, email, address: input.address?.trim() || null, locale: input.locale ?? 'tr' };
}

export async function findOrCreateCitizen(ex: Executor, input: CheckedCitizen): Promise<number> {
  let existing: { id: number } | undefined;
  if (input.tcKimlikNo) [existing] = await ex.select({ id: citizens.id }).from(citizens).where(eq(citizens.tcKimlikNo, input.tcKimlikNo));
  if (!existing && input.phone) [existing] = await ex.select({ id: citizens.id }).from(citizens).where(eq(citizens.phone, input.phone)).orderBy(desc(citizens.updatedAt)).limit(1);
  if (existing) {
    // What the citizen tells us now fills the gaps; it never blanks what we knew.
    const changes: Partial<typeof citizens.$inferInsert> = {};
    for (const key of ['fullName', 'phone', 'tcKimlikNo', 'email', 'address'] as const) if (input[key]) changes[key] = input[key];
    if (Object.keys(changes).length) await ex.update(citizens).set({ ...changes, locale: input.locale, updatedAt: new Date() }).where(eq(citizens.id, existing.id));
    return existing.id;
  }
  const [row] = await ex.insert(citizens).values(input).returning({ id: citizens.id });
  return row!.id;
}
