import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { failure } from './domain-failure.test-helper.js';
import { evaluateErlangC } from './erlang.js';
import { MAX_QUEUE, agentsNeededErlangA, evaluateErlangA } from './erlang-a.js';

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

  // Before: a NaN patience never ended the queue's sum, which grew until memory ran out.
  it('refuses a patience or handling time that is not finite, naming the field', () => {
    const input = { calls: 40, intervalSeconds: 3600, ahtSeconds: 180, agents: 3, targetSeconds: 20, patienceSeconds: NaN };
    expect(failure(() => evaluateErlangA(input)).details).toEqual([{ field: 'patienceSeconds', code: 'invalid', message: expect.stringContaining('finite') }]);
    expect(failure(() => agentsNeededErlangA({ ...input, patienceSeconds: 60, ahtSeconds: Infinity, targetServiceLevel: 0.8 })).details![0]!.field).toBe('ahtSeconds');
  });

  it(`stops at a queue of ${MAX_QUEUE} callers with a stable error`, () => {
    const error = failure(() => evaluateErlangA({ calls: 1_000_000, intervalSeconds: 1800, ahtSeconds: 180, agents: 1, targetSeconds: 20, patienceSeconds: 86_400 }));
    expect(error.code).toBe('staffing.queue_too_long');
  });

  // Before: a 0.0001 s handling time with an hour's target walked 36 million steps of the chain.
  it('ends the chain once every caller is answered or gone, however long the target', () => {
    const started = performance.now();
    const r = agentsNeededErlangA({ calls: 100, intervalSeconds: 1800, ahtSeconds: 0.0001, targetServiceLevel: 0.8, targetSeconds: 3600, patienceSeconds: 60, maxOccupancy: 0.85 });
    expect(r.agents).toBe(1);
    expect(r.serviceLevel).toBeCloseTo(1, 9);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
