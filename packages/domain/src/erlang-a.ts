/**
 * Erlang A (M/M/N+M): Erlang C with callers who hang up when they wait longer than their
 * patience (exponential, mean `patienceSeconds`). Computed from the birth-death chain:
 *  - steady state: the states up to N from Erlang B, the queue states by the product
 *    λ / (Nμ + jθ), summed until the terms vanish;
 *  - a caller arriving with j already waiting is answered with probability
 *    Nμ / (Nμ + (j+1)θ) (each step forward competes with their own hang-up; the product
 *    telescopes), after a wait that is the sum of exponential stages with rates Nμ + iθ;
 *  - the share answered within T by uniformising that chain of positions.
 */
import { DomainError } from './errors.js';
import { MAX_AGENTS, agentsNeeded, checkStaffingInput, erlangB, erlangChecks, tooManyAgents, type ErlangInput } from './erlang.js';

export interface ErlangAResult {
  agents: number;
  trafficErlangs: number;
  waitProbability: number;
  abandonProbability: number;
  /** Answered within the target time, over all offered calls. */
  serviceLevel: number;
  /** Mean wait of answered calls (those answered at once count with 0). */
  asaSeconds: number;
  occupancy: number;
}

const TAIL_EPSILON = 1e-15;

/** The longest queue the chain follows: past it the callers would wait for hours; the inputs are wrong. */
export const MAX_QUEUE = 100_000;

const queueTooLong = (): DomainError =>
  new DomainError('staffing.queue_too_long', `with these figures more than ${MAX_QUEUE} callers would wait at once; check the calls, handling time and patience`, undefined, { limit: MAX_QUEUE });

const patienceCheck = (patienceSeconds: number) => ['patienceSeconds', patienceSeconds, (n: number) => n > 0, 'finite seconds above 0'] as [string, number, (n: number) => boolean, string];

