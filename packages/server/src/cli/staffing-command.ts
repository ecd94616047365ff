import { MAX_AGENTS, agentsNeeded, agentsNeededErlangA, evaluateErlangA, evaluateErlangC, withShrinkage } from '@cozum/domain';
import { UsageError, type Command } from './command.js';

const number = (values: Record<string, unknown>, name: string, check: (n: number) => boolean, expects: string, fallback?: number): number => {
  const raw = values[name];
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required (${expects})`);
    return fallback;
  }
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} ${String(raw)}: expected ${expects}`);
  return n;
};

export const staffingCommand: Command = {
  words: ['staffing'],
  summary: 'agents needed for an interval (Erlang C, or Erlang A with caller patience)',
  usage: `Usage: cozum staffing --calls N --interval-minutes M --aht-seconds S --target-sl X --target-seconds T
                      [--max-occupancy X] [--shrinkage X] [--patience-seconds P] [--agents N] [--json]

Without --agents, finds the fewest agents meeting the target service level (share of calls
answered within --target-seconds) and the occupancy cap; with --agents, evaluates that
staffing. --patience-seconds switches from Erlang C to Erlang A (callers hang up after an
exponential patience with that mean) and adds the abandonment probability.
'agents' are on the phones; 'staffed' adds --shrinkage (breaks, training, absence).
Shares are fractions: --target-sl 0.8 is 80 %.`,
  options: {
    calls: { type: 'string' },
    'interval-minutes': { type: 'string' },
    'aht-seconds': { type: 'string' },
    'target-sl': { type: 'string' },
    'target-seconds': { type: 'string' },
    'max-occupancy': { type: 'string' },
    shrinkage: { type: 'string' },
    'patience-seconds': { type: 'string' },
    agents: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const calls = number(values, 'calls', (n) => n >= 0, 'a number of calls, 0 or more');
    const intervalSeconds = number(values, 'interval-minutes', (n) => n > 0, 'minutes above 0') * 60;
    const ahtSeconds = number(values, 'aht-seconds', (n) => n > 0, 'seconds above 0');
    const targetServiceLevel = number(values, 'target-sl', (n) => n > 0 && n < 1, 'a fraction between 0 and 1, e.g. 0.8', 0.8);
    const targetSeconds = number(values, 'target-seconds', (n) => n >= 0, 'seconds, 0 or more', 20);
    const maxOccupancy = number(values, 'max-occupancy', (n) => n > 0 && n <= 1, 'a fraction above 0, at most 1', 1);
    const shrinkage = number(values, 'shrinkage', (n) => n >= 0 && n < 1, 'a fraction from 0 to below 1, e.g. 0.3', 0);
    const patience = values['patience-seconds'] === undefined ? null : number(values, 'patience-seconds', (n) => n > 0, 'seconds above 0');
    const fixed = values.agents === undefined ? null : number(values, 'agents', (n) => Number.isInteger(n) && n >= 0 && n <= MAX_AGENTS, `a whole number of agents from 0 to ${MAX_AGENTS}`);
    const input = { calls, intervalSeconds, ahtSeconds, targetServiceLevel, targetSeconds, maxOccupancy };

    const result =
      patience === null
        ? fixed === null
          ? agentsNeeded(input)
          : evaluateErlangC({ ...input, agents: fixed })
        : fixed === null
          ? agentsNeededErlangA({ ...input, patienceSeconds: patience })
          : evaluateErlangA({ ...input, agents: fixed, patienceSeconds: patience });
    const output = {
      model: patience === null ? 'erlang-c' : 'erlang-a',
      trafficErlangs: round(result.trafficErlangs),
      agents: result.agents,
      staffed: withShrinkage(result.agents, shrinkage),
      serviceLevel: round(result.serviceLevel),
      occupancy: round(result.occupancy),
      waitProbability: round(result.waitProbability),
      asaSeconds: Number.isFinite(result.asaSeconds) ? round(result.asaSeconds) : null,
      ...('abandonProbability' in result ? { abandonProbability: round((result as { abandonProbability: number }).abandonProbability) } : {}),
      meetsTarget: result.serviceLevel >= targetServiceLevel && result.occupancy <= maxOccupancy,
    };
    if (values.json) io.out(JSON.stringify(output));
    else {
      const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
      io.out(
        [
          `${output.model === 'erlang-c' ? 'Erlang C' : 'Erlang A'}: ${output.trafficErlangs} Erlangs of traffic`,
          `agents on the phones   ${output.agents}${fixed === null ? '' : output.meetsTarget ? ' (meets the target)' : ' (MISSES the target)'}`,
          `agents to schedule     ${output.staffed} (shrinkage ${pct(shrinkage)})`,
          `service level          ${pct(output.serviceLevel)} answered within ${targetSeconds} s`,
          `occupancy              ${pct(output.occupancy)}`,
          `callers who wait       ${pct(output.waitProbability)}, ASA ${output.asaSeconds ?? '∞'} s`,
          ...('abandonProbability' in output ? [`callers who hang up    ${pct(output.abandonProbability as number)}`] : []),
        ].join('\n'),
      );
    }
    return 0;
  },
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;
