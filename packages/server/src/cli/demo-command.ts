import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { seedReference } from '../seed/places-holidays-taxonomy.js';
import { writeDemoYear, writeRecentDemo } from '../demo/demo-year.js';
import { DEMO_CITIES, resolveTargets } from '../demo/targets.js';
import { UsageError, type Command } from './command.js';
import { progressDisplay } from './progress.js';

const whole = (values: Record<string, unknown>, name: string): number | undefined => {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(String(raw)) || !Number.isSafeInteger(n)) throw new UsageError(`--${name} ${String(raw)}: expected a whole number, 0 or more`);
  return n;
};

const n = (x: number) => x.toLocaleString('en-US');

export const demoCommand: Command = {
  words: ['demo'],
  summary: "write a simulated year of calls, requests and satisfaction answers (the city's published totals)",
  usage: `Usage: cozum demo [--city samsun] [--year 2025] [--scale 1.0] [--seed N]
                  [--offered N] [--answered N] [--instant N] [--routed N]
       cozum demo --recent [--city samsun] [--scale 1.0] [--seed N]

Writes a realistic simulated year into the database: calls arriving by hour, weekday and
season (shaped on a real call-centre log), answered or abandoned, answered ones either given
information on the spot or recorded as requests in a category, district and neighbourhood
(weighted by population), routed to the category's unit and resolved in that unit's time,
some rated by the citizen. Its totals are exactly:

  default (Samsun 2025)   1,059,219 answered at 93.96 % (offered = answered / 0.9396),
                          612,695 instant information, 446,524 routed
  --year 2024             780,000 answered at 92 %, split the same way
  --scale S               all of these times S (e.g. 0.01 for a quick demo)
  --offered/--answered/--instant/--routed N
                          set a total; the others follow (instant + routed = answered)

--recent writes the last two years up to now instead, from the same day two years ago (what
npm start writes at --scale 0.01): each year's part carries its share of that year's totals
(a year without published figures takes the nearest one's), calls stop an hour before now,
and the latest requests are still new, assigned or in progress, some past their deadline.

The same --seed (default 153) writes the same rows. It writes only where no contacts are yet
(the year, or the last two years), in one transaction, and loads the reference data first
when it is missing. The rows carry no personal data. Cities: ${DEMO_CITIES.join(', ')}.`,
  options: {
    city: { type: 'string' },
    year: { type: 'string' },
    recent: { type: 'boolean' },
    scale: { type: 'string' },
    seed: { type: 'string' },
    offered: { type: 'string' },
    answered: { type: 'string' },
    instant: { type: 'string' },
    routed: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const recent = values.recent === true;
    if (recent) {
      const given = ['year', 'offered', 'answered', 'instant', 'routed'].filter((name) => values[name] !== undefined);
      if (given.length) throw new UsageError(`--recent writes the last two years at --scale of the published totals; it takes no --${given.join(', --')}`);
    }
    const year = whole(values, 'year') ?? 2025;
    const scale = values.scale === undefined ? 1 : Number(values.scale);
    if (!(scale > 0)) throw new UsageError(`--scale ${String(values.scale)}: expected a number above 0, such as 0.01 or 1`);
    const seed = whole(values, 'seed') ?? 153;
    const city = String(values.city ?? 'samsun');
    // Checked before the database opens, so a wrong city or total is a usage error.
    const targets = resolveTargets({ city, year, scale, offered: whole(values, 'offered'), answered: whole(values, 'answered'), instant: whole(values, 'instant'), routed: whole(values, 'routed') });
    const database = await openAndMigrate(loadConfig(io.env));
    const progress = progressDisplay(recent ? 'demo, last two years' : `demo ${year}`, 'calls');
    try {
      await database.db.transaction((tx) => seedReference(tx));
      const onProgress = (done: number, total: number) => progress.update(done, total);
      if (recent) {
        const summary = await writeRecentDemo(database, { scale, now: new Date(), city, seed, onProgress });
        progress.stop();
        io.out(`${summary.from} to now: ${n(summary.offered)} calls offered, ${n(summary.answered)} answered, ${n(summary.instant)} instant information, ${n(summary.routed)} routed as requests, ${n(summary.ratings)} satisfaction answers; ${summary.seconds.toFixed(1)} s`);
      } else {
        const summary = await writeDemoYear(database, { year, seed, targets, onProgress });
        progress.stop();
        io.out(`${year}: ${n(summary.offered)} calls offered, ${n(summary.answered)} answered (${((summary.answered / Math.max(1, summary.offered)) * 100).toFixed(2)} %), ${n(summary.instant)} instant information, ${n(summary.routed)} routed as requests, ${n(summary.ratings)} satisfaction answers; ${summary.seconds.toFixed(1)} s`);
      }
    } finally {
      progress.stop();
      await database.close();
    }
    return 0;
  },
};
