import { KPI_BUCKETS, KPI_GROUPS, localDateRange, type KpiBucket, type KpiGroup } from '@cozum/domain';
import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { contactKpis } from '../app/contacts/kpis.js';
import { kpiLimits } from '../app/contacts/kpi-rollup.js';
import { UsageError, type Command } from './command.js';

const day = (value: unknown, name: string): string => {
  const text = String(value ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(new Date(text).getTime())) throw new UsageError(`--${name} ${text || '(missing)'}: expected a date as YYYY-MM-DD`);
  return text;
};

export const kpiCommand: Command = {
  words: ['kpi'],
  summary: 'contact-centre KPIs for a period (offered, answered, answer rate, service level, ASA, AHT)',
  usage: `Usage: cozum kpi --from DATE --to DATE [--by year|month|day|hour|30min|15min]
                 [--group queue|agent] [--queue NAME] [--agent NAME]
                 [--threshold-seconds T] [--short-abandon-seconds S] [--json]

KPIs of the recorded contacts offered from --from up to and including --to (dates in
the city's time zone, CITY_TIME_ZONE), per period, overall or per queue or agent (--group): offered, answered,
abandoned (short abandons, waiting less than S seconds, apart), answer rate, service level
(answered within T seconds / offered, and / answered), ASA, AHT, the longest wait, and
occupancy: handling time (talk + hold + wrap-up) / staffed time (logged in, not paused) from
the agents' state history (not per queue). --queue and --agent keep one queue or agent.
Defaults: --by month; T and S from the settings (20 and 5 unless changed with
PUT /api/v1/kpis/limits).`,
  options: { from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, group: { type: 'string' }, queue: { type: 'string' }, agent: { type: 'string' }, 'threshold-seconds': { type: 'string' }, 'short-abandon-seconds': { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const config = loadConfig(io.env);
    const { from, to } = localDateRange(day(values.from, 'from'), day(values.to, 'to'), config.cityTimeZone);
    if (to <= from) throw new UsageError('--to must not be before --from');
    const by = (values.by ?? 'month') as KpiBucket;
    if (!KPI_BUCKETS.includes(by)) throw new UsageError(`--by ${String(values.by)}: expected one of ${KPI_BUCKETS.join(', ')}`);
    const group = values.group as KpiGroup | undefined;
    if (group !== undefined && !KPI_GROUPS.includes(group)) throw new UsageError(`--group ${String(values.group)}: expected one of ${KPI_GROUPS.join(', ')}`);
    const num = (name: string, fallback: number) => {
      const raw = values[name];
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} ${String(raw)}: expected seconds, 0 or more`);
      return n;
    };
    const database = await openAndMigrate(config);
    try {
      const limits = await kpiLimits(database.db);
      const thresholdSeconds = num('threshold-seconds', limits.thresholdSeconds);
      const shortAbandonSeconds = num('short-abandon-seconds', limits.shortAbandonSeconds);
      const rows = await contactKpis(database.db, { from, to, by, timeZone: config.cityTimeZone, group, queue: values.queue as string | undefined, agent: values.agent as string | undefined, thresholdSeconds, shortAbandonSeconds });
      if (values.json) io.out(JSON.stringify({ from: values.from, to: values.to, by, group: group ?? null, thresholdSeconds, shortAbandonSeconds, rows }));
      else {
        const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);
        const sec = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} s`);
        const who = (r: (typeof rows)[number]) => (group ? `${(group === 'queue' ? r.queue : r.agent) ?? '(none)'}`.slice(0, 15).padEnd(16) : '');
        io.out([`period            ${group ? group.padEnd(16) : ''}offered  answered  abandoned (short)  answer rate  service level  ASA      AHT       occupancy`].concat(
          rows.map((r) => `${r.period.padEnd(17)} ${who(r)}${String(r.offered).padStart(8)} ${String(r.answered).padStart(9)} ${String(r.abandoned).padStart(10)} (${r.shortAbandoned})`.padEnd(56 + (group ? 16 : 0)) + `${pct(r.answerRate).padStart(11)}  ${pct(r.serviceLevel).padStart(13)}  ${sec(r.asaSeconds).padEnd(8)} ${sec(r.ahtSeconds).padEnd(9)} ${pct(r.occupancy)}`),
        ).join('\n'));
        if (!rows.length) io.out('no contacts in that period');
      }
    } finally {
      await database.close();
    }
    return 0;
  },
};
