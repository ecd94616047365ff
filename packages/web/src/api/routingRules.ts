import { api, type Items } from './client';

/** Sends a category's requests, in a district or neighbourhood or anywhere, to a unit. */
export interface RoutingRule {
  id: number;
  categoryId: number;
  districtId: number | null;
  neighbourhoodId: number | null;
  unitId: number;
  active: boolean;
}

export type NewRoutingRule = Omit<RoutingRule, 'id' | 'active'>;
export type RoutingRuleChanges = Partial<Omit<RoutingRule, 'id'>>;

export const listRoutingRules = () => api.get<Items<RoutingRule>>('/routing-rules').then((r) => r.items);
export const createRoutingRule = (input: NewRoutingRule) => api.post<RoutingRule>('/routing-rules', input);
export const updateRoutingRule = (id: number, changes: RoutingRuleChanges) => api.patch<RoutingRule>(`/routing-rules/${id}`, changes);
