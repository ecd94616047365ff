/** The topics requests are filed under: a tree, each with a request type, a default unit and an SLA. */
import { asc, eq } from 'drizzle-orm';
import { DomainError, fieldError, foldForSearch, notFound, type Publication } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { categories, requestTypes, units } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';
import { CODE_PATTERN } from './units.js';

export interface CategoryView {
  id: number;
  code: string;
  nameTr: string;
  nameEn: string;
  parentId: number | null;
  requestType: string;
  defaultUnitId: number | null;
  slaHours: number;
  slaBusinessHours: boolean;
  publication: Publication;
  synonyms: string[];
  active: boolean;
}

const columns = {
  id: categories.id,
  code: categories.code,
  nameTr: categories.nameTr,
  nameEn: categories.nameEn,
  parentId: categories.parentId,
  requestType: categories.requestType,
  defaultUnitId: categories.defaultUnitId,
  slaHours: categories.slaHours,
  slaBusinessHours: categories.slaBusinessHours,
  publication: categories.publication,
  synonyms: categories.synonyms,
  active: categories.active,
};

export const listCategories = (ex: Executor): Promise<CategoryView[]> => ex.select(columns).from(categories).orderBy(asc(categories.nameTr));

export async function getCategory(ex: Executor, id: number): Promise<CategoryView> {
  const [row] = await ex.select(columns).from(categories).where(eq(categories.id, id));
  if (!row) throw notFound('category', id);
  return row;
}

interface CategoryFields {
  parentId?: number | null;
  requestType?: string;
  defaultUnitId?: number | null;
  slaHours?: number;
}

async function checkReferences(ex: Executor, id: number | null, input: CategoryFields): Promise<void> {
  if (input.requestType !== undefined) {
    const [type] = await ex.select({ code: requestTypes.code }).from(requestTypes).where(eq(requestTypes.code, input.requestType));
    if (!type) throw fieldError('requestType', 'not_found', `'${input.requestType}' is not a request type`, { id: input.requestType });
  }
  if (input.defaultUnitId != null) {
    const [unit] = await ex.select({ id: units.id }).from(units).where(eq(units.id, input.defaultUnitId));
    if (!unit) throw fieldError('defaultUnitId', 'not_found', `unit ${input.defaultUnitId} does not exist`, { id: input.defaultUnitId });
  }
  if (input.slaHours !== undefined && !(Number.isInteger(input.slaHours) && input.slaHours > 0)) throw fieldError('slaHours', 'not_whole_number', 'must be a whole number of hours above 0', { min: 1 });
  if (input.parentId != null) {
    const all = await ex.select({ id: categories.id, parentId: categories.parentId }).from(categories);
    const parentOf = new Map(all.map((c) => [c.id, c.parentId]));
    if (!parentOf.has(input.parentId)) throw fieldError('parentId', 'not_found', `category ${input.parentId} does not exist`, { id: input.parentId });
    for (let at: number | null | undefined = input.parentId; at != null; at = parentOf.get(at)) {
      if (at === id) throw fieldError('parentId', 'cycle', 'would make the category its own ancestor');
    }
  }
}

export interface CreateCategoryInput {
  code: string;
  nameTr: string;
  nameEn: string;
  parentId?: number | null;
  requestType: string;
  defaultUnitId?: number | null;
  slaHours: number;
  slaBusinessHours: boolean;
  /** What Open311 publishes of its requests; unpublished unless said. */
  publication?: Publication;
  /** Everyday words for the topic ("lamba"), matched by the pickers like the name. */
  synonyms?: string[];
}

/** Synonyms as typed, trimmed, blanks dropped and each word once ("Lamba" and "lamba" are one). */
export function cleanSynonyms(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const word of words) {
    const text = word.trim().replace(/\s+/g, ' ');
    const key = foldForSearch(text);
    if (!text || seen.has(key)) continue;
    seen.add(key);
    kept.push(text);
  }
  return kept;
}

export async function createCategory(ex: Executor, actor: Actor | null, input: CreateCategoryInput): Promise<CategoryView> {
  if (!CODE_PATTERN.test(input.code)) throw fieldError('code', 'not_code', "must be lower-case letters and digits joined by dashes, e.g. 'su-kesintisi'");
  await checkReferences(ex, null, input);
  const [exists] = await ex.select({ id: categories.id }).from(categories).where(eq(categories.code, input.code));
  if (exists) throw new DomainError('category.already_exists', `a category with the code '${input.code}' exists`, [{ field: 'code', code: 'taken', params: { value: input.code }, message: 'is taken' }], { code: input.code });
  const [row] = await ex
    .insert(categories)
    .values({ ...input, nameTr: input.nameTr.trim(), nameEn: input.nameEn.trim(), parentId: input.parentId ?? null, defaultUnitId: input.defaultUnitId ?? null, synonyms: cleanSynonyms(input.synonyms ?? []) })
    .returning(columns);
  await recordAudit(ex, { actor, action: 'category.create', subjectType: 'category', subjectId: row!.id, data: { ...input } });
  return row!;
}

export type UpdateCategoryInput = Partial<Omit<CreateCategoryInput, 'code'>> & { active?: boolean };

export async function updateCategory(ex: Executor, actor: Actor | null, id: number, input: UpdateCategoryInput): Promise<CategoryView> {
  await getCategory(ex, id);
  await checkReferences(ex, id, input);
  await ex
    .update(categories)
    .set({ ...input, nameTr: input.nameTr?.trim(), nameEn: input.nameEn?.trim(), synonyms: input.synonyms && cleanSynonyms(input.synonyms), updatedAt: new Date() })
    .where(eq(categories.id, id));
  await recordAudit(ex, { actor, action: 'category.update', subjectType: 'category', subjectId: id, data: { ...input } });
  return getCategory(ex, id);
}
