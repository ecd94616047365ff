/**
 * Erlang C staffing (M/M/N): how many agents an interval needs. Numerically stable for
 * thousands of agents: Erlang B by its recursion B(n) = A·B(n−1) / (n + A·B(n−1)), never
 * through factorials or powers, and Erlang C from it. Every loop is bounded: the inputs must
 * be finite, and no interval is staffed with more than MAX_AGENTS.
 */
import { DomainError, fieldError } from './errors.js';

/** The most agents one interval may need: far beyond any city's contact centre; past it the inputs are wrong. */
export const MAX_AGENTS = 10_000;

/** The stable error when the targets would need more than MAX_AGENTS agents. */
export const tooManyAgents = (traffic: number): DomainError =>
  new DomainError('staffing.too_many_agents', `these targets need more than ${MAX_AGENTS} agents for ${Math.round(traffic)} Erlangs of traffic; check the calls, handling time, occupancy cap and service level`, undefined, { limit: MAX_AGENTS });

type Check = [name: string, value: number | undefined, ok: (n: number) => boolean, expects: string];

/** Refuses what would make the loops below run forever: NaN, Infinity, values out of range. */
export function checkStaffingInput(checks: Check[]): void {
  for (const [name, value, ok, expects] of checks) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw fieldError(name, 'invalid', `must be ${expects}; got ${String(value)}`);
  }
}

export const erlangChecks = (input: Partial<ErlangInput & { agents: number; targetSeconds: number; targetServiceLevel: number; maxOccupancy: number }>): Check[] => [
  ['calls', input.calls, (n) => n >= 0, 'a finite number of calls, 0 or more'],
  ['intervalSeconds', input.intervalSeconds, (n) => n > 0, 'finite seconds above 0'],
  ['ahtSeconds', input.ahtSeconds, (n) => n > 0, 'finite seconds above 0'],
  ['agents', input.agents, (n) => Number.isInteger(n) && n >= 0 && n <= MAX_AGENTS, `a whole number of agents from 0 to ${MAX_AGENTS}`],
  ['targetSeconds', input.targetSeconds, (n) => n >= 0, 'finite seconds, 0 or more'],
  ['targetServiceLevel', input.targetServiceLevel, (n) => n >= 0 && n <= 1, 'a fraction from 0 to 1'],
  ['maxOccupancy', input.maxOccupancy, (n) => n > 0 && n <= 1, 'a fraction above 0, at most 1'],
];
export interface ErlangInput {
  /** Calls arriving in the interval. */
  calls: number;
  intervalSeconds: number;
  /** Average handling time: talk + hold + wrap-up. */
  ahtSeconds: number;
}

/** Offered traffic in Erlangs: arrival rate × handling time. */
export const trafficErlangs = (input: ErlangInput): number => (input.calls / input.intervalSeconds) * input.ahtSeconds;

/** Erlang B: the blocking probability with `agents` servers and no queue. */
export function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/** Erlang C: the probability that a call waits. 1 when the agents cannot keep up. */
export function erlangC(agents: number, traffic: number): number {
  if (agents <= traffic) return 1;
  const b = erlangB(agents, traffic);
  return (agents * b) / (agents - traffic * (1 - b));
}

export interface StaffingResult {
  agents: number;
  trafficErlangs: number;
  waitProbability: number;
  /** Share of calls answered within the target time. */
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
}

export function evaluateErlangC(input: ErlangInput & { agents: number; targetSeconds: number }): StaffingResult {
  checkStaffingInput(erlangChecks(input));
  const a = trafficErlangs(input);
  const n = input.agents;
  if (n <= a) return { agents: n, trafficErlangs: a, waitProbability: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1 };
  return resultOf(input, a, n, erlangB(n, a));
}

/** The figures for `n` agents > a, from Erlang B of n agents. */
function resultOf(input: ErlangInput & { targetSeconds: number }, a: number, n: number, b: number): StaffingResult {
  const c = (n * b) / (n - a * (1 - b));
  return {
    agents: n,
    trafficErlangs: a,
    waitProbability: c,
    serviceLevel: 1 - c * Math.exp((-(n - a) * input.targetSeconds) / input.ahtSeconds),
    asaSeconds: (c * input.ahtSeconds) / (n - a),
    occupancy: a / n,
  };
}

/** The fewest agents meeting the service level and the occupancy cap. */
export function agentsNeeded(input: ErlangInput & { targetServiceLevel: number; targetSeconds: number; maxOccupancy?: number }): StaffingResult {
  checkStaffingInput(erlangChecks(input));
  const a = trafficErlangs(input);
  if (a === 0) return { agents: 0, trafficErlangs: 0, waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
  const maxOccupancy = input.maxOccupancy ?? 1;
  // Fewer than a / maxOccupancy agents break the occupancy cap: start there. Each further
  // agent takes Erlang B one step on, so the search is linear in the answer, which is capped.
  const start = Math.max(1, Math.floor(a) + 1, Math.floor(a / maxOccupancy));
  if (start > MAX_AGENTS) throw tooManyAgents(a);
  let b = erlangB(start - 1, a);
  for (let n = start; n <= MAX_AGENTS; n++) {
    b = (a * b) / (n + a * b);
    const result = resultOf(input, a, n, b);
    if (result.serviceLevel >= input.targetServiceLevel && result.occupancy <= maxOccupancy) return result;
  }
  throw tooManyAgents(a);
}

/** Agents to schedule so that `agents` are on the phones after breaks, training and absence. */
export const withShrinkage = (agents: number, shrinkage: number): number => (agents === 0 ? 0 : Math.ceil(agents / (1 - shrinkage) - 1e-9));
