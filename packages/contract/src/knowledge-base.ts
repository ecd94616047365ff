/** The knowledge base agents answer from: articles, valid for a time, searched in Turkish. */
import { Type, type Static } from 'typebox';
import { Id, Items, Nullable } from './common.js';

const NS = Nullable(Type.String());

export const Article = Type.Object({
  id: Type.Integer(),
  titleTr: Type.String(),
  titleEn: NS,
  bodyTr: Type.String(),
  bodyEn: NS,
  categoryId: Nullable(Type.Integer()),
  unitId: Nullable(Type.Integer()),
  tags: Type.Array(Type.String()),
  validFrom: NS,
  validUntil: NS,
  useCount: Type.Integer(),
  active: Type.Boolean(),
  updatedAt: Type.String(),
  /** Only in search answers: how well the article matched. */
  score: Type.Optional(Type.Number()),
});
export type Article = Static<typeof Article>;
export const Articles = Items(Article);

export const ArticlesQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 200 })), categoryId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), includeInactive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type ArticlesQuery = Static<typeof ArticlesQuery>;

const fields = {
  titleTr: Type.String({ minLength: 3, maxLength: 300 }),
  titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  bodyTr: Type.String({ minLength: 1, maxLength: 20000 }),
  bodyEn: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
  categoryId: Type.Optional(Nullable(Id)),
  unitId: Type.Optional(Nullable(Id)),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 30 })),
  validFrom: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  validUntil: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  active: Type.Optional(Type.Boolean()),
};
export const CreateArticleBody = Type.Object(fields, { additionalProperties: false });
export type CreateArticleBody = Static<typeof CreateArticleBody>;
export const UpdateArticleBody = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type UpdateArticleBody = Static<typeof UpdateArticleBody>;
