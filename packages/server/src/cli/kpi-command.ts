import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { KPI_BUCKETS, contactKpis, type KpiBucket } from '../app/contacts/kpis.js';
import { UsageError, type Command } from './command.js';

const day = (value: unknown, name: string): Date => {
  const text = String(value ?? '');
  const date = new Date(`${text}T00:00:00+03:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime())) throw new UsageError(`--${name} ${text || '(missing)'}: expected a date as YYYY-MM-DD`);
  return date;
};

export const kpiCommand: Command = {
  words: ['kpi'],
  summary: 'contact-centre KPIs for a period (offered, answered, answer rate, service level, ASA, AHT)',
  usage: `Usage: cozum kpi --from DATE --to DATE [--by year|month|day|hour|30min|15min] [--queue NAME]
                 [--threshold-seconds T] [--short-abandon-seconds S] [--json]

KPIs of the recorded contacts offered from --from up to and including --to (dates in
Türkiye's time), per period: offered, answered, abandoned (short abandons, waiting less than
S seconds, apart), answer rate, service level (answered within T seconds / offered, and / answered),
ASA, AHT and the longest wait. Defaults: --by month, T = 20, S = 5.`,
  options: { from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, queue: { type: 'string' }, 'threshold-seconds': { type: 'string' }, 'short-abandon-seconds': { type: 'string' }, json: { type: 'boolean' } },
  async run(values) {
    const from = day(values.from, 'from');
    const to = new Date(day(values.to, 'to').getTime() + 86400_000);
    if (to <= from) throw new UsageError('--to must not be before --from');
    const by = (values.by ?? 'month') as KpiBucket;
    if (!KPI_BUCKETS.includes(by)) throw new UsageError(`--by ${String(values.by)}: expected one of ${KPI_BUCKETS.join(', ')}`);
    const num = (name: string, fallback: number) => {
      const raw = values[name];
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} ${String(raw)}: expected seconds, 0 or more`);
      return n;
    };
    const database = await openAndMigrate(loadConfig());
    try {
      const rows = await contactKpis(database.db, { from, to, by, queue: values.queue as string | undefined, thresholdSeconds: num('threshold-seconds', 20), shortAbandonSeconds: num('short-abandon-seconds', 5) });
      if (values.json) console.log(JSON.stringify({ from: values.from, to: values.to, by, rows }));
      else {
        const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);
        const sec = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} s`);
        console.log(['period            offered  answered  abandoned (short)  answer rate  service level  ASA      AHT'].concat(
          rows.map((r) => `${r.period.padEnd(17)} ${String(r.offered).padStart(8)} ${String(r.answered).padStart(9)} ${String(r.abandoned).padStart(10)} (${r.shortAbandoned})`.padEnd(56) + `${pct(r.answerRate).padStart(11)}  ${pct(r.serviceLevel).padStart(13)}  ${sec(r.asaSeconds).padEnd(8)} ${sec(r.ahtSeconds)}`),
        ).join('\n'));
        if (!rows.length) console.log('no contacts in that period');
      }
    } finally {
      await database.close();
    }
    return 0;
  },
};
