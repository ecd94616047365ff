/** Citizens: found by TC kimlik no or phone, or created. Personal data lives only here. */
import { inArray, or, sql, type SQL } from 'drizzle-orm';
import { checkTcKimlik, fieldError, normalizePhone } from '@cozum/domain';
import { column, drawFromSequences, jsonRows, oneStatement } from '../db/bulk.js';
import type { Executor } from '../db/client.js';
import { citizens } from '../db/schema.js';
import { ADVISORY_LOCKS } from '../db/advisory-locks.js';
import type { CitizenInput } from '@cozum/contract';

/** The citizen as an intake gives them: the contract's one citizen input. */
export type { CitizenInput };

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
  if (input.phone?.trim() && !phone) throw fieldError(`${prefix}.phone`, 'not_phone', `'${input.phone}' is not a phone number; write it like 0532 123 45 67`);
  const tc = input.tcKimlikNo?.trim() || null;
  if (tc) {
    const problem = checkTcKimlik(tc);
    if (problem) throw fieldError(`${prefix}.tcKimlikNo`, 'not_tckn', `is not a valid TC kimlik no: ${problem.message}`, { reason: problem.reason });
  }
  const email = input.email?.trim().toLowerCase() || null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fieldError(`${prefix}.email`, 'not_email', `'${input.email}' is not an e-mail address`);
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

export type Known = CitizenContact & { tcKimlikNo: string | null; updatedAt: Date };
const FIELDS = ['fullName', 'phone', 'tcKimlikNo', 'email', 'address'] as const;

/**
 * Who each input is: a citizen we know, or one to create. New citizens carry id 0 until
 * `writeCitizens` is given their ids.
 */
export interface CitizenPlan {
  /** Per input, in order. */
  contacts: Known[];
  created: { key: Known; values: CheckedCitizen }[];
  changed: Map<number, { known: Known; set: Partial<CheckedCitizen> }>;
}

/**
 * Finds each citizen by TC kimlik no, then by phone (the latest record with it), or plans to
 * create them; several intakes of one transaction share one look-up. What a citizen tells us
 * now fills the gaps and corrects what we knew; it never blanks it. Two inputs of the same
 * person become one citizen. Writes nothing; holds, until the caller's transaction ends, the
 * locks that keep concurrent intakes from both creating the same person.
 */
export async function planCitizens(ex: Executor, inputs: CheckedCitizen[]): Promise<CitizenPlan> {
  const tcs = [...new Set(inputs.map((c) => c.tcKimlikNo).filter((v): v is string => !!v))];
  const phones = [...new Set(inputs.map((c) => c.phone).filter((v): v is string => !!v))];
  // Intakes in concurrent transactions must not both create the same person: whoever comes
  // second waits for the first to commit, then finds them. Locks in one order: no deadlocks.
  const keys = [...tcs.map((v) => `tc:${v}`), ...phones.map((v) => `phone:${v}`)].sort();
  if (keys.length) await ex.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.citizens}, hashtext(k)) from unnest(${column(keys, 'text')}) with ordinality as l(k, n) order by n`);
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

  const plan: CitizenPlan = { contacts: [], created: [], changed: new Map() };
  // The citizens this plan creates, by the record that stands for them: one look-up per input.
  const pendingOf = new Map<Known, CitizenPlan['created'][number]>();
  const now = new Date();
  for (const input of inputs) {
    const match = (input.tcKimlikNo ? byTc.get(input.tcKimlikNo) : undefined) ?? (input.phone ? byPhone.get(input.phone) : undefined);
    if (!match) {
      const key: Known = { id: 0, tcKimlikNo: input.tcKimlikNo, phone: input.phone, email: input.email, locale: input.locale, anonymisedAt: null, updatedAt: now };
      const pending = { key, values: { ...input } };
      plan.created.push(pending);
      pendingOf.set(key, pending);
      remember(key);
      plan.contacts.push(key);
      continue;
    }
    const set: Partial<CheckedCitizen> = { locale: input.locale };
    for (const field of FIELDS) if (input[field]) set[field] = input[field];
    const pending = pendingOf.get(match);
    if (pending) Object.assign(pending.values, set);
    else plan.changed.set(match.id, { known: match, set: { ...plan.changed.get(match.id)?.set, ...set } });
    Object.assign(match, { phone: set.phone ?? match.phone, email: set.email ?? match.email, tcKimlikNo: set.tcKimlikNo ?? match.tcKimlikNo, locale: input.locale, updatedAt: now });
    remember(match);
    plan.contacts.push(match);
  }
  return plan;
}

/** The sequence new citizens' ids are drawn from (serial column citizens.id). */
export const CITIZEN_IDS = 'citizens_id_seq';

/**
 * The writes of a plan, given the ids drawn for its new citizens: one INSERT and one UPDATE
 * at most, to run alone or inside a larger statement (db/bulk.ts).
 */
export function writeCitizens(plan: CitizenPlan, ids: number[], now: Date): SQL[] {
  plan.created.forEach((c, n) => (c.key.id = ids[n]!));
  const writes: SQL[] = [];
  const rows = (list: { id: number; values: Partial<CheckedCitizen> }[], alias: string) =>
    jsonRows(
      list.map(({ id, values: v }) => ({ id, full_name: v.fullName, phone: v.phone, tc_kimlik_no: v.tcKimlikNo, email: v.email, address: v.address, locale: v.locale })),
      'id int, full_name text, phone text, tc_kimlik_no text, email text, address text, locale text',
      alias,
    );
  if (plan.created.length) {
    writes.push(sql`
      insert into citizens (id, full_name, phone, tc_kimlik_no, email, address, locale)
      select id, full_name, phone, tc_kimlik_no, email, address, locale from ${rows(plan.created.map((c) => ({ id: c.key.id, values: c.values })), 'c')}`);
  }
  if (plan.changed.size) {
    writes.push(sql`
      update citizens c set full_name = coalesce(v.full_name, c.full_name), phone = coalesce(v.phone, c.phone), tc_kimlik_no = coalesce(v.tc_kimlik_no, c.tc_kimlik_no),
        email = coalesce(v.email, c.email), address = coalesce(v.address, c.address), locale = coalesce(v.locale, c.locale), updated_at = ${now.toISOString()}::timestamptz
      from ${rows([...plan.changed.values()].map((c) => ({ id: c.known.id, values: c.set })), 'v')}
      where c.id = v.id`);
  }
  return writes;
}

export const contactOf = ({ id, phone, email, locale, anonymisedAt }: Known): CitizenContact => ({ id, phone, email, locale, anonymisedAt });

/** Finds or creates each citizen (see `planCitizens`) in at most four statements. */
export async function findOrCreateCitizens(ex: Executor, inputs: CheckedCitizen[]): Promise<CitizenContact[]> {
  const plan = await planCitizens(ex, inputs);
  const { drawn } = await drawFromSequences(ex, { [CITIZEN_IDS]: plan.created.length });
  const writes = writeCitizens(plan, drawn[CITIZEN_IDS], new Date());
  if (writes.length) await ex.execute(oneStatement(writes));
  return plan.contacts.map(contactOf);
}

export async function findOrCreateCitizen(ex: Executor, input: CheckedCitizen): Promise<number> {
  const [citizen] = await findOrCreateCitizens(ex, [input]);
  return citizen!.id;
}
