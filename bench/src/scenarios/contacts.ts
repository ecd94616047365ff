/**
 * kpi.year: the KPIs of a year of 1.1 million calls by month, on PostgreSQL, against a bare
 * count(*) GROUP BY month over the same rows. Budget: at most 300 ms.
 */
import { DEFAULT_TIME_ZONE, startOfLocalDate } from '@cozum/domain';
import { sql } from 'drizzle-orm';
import { contactKpis } from '../../../packages/server/src/app/contacts/kpis.js';
import { openBenchDatabase, rawQuery } from '../lib/engines.js';
import { median } from '../lib/timing.js';
import type { Scenario } from './types.js';

const CALLS = 1_100_000;

export const kpiYear: Scenario = {
  name: 'kpi.year',
  summary: `KPIs by month over a year of ${CALLS.toLocaleString('en-US')} calls vs a bare GROUP BY (budget: ≤ 300 ms)`,
  engines: ['postgresql'],
  async run(engine) {
    const bench = await openBenchDatabase(engine);
    try {
      // A year of calls, spread over the year with answered, abandoned and timed-out ones.
      // The city's year: local midnight of 1 January to the next.
      const from = startOfLocalDate('2025-01-01', DEFAULT_TIME_ZONE);
      const to = startOfLocalDate('2026-01-01', DEFAULT_TIME_ZONE);
      const start = from.toISOString();
      await bench.database.db.execute(sql`
        insert into contacts (channel, external_id, queue, offered_at, answered_at, ended_at, wait_seconds, talk_seconds, exit_reason)
        select 'phone', 'b' || g, 'alo153',
               ${start}::timestamptz + (g * (365.0 * 86400 / ${CALLS})) * interval '1 second',
               case when g % 16 <> 0 then ${start}::timestamptz + (g * (365.0 * 86400 / ${CALLS}) + g % 40) * interval '1 second' end,
               ${start}::timestamptz + (g * (365.0 * 86400 / ${CALLS}) + 200) * interval '1 second',
               g % 40, case when g % 16 <> 0 then 60 + g % 300 end,
               case when g % 16 = 0 then 'abandoned' when g % 97 = 0 then 'timeout' else 'answered' end
        from generate_series(0, ${CALLS} - 1) g`);
      await bench.database.db.execute(sql`vacuum analyze contacts`);
      const query = rawQuery(bench);
      const reference = await median(() => query(`select date_trunc('month', offered_at at time zone $3), count(*) from contacts where offered_at >= $1 and offered_at < $2 group by 1`, [from.toISOString(), to.toISOString(), DEFAULT_TIME_ZONE]), 5);
      const value = await median(() => contactKpis(bench.database.db, { from, to, by: 'month', timeZone: DEFAULT_TIME_ZONE }), 5);
      const rows = await contactKpis(bench.database.db, { from, to, by: 'month', timeZone: DEFAULT_TIME_ZONE });
      if (rows.length !== 12 || rows.reduce((n, r) => n + r.offered, 0) !== CALLS) throw new Error(`kpi.year computed ${rows.length} months and ${rows.reduce((n, r) => n + r.offered, 0)} calls`);
      return [{ scenario: 'kpi.year', engine, value, unit: 'ms', reference, ratio: value / reference, budget: '≤ 300 ms', ok: value <= 300 }];
    } finally {
      await bench.dispose();
    }
  },
};
