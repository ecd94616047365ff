import { api, type Items } from './client';

export interface Article {
  id: number;
  titleTr: string;
  titleEn: string | null;
  bodyTr: string;
  bodyEn: string | null;
  categoryId: number | null;
  unitId: number | null;
  tags: string[];
  validFrom: string | null;
  validUntil: string | null;
  useCount: number;
  active: boolean;
  updatedAt: string;
  score?: number;
}

export type ArticleInput = Omit<Article, 'id' | 'useCount' | 'updatedAt' | 'score'>;

export interface ArticleQuery {
  q?: string;
  categoryId?: number | null;
  limit?: number;
  includeInactive?: boolean;
}

export const searchArticles = async (query: ArticleQuery = {}) => (await api.get<Items<Article>>('/kb/articles', { ...query })).items;
export const createArticle = (input: ArticleInput) => api.post<Article>('/kb/articles', input);
export const updateArticle = (id: number, input: Partial<ArticleInput>) => api.patch<Article>(`/kb/articles/${id}`, input);
