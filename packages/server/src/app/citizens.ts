/** Citizens: found by TC kimlik no or phone, or created. Personal data lives only here. */
import { eq, inArray, or, sql } from 'drizzle-orm';
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

/** What the notifications need to know about a citizen: where to reach them and in which language. */
export interface CitizenContact {
  id: number;
  phone: string | null;
  email: string | null;
  locale: string;
  anonymisedAt: Date | null;
}

/** Advisory-lock namespace for citizen identities. */
const CITIZEN_LOCKS = 153_001;

type Known = CitizenContact & { tcKimlikNo: string | null; updatedAt: Date };
const FIELDS = ['fullName', 'phone', 'tcKimlikNo', 'email', 'address'] as const;

/**
 * Finds each citizen by TC kimlik no, then by phone (the latest record with it), or creates
 * them; several intakes of one transaction share one look-up and one insert. What a citizen
 * tells us now fills the gaps and corrects what we knew; it never blanks it. Two inputs of
 * the same person in one call become one citizen.
 */
export async function findOrCreateCitizens(ex: Executor, inputs: CheckedCitizen[]): Promise<CitizenContact[]> {
  const tcs = [...new Set(inputs.map((c) => c.tcKimlikNo).filter((v): v is string => !!v))];
  const phones = [...new Set(inputs.map((c) => c.phone).filter((v): v is string => !!v))];
  // Intakes in concurrent transactions must not both create the same person: whoever comes
  // second waits for the first to commit, then finds them. Locks in one order: no deadlocks.
  const keys = [...tcs.map((v) => `tc:${v}`), ...phones.map((v) => `phone:${v}`)].sort();
  if (keys.length) await ex.execute(sql`select pg_advisory_xact_lock(${CITIZEN_LOCKS}, hashtext(k)) from unnest(array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]) with ordinality as l(k, n) order by n`);
  const found: Known[] = tcs.length || phones.length
    ? await ex
        .select({ id: citizens.id, tcKimlikNo: citizens.tcKimlikNo, phone: citizens.phone, email: citizens.email, locale: citizens.locale, anonymisedAt: citizens.anonymisedAt, updatedAt: citizens.updatedAt })
        .from(citizens)
        .where(or(tcs.length ? inArray(citizens.tcKimlikNo, tcs) : undefined, phones.length ? inArray(citizens.phone, phones) : undefined))
    : [];
  const byTc = new Map<string, Known>();
  const byPhone = new Map<string, Known>();
  const remember = (known: Known) => {
    if (known.tcKimlikNo) byTc.set(known.tcKimlikNo, known);
    const other = known.phone ? byPhone.get(known.phone) : undefined;
    if (known.phone && (!other || other.updatedAt <= known.updatedAt)) byPhone.set(known.phone, known);
  };
  found.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime()).forEach(remember);

  // New citizens get ids up front (negative until inserted), so later inputs can match them.
  const created: { key: Known; values: typeof citizens.$inferInsert }[] = [];
  const changed = new Map<number, { known: Known; set: Partial<typeof citizens.$inferInsert> }>();
  const now = new Date();
  const result = inputs.map((input) => {
    const match = (input.tcKimlikNo ? byTc.get(input.tcKimlikNo) : undefined) ?? (input.phone ? byPhone.get(input.phone) : undefined);
    if (!match) {
      const key: Known = { id: -(created.length + 1), tcKimlikNo: input.tcKimlikNo, phone: input.phone, email: input.email, locale: input.locale, anonymisedAt: null, updatedAt: now };
      created.push({ key, values: { ...input } });
      remember(key);
      return key;
    }
    const set: Partial<typeof citizens.$inferInsert> = { locale: input.locale };
    for (const field of FIELDS) if (input[field]) set[field] = input[field];
    const pending = created.find((c) => c.key === match);
    if (pending) Object.assign(pending.values, set);
    else changed.set(match.id, { known: match, set: { ...changed.get(match.id)?.set, ...set } });
    Object.assign(match, { phone: set.phone ?? match.phone, email: set.email ?? match.email, tcKimlikNo: set.tcKimlikNo ?? match.tcKimlikNo, locale: input.locale, updatedAt: now });
    remember(match);
    return match;
  });

  if (created.length) {
    const ids = (await ex.execute(sql`select nextval(pg_get_serial_sequence('citizens', 'id'))::int as id from generate_series(1, ${created.length})`)) as unknown as { rows: { id: number }[] };
    created.forEach((c, i) => (c.key.id = ids.rows[i]!.id));
    await ex.insert(citizens).values(created.map((c) => ({ ...c.values, id: c.key.id })));
  }
  for (const { known, set } of changed.values()) await ex.update(citizens).set({ ...set, updatedAt: now }).where(eq(citizens.id, known.id));
  return result.map(({ id, phone, email, locale, anonymisedAt }) => ({ id, phone, email, locale, anonymisedAt }));
}

export async function findOrCreateCitizen(ex: Executor, input: CheckedCitizen): Promise<number> {
  const [citizen] = await findOrCreateCitizens(ex, [input]);
  return citizen!.id;
}
