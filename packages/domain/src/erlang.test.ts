import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { failure } from './domain-failure.test-helper.js';
import { MAX_AGENTS, agentsNeeded, erlangB, erlangC, evaluateErlangC, withShrinkage } from './erlang.js';

describe('Erlang B and C', () => {
  // A = 2 Erlangs: B(1) = 2/3, B(2) = (4/3)/(10/3) = 0.4, B(3) = 0.8/3.8.
  it('Erlang B by the recursion', () => {
    expect(erlangB(1, 2)).toBeCloseTo(2 / 3, 12);
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 12);
    expect(erlangB(3, 2)).toBeCloseTo(0.8 / 3.8, 12);
  });

  // Direct: (A^N/N!)(N/(N−A)) / (Σ_{k<N} A^k/k! + (A^N/N!)(N/(N−A))) = (8/6·3)/(1+2+2+4) = 4/9.
  it('Erlang C matches the closed form for a small case', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
  });

  // 40 calls in 1 h with AHT 180 s = 2 Erlangs, 3 agents: ASA = (4/9)·180/(3−2) = 80 s;
  // SL(20 s) = 1 − (4/9)·e^(−1·20/180) = 1 − 0.44444·0.894839 = 0.602294.
  it('gives service level, ASA and occupancy for a staffing', () => {
    const r = evaluateErlangC({ calls: 40, intervalSeconds: 3600, ahtSeconds: 180, agents: 3, targetSeconds: 20 });
    expect(r.trafficErlangs).toBeCloseTo(2, 12);
    expect(r.asaSeconds).toBeCloseTo(80, 9);
    expect(r.serviceLevel).toBeCloseTo(0.602294, 5);
    expect(r.occupancy).toBeCloseTo(2 / 3, 12);
  });

  it('says an understaffed interval never catches up', () => {
    expect(evaluateErlangC({ calls: 40, intervalSeconds: 3600, ahtSeconds: 180, agents: 2, targetSeconds: 20 })).toMatchObject({ serviceLevel: 0, waitProbability: 1, occupancy: 1 });
  });
});

describe('staffing', () => {
  it('finds the fewest agents for 80 % in 20 s, and one fewer misses it', () => {
    // 2 Erlangs: 3 agents give 60.2 % (above); 4 agents: B(4) = 0.4210526/4.4210526 = 0.095238,
    // C = 4·0.095238/(4 − 2·0.904762) = 0.380952/2.190476 = 0.173913;
    // SL = 1 − 0.173913·e^(−2·20/180) = 1 − 0.173913·0.800737 = 0.860741.
    const r = agentsNeeded({ calls: 40, intervalSeconds: 3600, ahtSeconds: 180, targetServiceLevel: 0.8, targetSeconds: 20 });
    expect(r.agents).toBe(4);
    expect(r.serviceLevel).toBeCloseTo(0.860741, 5);
  });

  it('respects the occupancy cap', () => {
    expect(agentsNeeded({ calls: 40, intervalSeconds: 3600, ahtSeconds: 180, targetServiceLevel: 0.5, targetSeconds: 20, maxOccupancy: 0.5 }).agents).toBe(4);
  });

  it('stays finite and exact for thousands of agents', () => {
    // 40,000 calls in 30 min at 180 s: A = 4,000 Erlangs.
    const input = { calls: 40_000, intervalSeconds: 1800, ahtSeconds: 180, targetServiceLevel: 0.8, targetSeconds: 20 };
    const r = agentsNeeded(input);
    expect(Number.isFinite(r.serviceLevel)).toBe(true);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(evaluateErlangC({ ...input, agents: r.agents - 1 }).serviceLevel).toBeLessThan(0.8);
    // Square-root staffing puts N near A + β√A with β about 1 for these targets: within a few dozen.
    expect(r.agents).toBeGreaterThan(4000);
    expect(r.agents).toBeLessThan(4000 + 2 * Math.sqrt(4000));
  });

  it('adds shrinkage on top', () => {
    expect(withShrinkage(4, 0.3)).toBe(6);
    expect(withShrinkage(7, 0.3)).toBe(10);
  });

  const base = { calls: 40, intervalSeconds: 3600, ahtSeconds: 180, targetServiceLevel: 0.8, targetSeconds: 20 };

  // Before: NaN or Infinity never met the target and the search ran forever.
  it('refuses numbers that are not finite, naming the field, instead of searching forever', () => {
    for (const [field, value] of [['calls', Infinity], ['ahtSeconds', NaN], ['targetServiceLevel', NaN], ['maxOccupancy', 0], ['intervalSeconds', -1]] as const) {
      const error = failure(() => agentsNeeded({ ...base, [field]: value }));
      expect(error.code, field).toBe('validation_failed');
      expect(error.details, field).toEqual([{ field, code: 'invalid', message: expect.stringContaining('must be') }]);
    }
    expect(failure(() => evaluateErlangC({ ...base, agents: 1.5 })).details![0]!.field).toBe('agents');
  });

  // Before: an occupancy cap of 0.00005 on 1 Erlang searched 20,000 staffings, each O(agents).
  it(`stops at ${MAX_AGENTS} agents with a stable error, at once`, () => {
    const started = performance.now();
    const error = failure(() => agentsNeeded({ ...base, calls: 20, maxOccupancy: 0.00005 }));
    expect(error.code).toBe('staffing.too_many_agents');
    expect(error.message).toContain(`more than ${MAX_AGENTS} agents`);
    expect(performance.now() - started).toBeLessThan(100);
    // Just under the cap still answers: the occupancy bound is where the search starts.
    expect(agentsNeeded({ ...base, calls: 20, maxOccupancy: 1 / (MAX_AGENTS - 1) }).agents).toBe(MAX_AGENTS - 1);
  });
});
