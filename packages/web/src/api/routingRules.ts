import type { CreateRoutingRuleBody, RoutingRule, UpdateRoutingRuleBody } from '@cozum/contract';
import { api, type Items } from './client';

export type { RoutingRule } from '@cozum/contract';
export type NewRoutingRule = CreateRoutingRuleBody;
export type RoutingRuleChanges = UpdateRoutingRuleBody;

export const listRoutingRules = () => api.get<Items<RoutingRule>>('/routing-rules').then((r) => r.items);
export const createRoutingRule = (input: NewRoutingRule) => api.post<RoutingRule>('/routing-rules', input);
export const updateRoutingRule = (id: number, changes: RoutingRuleChanges) => api.patch<RoutingRule>(`/routing-rules/${id}`, changes);
