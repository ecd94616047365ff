import { describe, expect, it } from 'vitest';
import { chooseRoute, type RoutingRule } from './routing.js';
import { formatTrackingNumber, parseTrackingNumber } from './tracking-number.js';

const rule = (id: number, categoryId: number, districtId: number | null, neighbourhoodId: number | null, unitId: number, active = true): RoutingRule => ({ id, categoryId, districtId, neighbourhoodId, unitId, active });
const defaults = { categoryDefaultUnitId: 50, triageUnitId: 99 };
// Category 10 is a child of 1. District 7 holds neighbourhood 70.
const rules = [rule(1, 10, null, null, 11), rule(2, 10, 7, null, 12), rule(3, 10, 7, 70, 13), rule(4, 1, 8, null, 21), rule(5, 1, null, null, 22), rule(6, 10, 9, null, 14, false)];

describe('routing precedence', () => {
  it.each([
    ['neighbourhood rule', { districtId: 7, neighbourhoodId: 70 }, 13, 3],
    ['district rule', { districtId: 7, neighbourhoodId: 71 }, 12, 2],
    ['category rule', { districtId: 8, neighbourhoodId: null }, 11, 1],
    ['inactive rules are ignored', { districtId: 9, neighbourhoodId: null }, 11, 1],
  ])('%s', (_label, place, unitId, ruleId) => {
    expect(chooseRoute({ categoryId: 10, categoryAncestors: [1], ...place }, rules, defaults)).toEqual({ unitId, ruleId, routedBy: 'rule' });
  });

  it("falls back to the parent category's rules, then the default unit, then triage", () => {
    expect(chooseRoute({ categoryId: 20, categoryAncestors: [1], districtId: 8, neighbourhoodId: null }, rules, defaults)).toEqual({ unitId: 21, ruleId: 4, routedBy: 'rule' });
    expect(chooseRoute({ categoryId: 20, categoryAncestors: [1], districtId: 3, neighbourhoodId: null }, rules, defaults)).toEqual({ unitId: 22, ruleId: 5, routedBy: 'rule' });
    expect(chooseRoute({ categoryId: 30, districtId: 3, neighbourhoodId: null }, rules, defaults)).toEqual({ unitId: 50, ruleId: null, routedBy: 'category_default' });
    expect(chooseRoute({ categoryId: 30, districtId: 3, neighbourhoodId: null }, rules, { categoryDefaultUnitId: null, triageUnitId: 99 })).toEqual({ unitId: 99, ruleId: null, routedBy: 'triage' });
  });
});

describe('tracking numbers', () => {
  it('are the year and seven digits', () => {
    expect(formatTrackingNumber(2025, 123456)).toBe('2025-0123456');
  });
  it.each(['2025-0123456', '2025 0123456', '20250123456', '2025-123456', ' 2025-0123 456 '])('read %s back', (text) => {
    expect(parseTrackingNumber(text)).toEqual({ year: 2025, seq: 123456 });
  });
  it('refuse what is not one', () => {
    expect(parseTrackingNumber('25-12')).toBeNull();
    expect(parseTrackingNumber('2025-0000000')).toBeNull();
  });
});
