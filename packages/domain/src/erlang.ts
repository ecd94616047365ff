/**
 * Erlang C staffing (M/M/N): how many agents an interval needs. Numerically stable for
 * thousands of agents: Erlang B by its recursion B(n) = A·B(n−1) / (n + A·B(n−1)), never
 * through factorials or powers, and Erlang C from it.
 */
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
  const a = trafficErlangs(input);
  const n = input.agents;
  if (n <= a) return { agents: n, trafficErlangs: a, waitProbability: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1 };
  const c = erlangC(n, a);
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
  const a = trafficErlangs(input);
  if (a === 0) return { agents: 0, trafficErlangs: 0, waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
  const maxOccupancy = input.maxOccupancy ?? 1;
  for (let n = Math.max(1, Math.floor(a) + 1); ; n++) {
    const result = evaluateErlangC({ ...input, agents: n });
    if (result.serviceLevel >= input.targetServiceLevel && result.occupancy <= maxOccupancy) return result;
  }
}

/** Agents to schedule so that `agents` are on the phones after breaks, training and absence. */
export const withShrinkage = (agents: number, shrinkage: number): number => (agents === 0 ? 0 : Math.ceil(agents / (1 - shrinkage) - 1e-9));
