/** Admin-edited routing rules: category (optionally narrowed to a district or neighbourhood) → unit. */
import { asc, eq } from 'drizzle-orm';
import { invalid, notFound, type RoutingRule } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { categories, districts, neighbourhoods, routingRules, units } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';
import type { CreateRoutingRuleBody } from '@cozum/contract';

/** A rule as the domain's router reads it. */
export type RoutingRuleView = RoutingRule;

const columns = { id: routingRules.id, categoryId: routingRules.categoryId, districtId: routingRules.districtId, neighbourhoodId: routingRules.neighbourhoodId, unitId: routingRules.unitId, active: routingRules.active };

export const listRoutingRules = (ex: Executor): Promise<RoutingRuleView[]> => ex.select(columns).from(routingRules).orderBy(asc(routingRules.categoryId), asc(routingRules.id));

export type RuleInput = CreateRoutingRuleBody;

async function checkRule(ex: Executor, input: RuleInput): Promise<{ districtId: number | null }> {
  const [category] = await ex.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
  if (!category) throw invalid('categoryId', `category ${input.categoryId} does not exist`);
  const [unit] = await ex.select({ id: units.id, active: units.active }).from(units).where(eq(units.id, input.unitId));
  if (!unit || !unit.active) throw invalid('unitId', `unit ${input.unitId} does not exist or is inactive`);
  let districtId = input.districtId ?? null;
  if (districtId) {
    const [d] = await ex.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
    if (!d) throw invalid('districtId', `district ${districtId} does not exist`);
  }
  if (input.neighbourhoodId) {
    const [n] = await ex.select({ districtId: neighbourhoods.districtId, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, input.neighbourhoodId));
    if (!n) throw invalid('neighbourhoodId', `neighbourhood ${input.neighbourhoodId} does not exist`);
    if (districtId && n.districtId !== districtId) throw invalid('neighbourhoodId', `${n.name} is not in district ${districtId}`);
    districtId = n.districtId;
  }
  return { districtId };
}

export async function createRoutingRule(ex: Executor, actor: Actor, input: RuleInput): Promise<RoutingRuleView> {
  const { districtId } = await checkRule(ex, input);
  const [row] = await ex.insert(routingRules).values({ ...input, districtId, neighbourhoodId: input.neighbourhoodId ?? null }).returning(columns);
  await recordAudit(ex, { actor, action: 'routing_rule.create', subjectType: 'routing_rule', subjectId: row!.id, data: { ...input } });
  return row!;
}

export async function updateRoutingRule(ex: Executor, actor: Actor, id: number, input: Partial<RuleInput> & { active?: boolean }): Promise<RoutingRuleView> {
  const [current] = await ex.select(columns).from(routingRules).where(eq(routingRules.id, id));
  if (!current) throw notFound('routing rule', id);
  const merged = { ...current, ...input };
  const { districtId } = await checkRule(ex, merged);
  const [row] = await ex.update(routingRules).set({ ...input, districtId, updatedAt: new Date() }).where(eq(routingRules.id, id)).returning(columns);
  await recordAudit(ex, { actor, action: 'routing_rule.update', subjectType: 'routing_rule', subjectId: id, data: { ...input } });
  return row!;
}
