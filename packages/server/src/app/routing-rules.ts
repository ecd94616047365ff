/** Admin-edited routing rules: category (optionally narrowed to a district or neighbourhood) → unit. */
import { asc, eq } from 'drizzle-orm';
import { fieldError, notFound, type RoutingRule } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { categories, districts, neighbourhoods, routingRules, units } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';
import type { CreateRoutingRuleBody } from '@cozum/contract';

/** A rule as the domain's router reads it. */
export type RoutingRuleView = RoutingRule;

const columns = { id: routingRules.id, categoryId: routingRules.categoryId, districtId: routingRules.districtId, neighbourhoodId: routingRules.neighbourhoodId, unitId: routingRules.unitId, active: routingRules.active };

export const listRoutingRules = (ex: Executor): Promise<RoutingRuleView[]> => ex.select(columns).from(routingRules).orderBy(asc(routingRules.categoryId), asc(routingRules.id));

export type RuleInput = CreateRoutingRuleBody;

/** A district's name for a message; its id when it is not found. */
async function districtName(ex: Executor, id: number): Promise<string> {
  const [row] = await ex.select({ name: districts.name }).from(districts).where(eq(districts.id, id));
  return row?.name ?? String(id);
}

async function checkRule(ex: Executor, input: RuleInput): Promise<{ districtId: number | null }> {
  const [category] = await ex.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
  if (!category) throw fieldError('categoryId', 'not_found', `category ${input.categoryId} does not exist`, { id: input.categoryId });
  const [unit] = await ex.select({ id: units.id, active: units.active, name: units.nameTr }).from(units).where(eq(units.id, input.unitId));
  if (!unit) throw fieldError('unitId', 'not_found', `unit ${input.unitId} does not exist`, { id: input.unitId });
  if (!unit.active) throw fieldError('unitId', 'inactive', `unit ${input.unitId} is inactive`, { name: unit.name });
  let districtId = input.districtId ?? null;
  if (districtId) {
    const [d] = await ex.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.id, districtId));
    if (!d) throw fieldError('districtId', 'not_found', `district ${districtId} does not exist`, { id: districtId });
  }
  if (input.neighbourhoodId) {
    const [n] = await ex.select({ districtId: neighbourhoods.districtId, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, input.neighbourhoodId));
    if (!n) throw fieldError('neighbourhoodId', 'not_found', `neighbourhood ${input.neighbourhoodId} does not exist`, { id: input.neighbourhoodId });
    if (districtId && n.districtId !== districtId) {
      const district = await districtName(ex, districtId);
      throw fieldError('neighbourhoodId', 'not_in_district', `${n.name} is not in ${district}`, { neighbourhood: n.name, district });
    }
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
