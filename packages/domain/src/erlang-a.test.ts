import { describe, expect, it } from 'vitest';
import { evaluateErlangC } from './erlang.js';
import { agentsNeededErlangA, evaluateErlangA } from './erlang-a.js';

describe('Erlang A', () => {
  // One agent, λ = μ = θ = 1/s: every state k ≥ 1 empties at rate μ + (k−1)θ = k, so the
  // number in the system is Poisson(1): P(wait) = P(k ≥ 1) = 1 − e⁻¹. Hang-ups happen at rate
  // Σ π_k (k−1)θ = E[k] − P(k ≥ 1) = e⁻¹ per second, a share e⁻¹ of the arrivals.
  it('matches the M/M/1+M case worked by hand', () => {
    const r = evaluateErlangA({ calls: 3600, intervalSeconds: 3600, ahtSeconds: 1, agents: 1, targetSeconds: 0, patienceSeconds: 1 });
    expect(r.waitProbability).toBeCloseTo(1 - Math.exp(-1), 9);
    expect(r.abandonProbability).toBeCloseTo(Math.exp(-1), 9);
    // With zero target time only the calls answered at once count.
    expect(r.serviceLevel).toBeCloseTo(Math.exp(-1), 9);
  });

  it('becomes Erlang C when callers never hang up', () => {
    const c = evaluateErlangC({ calls: 40, intervalSeconds: 3600, ahtSeconds: 180, agents: 3, targetSeconds: 20 });
    const a = evaluateErlangA({ calls: 40, intervalSeconds: 3600, ahtSeconds: 180, agents: 3, targetSeconds: 20, patienceSeconds: 1e9 });
    expect(a.waitProbability).toBeCloseTo(c.waitProbability, 5);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 5);
    expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 2);
    expect(a.abandonProbability).toBeLessThan(1e-6);
  });

  it('loses more callers, and answers the rest faster, as patience shrinks', () => {
    const at = (patienceSeconds: number) => evaluateErlangA({ calls: 40, intervalSeconds: 3600, ahtSeconds: 180, agents: 3, targetSeconds: 20, patienceSeconds });
    expect(at(30).abandonProbability).toBeGreaterThan(at(120).abandonProbability);
    expect(at(120).abandonProbability).toBeGreaterThan(at(600).abandonProbability);
    expect(at(30).asaSeconds).toBeLessThan(at(600).asaSeconds);
  });

  it('staffs thousands of agents, finite and first to meet the target', () => {
    const input = { calls: 40_000, intervalSeconds: 1800, ahtSeconds: 180, targetServiceLevel: 0.8, targetSeconds: 20, patienceSeconds: 120 };
    const r = agentsNeededErlangA({ ...input, maxOccupancy: 0.95 });
    expect(Number.isFinite(r.asaSeconds)).toBe(true);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(r.occupancy).toBeLessThanOrEqual(0.95);
    const fewer = evaluateErlangA({ ...input, agents: r.agents - 1 });
    expect(fewer.serviceLevel < 0.8 || fewer.occupancy > 0.95).toBe(true);
  }, 30_000);
});
