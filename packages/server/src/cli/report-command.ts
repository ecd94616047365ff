import fs from 'node:fs';
import { loadConfig } from '../config.js';
import { openAndMigrate } from '../main.js';
import { buildReport, monthPeriod, yearPeriod } from '../app/reports/report.js';
import { reportText } from '../app/reports/format-text.js';
import { reportPdf } from '../app/reports/format-pdf.js';
import { reportXlsx } from '../app/reports/format-xlsx.js';
import { findDistrict, findUnit, reportScope } from '../app/reports/report-scope.js';
import { localDate } from '@cozum/domain';
import { UsageError, type Command } from './command.js';

const FORMATS = ['text', 'json', 'pdf', 'xlsx'] as const;
const LANGUAGES = ['tr', 'en'] as const;

const year = (value: unknown, name: string): number => {
  const text = String(value);
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--${name} ${text}: expected a year such as 2025`);
  return Number(text);
};

export const reportCommand: Command = {
  words: ['report'],
  summary: 'the annual or period report: calls, instant vs routed, topics, districts, units, channels, satisfaction',
  usage: `Usage: cozum report --year YYYY [--compare YYYY] [--format text|json|pdf|xlsx] [--lang tr|en] [--out FILE]
       cozum report --from YYYY-MM --to YYYY-MM [--compare-from YYYY-MM --compare-to YYYY-MM] …
       … [--district NAME|CODE] [--unit CODE]

The solution centre's figures for a year (or whole months in the city's time zone), computed by SQL over
the recorded calls, requests and satisfaction answers:
  calls offered, answered, answer rate, instant information and requests routed to units, and
  with --compare the same for another period and the change; topics (groups and leaves),
  districts and neighbourhoods, units (requests, resolved, median and 90th-percentile
  resolution time, share solved on time), channels, satisfaction, months.

--district narrows the requests to a district (its name, "İlkadım" or "ilkadim", or its NVİ
code) and --unit to a unit (its code, e.g. fen-isleri); the calls stay the city's.

Formats: text (default, to the terminal), json (offered, answered, answerRate, instant,
routed, requests, …, and "compare" with the same keys), pdf (a document with charts) and xlsx
(a sheet per section). pdf and xlsx need --out FILE; text and json go to --out or stdout.

--lang tr|en: the language of the pdf and xlsx (default tr, Turkish): the title (with the
period, district and unit), headings, figures' names, channel and month names, and number and
date formats (1.059.219; %93,96; 29.10.2026). text and json stay in English for operators,
with names as recorded.`,
  options: { year: { type: 'string' }, compare: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'compare-from': { type: 'string' }, 'compare-to': { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, district: { type: 'string' }, unit: { type: 'string' }, out: { type: 'string' } },
  async run(values, _positionals, io) {
    const format = (values.format ?? 'text') as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format ${String(values.format)}: expected one of ${FORMATS.join(', ')}`);
    if ((format === 'pdf' || format === 'xlsx') && !values.out) throw new UsageError(`--format ${format} writes a file: give --out FILE`);
    const lang = (values.lang ?? 'tr') as (typeof LANGUAGES)[number];
    if (!LANGUAGES.includes(lang)) throw new UsageError(`--lang ${String(values.lang)}: expected tr or en`);
    if (values.lang !== undefined && format !== 'pdf' && format !== 'xlsx') throw new UsageError(`--lang is for --format pdf and xlsx; ${format} is in English`);
    const config = loadConfig(io.env);
    let period;
    if (values.year !== undefined) {
      if (values.from || values.to) throw new UsageError('give either --year or --from and --to, not both');
      period = yearPeriod(year(values.year, 'year'), config.cityTimeZone);
    } else if (values.from && values.to) period = monthPeriod(String(values.from), String(values.to), config.cityTimeZone);
    else throw new UsageError(`give --year YYYY, or --from YYYY-MM and --to YYYY-MM\n\n${this.usage}`);
    let compare;
    if (values.compare !== undefined) compare = yearPeriod(year(values.compare, 'compare'), config.cityTimeZone);
    else if (values['compare-from'] || values['compare-to']) {
      if (!values['compare-from'] || !values['compare-to']) throw new UsageError('give both --compare-from and --compare-to');
      compare = monthPeriod(String(values['compare-from']), String(values['compare-to']), config.cityTimeZone);
    }
    const database = await openAndMigrate(config);
    try {
      const db = database.db;
      const filter = {
        ...period,
        districtId: values.district === undefined ? undefined : await findDistrict(db, String(values.district), '--district'),
        unitId: values.unit === undefined ? undefined : await findUnit(db, String(values.unit), '--unit'),
      };
      const report = await buildReport(db, filter, compare);
      const options = { lang, scope: await reportScope(db, filter, { districtId: '--district', unitId: '--unit', categoryId: '--category' }), preparedOn: localDate(new Date(), config.cityTimeZone) };
      const out = values.out ? String(values.out) : undefined;
      const body = format === 'json' ? JSON.stringify(report, null, 2) : format === 'text' ? reportText(report, options.scope) : format === 'pdf' ? await reportPdf(report, options) : await reportXlsx(report, options);
      if (out) {
        fs.writeFileSync(out, body);
        io.err(`wrote ${out} (${format}, ${report.period.label})`);
      } else io.out(String(body)); // text or JSON: the binary formats need --out
    } finally {
      await database.close();
    }
    return 0;
  },
};
