/** The municipality's organisation: departments and their branches, as a tree. */
import { asc, eq } from 'drizzle-orm';
import { DomainError, fieldError, notFound } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { units } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';

export interface UnitView {
  id: number;
  code: string;
  nameTr: string;
  nameEn: string;
  parentId: number | null;
  active: boolean;
}

const columns = { id: units.id, code: units.code, nameTr: units.nameTr, nameEn: units.nameEn, parentId: units.parentId, active: units.active };

export const listUnits = (ex: Executor): Promise<UnitView[]> => ex.select(columns).from(units).orderBy(asc(units.nameTr));

export async function getUnit(ex: Executor, id: number): Promise<UnitView> {
  const [row] = await ex.select(columns).from(units).where(eq(units.id, id));
  if (!row) throw notFound('unit', id);
  return row;
}

export const CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A unit may not become its own ancestor. */
async function checkParent(ex: Executor, id: number | null, parentId: number | null | undefined): Promise<void> {
  if (parentId == null) return;
  const all = await ex.select({ id: units.id, parentId: units.parentId }).from(units);
  const parentOf = new Map(all.map((u) => [u.id, u.parentId]));
  if (!parentOf.has(parentId)) throw fieldError('parentId', 'not_found', `unit ${parentId} does not exist`, { id: parentId });
  for (let at: number | null | undefined = parentId; at != null; at = parentOf.get(at)) {
    if (at === id) throw fieldError('parentId', 'cycle', 'would make the unit its own ancestor; choose a unit outside its branch');
  }
}

export async function createUnit(ex: Executor, actor: Actor | null, input: { code: string; nameTr: string; nameEn: string; parentId?: number | null }): Promise<UnitView> {
  if (!CODE_PATTERN.test(input.code)) throw fieldError('code', 'not_code', "must be lower-case letters and digits joined by dashes, e.g. 'su-ariza'");
  await checkParent(ex, null, input.parentId);
  const [exists] = await ex.select({ id: units.id }).from(units).where(eq(units.code, input.code));
  if (exists) throw new DomainError('unit.already_exists', `a unit with the code '${input.code}' exists`, [{ field: 'code', code: 'taken', params: { value: input.code }, message: 'is taken' }], { code: input.code });
  const [row] = await ex.insert(units).values({ code: input.code, nameTr: input.nameTr.trim(), nameEn: input.nameEn.trim(), parentId: input.parentId ?? null }).returning(columns);
  await recordAudit(ex, { actor, action: 'unit.create', subjectType: 'unit', subjectId: row!.id, data: input });
  return row!;
}

export async function updateUnit(ex: Executor, actor: Actor | null, id: number, input: { nameTr?: string; nameEn?: string; parentId?: number | null; active?: boolean }): Promise<UnitView> {
  await getUnit(ex, id);
  if (input.parentId !== undefined) await checkParent(ex, id, input.parentId);
  await ex
    .update(units)
    .set({ ...input, nameTr: input.nameTr?.trim(), nameEn: input.nameEn?.trim(), updatedAt: new Date() })
    .where(eq(units.id, id));
  await recordAudit(ex, { actor, action: 'unit.update', subjectType: 'unit', subjectId: id, data: input });
  return getUnit(ex, id);
}
