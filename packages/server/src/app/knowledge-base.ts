/**
 * The knowledge base agents answer from. Search combines Turkish full-text search with
 * trigram similarity on accent-free text, so typos and text typed without Turkish letters
 * ("cop konteyneri") still find "çöp konteyneri"; ties go to the articles used most.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { DomainError, foldForSearch, inUnitScope, fieldError, notFound } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { containing } from '../db/like.js';
import { categories, kbArticles, units } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';

export interface ArticleInput {
  titleTr: string;
  titleEn?: string | null;
  bodyTr: string;
  bodyEn?: string | null;
  categoryId?: number | null;
  unitId?: number | null;
  tags?: string[];
  validFrom?: string | null;
  validUntil?: string | null;
  active?: boolean;
}

const columns = {
  id: kbArticles.id,
  titleTr: kbArticles.titleTr,
  titleEn: kbArticles.titleEn,
  bodyTr: kbArticles.bodyTr,
  bodyEn: kbArticles.bodyEn,
  categoryId: kbArticles.categoryId,
  unitId: kbArticles.unitId,
  tags: kbArticles.tags,
  validFrom: kbArticles.validFrom,
  validUntil: kbArticles.validUntil,
  useCount: kbArticles.useCount,
  active: kbArticles.active,
  updatedAt: kbArticles.updatedAt,
};

type Row = { updatedAt: Date; validFrom: string | null; validUntil: string | null } & Record<string, unknown>;
const view = <T extends Row>(r: T) => ({ ...r, validFrom: r.validFrom ? String(r.validFrom) : null, validUntil: r.validUntil ? String(r.validUntil) : null, updatedAt: r.updatedAt.toISOString() });

async function check(ex: Executor, input: Partial<ArticleInput>): Promise<void> {
  if (input.categoryId) {
    const [c] = await ex.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
    if (!c) throw fieldError('categoryId', 'not_found', `category ${input.categoryId} does not exist`, { id: input.categoryId });
  }
  if (input.unitId) {
    const [u] = await ex.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!u) throw fieldError('unitId', 'not_found', `unit ${input.unitId} does not exist`, { id: input.unitId });
  }
  if (input.validFrom && input.validUntil && input.validUntil < input.validFrom) throw fieldError('validUntil', 'before_start', `${input.validUntil} is before validFrom ${input.validFrom}`, { start: input.validFrom, end: input.validUntil });
}

/** What the audit log keeps of an article, before and after a change. */
const articleText = (r: Record<string, unknown>) => ({
  titleTr: r.titleTr, titleEn: r.titleEn, bodyTr: r.bodyTr, bodyEn: r.bodyEn, categoryId: r.categoryId, unitId: r.unitId, tags: r.tags,
  validFrom: r.validFrom ? String(r.validFrom) : null, validUntil: r.validUntil ? String(r.validUntil) : null, active: r.active,
});

/** Unit heads write only their own unit's articles (roles.ts, inUnitScope); the city-wide ones are the centre's. */
function checkArticleScope(actor: Actor, unitId: number | null): void {
  if (!inUnitScope(actor, unitId)) {
    throw new DomainError('forbidden', unitId === null ? 'city-wide articles (no unit) are written by the centre; give the article your unit' : 'this article belongs to another unit; ask its head or a supervisor to change it');
  }
}

export async function createArticle(ex: Executor, actor: Actor, input: ArticleInput) {
  checkArticleScope(actor, input.unitId ?? null);
  await check(ex, input);
  const [row] = await ex
    .insert(kbArticles)
    .values({ ...input, tags: (input.tags ?? []).map((t) => t.trim()).filter(Boolean), createdBy: actor.id })
    .returning(columns);
  await recordAudit(ex, { actor, action: 'kb_article.create', subjectType: 'kb_article', subjectId: row!.id, data: { before: null, after: articleText(row!) } });
  return view(row!);
}

export async function updateArticle(ex: Executor, actor: Actor, id: number, input: Partial<ArticleInput>) {
  const [before] = await ex.select(columns).from(kbArticles).where(eq(kbArticles.id, id)).for('update');
  if (!before) throw notFound('article', id);
  // Both the unit it belongs to and the one it would move to must be the writer's.
  checkArticleScope(actor, before.unitId);
  if (input.unitId !== undefined) checkArticleScope(actor, input.unitId);
  await check(ex, input);
  const [row] = await ex.update(kbArticles).set({ ...input, updatedAt: new Date() }).where(eq(kbArticles.id, id)).returning(columns);
  await recordAudit(ex, { actor, action: 'kb_article.update', subjectType: 'kb_article', subjectId: id, data: { before: articleText(before), after: articleText(row!) } });
  return view(row!);
}

export async function getArticle(ex: Executor, id: number) {
  const [row] = await ex.select(columns).from(kbArticles).where(eq(kbArticles.id, id));
  if (!row) throw notFound('article', id);
  return view(row);
}

/** Articles valid on `today`, best match first. Without a query: the most used. */
export async function searchArticles(ex: Executor, query: { q?: string; categoryId?: number; today: string; limit?: number; includeInactive?: boolean }) {
  const q = query.q?.trim() ?? '';
  const folded = foldForSearch(q);
  const doc = sql`(${kbArticles.titleTr} || ' ' || coalesce(${kbArticles.titleEn}, '') || ' ' || array_to_string(${kbArticles.tags}, ' '))`;
  const foldedTitle = sql`search_fold(${kbArticles.titleTr} || ' ' || array_to_string(${kbArticles.tags}, ' '))`;
  const rank = q
    ? sql`(ts_rank(to_tsvector('turkish', ${doc} || ' ' || ${kbArticles.bodyTr}), plainto_tsquery('turkish', ${q})) * 2
          + word_similarity(${folded}, ${foldedTitle}) * 3
          + similarity(${folded}, ${foldedTitle}))`
    : // A bare 0 in ORDER BY is read as a column position; a typed zero is a value.
      sql`0::real`;
  const match = q
    ? sql`(to_tsvector('turkish', ${doc} || ' ' || ${kbArticles.bodyTr}) @@ plainto_tsquery('turkish', ${q})
          or word_similarity(${folded}, ${foldedTitle}) > 0.45
          or search_fold(${kbArticles.bodyTr}) like ${containing(folded)})`
    : sql`true`;
  const rows = await ex
    .select({ ...columns, score: sql<number>`${rank}` })
    .from(kbArticles)
    .where(
      sql`${match}
        ${query.includeInactive ? sql`` : sql`and ${kbArticles.active} and (${kbArticles.validFrom} is null or ${kbArticles.validFrom} <= ${query.today}::date) and (${kbArticles.validUntil} is null or ${kbArticles.validUntil} >= ${query.today}::date)`}
        ${query.categoryId ? sql`and ${kbArticles.categoryId} = ${query.categoryId}` : sql``}`,
    )
    .orderBy(sql`${rank} desc`, sql`${kbArticles.useCount} desc`, asc(kbArticles.id))
    .limit(query.limit ?? 20);
  return rows.map((r) => ({ ...view(r), score: Math.round(Number(r.score) * 1000) / 1000 }));
}
