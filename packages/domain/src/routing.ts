/**
 * Which unit a request goes to. Precedence, most specific first:
 *   1. a rule for the category and the neighbourhood,
 *   2. a rule for the category and the district,
 *   3. a rule for the category alone,
 *   4. the same three for the parent category, then its parent, and so on,
 *   5. the category's default unit,
 *   6. the triage unit (the solution centre sorts it out by hand).
 */
export interface RoutingRule {
  id: number;
  categoryId: number;
  districtId: number | null;
  neighbourhoodId: number | null;
  unitId: number;
  active: boolean;
}

export interface RouteInput {
  categoryId: number;
  /** The parent chain, nearest first. */
  categoryAncestors?: number[];
  districtId: number | null;
  neighbourhoodId: number | null;
}

/**
 * How a request came to its unit: chosen at intake (the first three), moved by staff
 * (transfer), or brought in with its unit by an import.
 */
export const ROUTED_BY = ['rule', 'category_default', 'triage', 'transfer', 'import'] as const;
export type RoutedBy = (typeof ROUTED_BY)[number];

export interface Route {
  unitId: number;
  ruleId: number | null;
  routedBy: Extract<RoutedBy, 'rule' | 'category_default' | 'triage'>;
}

export function chooseRoute(input: RouteInput, rules: RoutingRule[], defaults: { categoryDefaultUnitId: number | null; triageUnitId: number }): Route {
  const active = rules.filter((r) => r.active);
  for (const categoryId of [input.categoryId, ...(input.categoryAncestors ?? [])]) {
    const forCategory = active.filter((r) => r.categoryId === categoryId);
    const match =
      (input.neighbourhoodId !== null && forCategory.find((r) => r.neighbourhoodId === input.neighbourhoodId)) ||
      (input.districtId !== null && forCategory.find((r) => r.neighbourhoodId === null && r.districtId === input.districtId)) ||
      forCategory.find((r) => r.neighbourhoodId === null && r.districtId === null);
    if (match) return { unitId: match.unitId, ruleId: match.id, routedBy: 'rule' };
  }
  if (defaults.categoryDefaultUnitId !== null) return { unitId: defaults.categoryDefaultUnitId, ruleId: null, routedBy: 'category_default' };
  return { unitId: defaults.triageUnitId, ruleId: null, routedBy: 'triage' };
}
