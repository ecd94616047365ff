/**
 * Contact-centre KPIs exactly as DESIGN.md section 8 defines them, from call summaries.
 *  offered = calls that entered a queue; answered = calls connected to an agent;
 *  answer rate = answered / offered; abandoned = hung up while waiting, short abandons
 *  (wait < S) apart; timeouts and other exits are unanswered but not abandons;
 *  service level = answered within T / offered (and Asterisk's answered within T / answered);
 *  ASA = total wait of answered / answered; AHT = (talk + hold + wrap-up) / handled.
 */
/** The periods a KPI report counts by, coarsest first; 15- and 30-minute intervals are the staffing planner's. */
export const KPI_BUCKETS = ['year', 'month', 'day', 'hour', '30min', '15min'] as const;
export type KpiBucket = (typeof KPI_BUCKETS)[number];
/** A report per queue or per agent instead of one row per period. */
export const KPI_GROUPS = ['queue', 'agent'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

export interface CallFacts {
  entered: boolean;
  answered: boolean;
  abandoned: boolean;
  waitSeconds: number | null;
  talkSeconds: number | null;
  holdSeconds?: number;
  wrapSeconds?: number;
}

export interface KpiOptions {
  /** Service-level threshold T, seconds. */
  thresholdSeconds: number;
  /** Short-abandon limit S, seconds. */
  shortAbandonSeconds: number;
}

export interface Kpis {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  otherUnanswered: number;
  answerRate: number | null;
  /** Answer rate with short abandons left out of offered. */
  answerRateExcludingShort: number | null;
  serviceLevel: number | null;
  serviceLevelOfAnswered: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  longestWaitSeconds: number | null;
}

export function computeKpis(calls: Iterable<CallFacts>, options: KpiOptions): Kpis {
  let offered = 0, answered = 0, abandoned = 0, shortAbandoned = 0, within = 0, totalWait = 0, handle = 0, handled = 0;
  let longest: number | null = null;
  for (const c of calls) {
    if (!c.entered) continue;
    offered++;
    const wait = c.waitSeconds ?? 0;
    longest = longest === null ? wait : Math.max(longest, wait);
    if (c.answered) {
      answered++;
      totalWait += wait;
      if (wait <= options.thresholdSeconds) within++;
      if (c.talkSeconds !== null) {
        handled++;
        handle += c.talkSeconds + (c.holdSeconds ?? 0) + (c.wrapSeconds ?? 0);
      }
    } else if (c.abandoned) {
      abandoned++;
      if (wait < options.shortAbandonSeconds) shortAbandoned++;
    }
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    offered,
    answered,
    abandoned,
    shortAbandoned,
    otherUnanswered: offered - answered - abandoned,
    answerRate: ratio(answered, offered),
    answerRateExcludingShort: ratio(answered, offered - shortAbandoned),
    serviceLevel: ratio(within, offered),
    serviceLevelOfAnswered: ratio(within, answered),
    asaSeconds: ratio(totalWait, answered),
    ahtSeconds: ratio(handle, handled),
    longestWaitSeconds: longest,
  };
}