export function evaluateErlangA(input: ErlangInput & { agents: number; targetSeconds: number; patienceSeconds: number }): ErlangAResult {
  checkStaffingInput([...erlangChecks(input), patienceCheck(input.patienceSeconds)]);
  const lambda = input.calls / input.intervalSeconds;
  const mu = 1 / input.ahtSeconds;
  const theta = 1 / input.patienceSeconds;
  const n = input.agents;
  const a = lambda / mu;
  if (n === 0) return { agents: 0, trafficErlangs: a, waitProbability: 1, abandonProbability: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1 };
  const nMu = n * mu;

  // Queue states in logs relative to π_N (they overflow doubles when N is far below the
  // traffic): logQ[m] = log(π_{N+m} / π_N). Summed until the terms vanish.
  const logQ = [0];
  let peak = 0;
  for (let m = 1; ; m++) {
    if (m > MAX_QUEUE) throw queueTooLong();
    const next = logQ[m - 1]! + Math.log(lambda) - Math.log(nMu + m * theta);
    logQ.push(next);
    peak = Math.max(peak, next);
    if (nMu + m * theta > lambda && next < peak + Math.log(TAIL_EPSILON)) break;
  }
  // π_N = 1 / (1/B + Σ_{m≥1} q_m), with every term scaled by e^-peak.
  const b = erlangB(n, a);
  const logInvB = b > 0 ? -Math.log(b) : Infinity;
  const scale = Math.max(peak, Number.isFinite(logInvB) ? logInvB : peak);
  let scaledSum = Number.isFinite(logInvB) ? Math.exp(logInvB - scale) : 0;
  for (let m = 1; m < logQ.length; m++) scaledSum += Math.exp(logQ[m]! - scale);
  // π_{N+m} = exp(logQ[m] − scale) / scaledSum; 0 when Erlang B underflows (no one waits).
  const q = logQ.map((l) => Math.exp(l - scale));
  const piN = 1 / scaledSum;
  const tail = q.slice(1).reduce((sum, v) => sum + v, 0);
  const waitProbability = Number.isFinite(logInvB) ? piN * (q[0]! + tail) : 0;

  // An arrival that finds N + j in the system waits at position j + 1.
  const positions = q.length;
  let answeredAfterWait = 0;
  let waitOfAnswered = 0;
  // The mean wait at position j + 1: the stages 1 … j + 1, summed as j grows.
  let meanStages = 0;
  for (let j = 0; j < positions; j++) {
    const weight = Number.isFinite(logInvB) ? piN * q[j]! : 0;
    const answered = nMu / (nMu + (j + 1) * theta);
    meanStages += 1 / (nMu + (j + 1) * theta);
    answeredAfterWait += weight * answered;
    waitOfAnswered += weight * answered * meanStages;
  }
  const answeredAtOnce = 1 - waitProbability;
  const answeredTotal = answeredAtOnce + answeredAfterWait;

  // Uniformisation over positions 1..M: p[i] is the chance the caller is at position i.
  const uniform = nMu + positions * theta;
  let p = new Float64Array(positions + 1);
  for (let j = 0; j < positions; j++) p[j + 1] = Number.isFinite(logInvB) ? piN * q[j]! : 0;
  const lt = uniform * input.targetSeconds;
  const steps = Math.ceil(lt + 12 * Math.sqrt(lt) + 20);
  let logWeight = -lt; // log Poisson(0; lt)
  let weights = 0; // Poisson(0 … k; lt)
  let servedByStep = 0; // mass answered within k uniformised steps
  let withinTarget = 0;
  const waiting = p.reduce((sum, v) => sum + v, 0);
  let next = new Float64Array(positions + 1);
  for (let k = 0; k <= steps; k++) {
    const weight = Math.exp(logWeight);
    withinTarget += weight * servedByStep;
    weights += weight;
    next.fill(0);
    let left = 0;
    for (let i = 1; i <= positions; i++) {
      const mass = p[i]!;
      if (mass === 0) continue;
      const forward = (nMu + (i - 1) * theta) / uniform;
      const leave = theta / uniform;
      if (i === 1) servedByStep += mass * forward;
      else next[i - 1]! += mass * forward;
      next[i]! += mass * (1 - forward - leave);
      left += mass * (1 - forward - leave) + (i === 1 ? 0 : mass * forward);
    }
    [p, next] = [next, p];
    logWeight += Math.log(lt) - Math.log(k + 1);
    // Every caller has been answered or has hung up: the later steps add what is answered by now.
    if (left <= waiting * TAIL_EPSILON) {
      withinTarget += Math.max(0, 1 - weights) * servedByStep;
      break;
    }
  }
  // The tail of the Poisson weights beyond `steps` is negligible; what is left counts as served by then.
  const serviceLevel = answeredAtOnce + Math.min(withinTarget, answeredAfterWait);

  return {
    agents: n,
    trafficErlangs: a,
    waitProbability,
    abandonProbability: Math.max(0, waitProbability - answeredAfterWait),
    serviceLevel,
    asaSeconds: answeredTotal > 0 ? waitOfAnswered / answeredTotal : Infinity,
    occupancy: Math.min(1, (lambda * answeredTotal) / nMu),
  };
}

/** The fewest agents meeting the service level and occupancy cap. Both improve with every
 * agent added, so a search below the Erlang C answer (hang-ups only help) finds it. */
export function agentsNeededErlangA(input: ErlangInput & { targetServiceLevel: number; targetSeconds: number; patienceSeconds: number; maxOccupancy?: number }): ErlangAResult {
  const maxOccupancy = input.maxOccupancy ?? 1;
  checkStaffingInput([...erlangChecks(input), patienceCheck(input.patienceSeconds)]);
  if (input.calls === 0) return evaluateErlangA({ ...input, agents: 0 });
  const meets = (r: ErlangAResult) => r.serviceLevel >= input.targetServiceLevel && r.occupancy <= maxOccupancy;
  let best = evaluateErlangA({ ...input, agents: agentsNeeded({ ...input, maxOccupancy }).agents });
  while (!meets(best)) {
    if (best.agents >= MAX_AGENTS) throw tooManyAgents(best.trafficErlangs);
    best = evaluateErlangA({ ...input, agents: best.agents + 1 });
  }
  // Down from there in growing steps until a staffing misses: the agents tried stay near the
  // answer, where the queue, and so the work per evaluation, is short.
  let high = best.agents;
  let lo = -1;
  for (let step = 1; lo < 0 && high > 0; step *= 2) {
    const n = Math.max(0, high - step);
    const r = evaluateErlangA({ ...input, agents: n });
    if (meets(r)) {
      high = n;
      best = r;
    } else lo = n;
  }
  while (lo >= 0 && high - lo > 1) {
    const mid = Math.floor((lo + high) / 2);
    const r = evaluateErlangA({ ...input, agents: mid });
    if (meets(r)) {
      high = mid;
      best = r;
    } else lo = mid;
  }
  return best;
}
