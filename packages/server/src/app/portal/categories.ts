/** The topics a citizen may choose on the portal: the active categories, by Turkish name, with the everyday words they are found by. */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { categories } from '../../db/schema.js';

export const listPortalCategories = (ex: Executor) =>
  ex
    .select({ id: categories.id, code: categories.code, nameTr: categories.nameTr, nameEn: categories.nameEn, parentId: categories.parentId, synonyms: categories.synonyms })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.nameTr));
