import type { Article, ArticlesQuery, CreateArticleBody, UpdateArticleBody } from '@cozum/contract';
import { api, type Filter, type Items } from './client';

export type { Article } from '@cozum/contract';
/** An article as the editor holds it: every field given. */
export type ArticleInput = Required<CreateArticleBody>;
/** The search as a page holds it: null clears a filter. */
export type ArticleQuery = Filter<ArticlesQuery>;

export const searchArticles = async (query: ArticleQuery = {}) => (await api.get<Items<Article>>('/kb/articles', { ...query })).items;
export const createArticle = (input: CreateArticleBody) => api.post<Article>('/kb/articles', input);
export const updateArticle = (id: number, input: UpdateArticleBody) => api.patch<Article>(`/kb/articles/${id}`, input);
