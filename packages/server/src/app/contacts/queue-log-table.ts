/**
 * queue_log as many centres keep it: a database table (Asterisk realtime: time, callid,
 * queuename, agent, event, data1..data5), or a CSV export of one, sometimes with the data as
 * one `|`-joined column and hold and talk times in their own columns. Each row becomes the
 * flat-file line the importer reads (epoch|callid|queue|agent|EVENT|data…), so both forms are
 * imported, reported and folded the same way. The column mapping is detected from the header
 * (names below) or given; docs/contact-centre.md lists it.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { fieldError, placeQueueLogTimes } from '@cozum/domain';
import { parseLocalTime } from '../reports/import-311.js';

export const TABLE_FIELDS = ['time', 'callid', 'queue', 'agent', 'event', 'data', 'data1', 'data2', 'data3', 'data4', 'data5', 'holdtime', 'talktime'] as const;
export type TableField = (typeof TABLE_FIELDS)[number];
export type ColumnMap = Partial<Record<TableField, string>>;

/** Header names each field is found under, first match wins (compared without case). */
const NAMES: Record<TableField, string[]> = {
  time: ['time', 'timestamp', 'datetime', 'eventtime', 'event_time', 'created'],
  callid: ['callid', 'call_id', 'uniqueid'],
  queue: ['queuename', 'queue', 'queue_name'],
  agent: ['agent', 'membername', 'member', 'interface'],
  event: ['event', 'verb'],
  data: ['data'],
  data1: ['data1'],
  data2: ['data2'],
  data3: ['data3'],
  data4: ['data4'],
  data5: ['data5'],
  holdtime: ['holdtime', 'hold_time', 'waittime', 'wait_time'],
  talktime: ['talktime', 'talk_time', 'calltime', 'call_time'],
};

/** `time=eventdate,callid=uniqueid,…` as given on the command line. */
export function parseColumnOption(text: string): ColumnMap {
  const map: ColumnMap = {};
  for (const pair of text.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!field || !column || !(TABLE_FIELDS as readonly string[]).includes(field)) throw fieldError('columns', 'pattern', `'${pair.slice(0, 60)}' is not FIELD=COLUMN with FIELD one of ${TABLE_FIELDS.join(', ')}`, { allowed: TABLE_FIELDS.join(', ') });
    map[field as TableField] = column;
  }
  return map;
}

/** The mapping for a header: what is given, the rest detected by name; time, event and either data or data1 are needed. */
export function detectColumns(header: string[], given: ColumnMap = {}): ColumnMap {
  const byName = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
  const map: ColumnMap = {};
  for (const field of TABLE_FIELDS) {
    const wanted = given[field];
    if (wanted !== undefined) {
      const found = byName.get(wanted.toLowerCase());
      if (!found) throw fieldError('columns', 'not_found', `${field}=${wanted}: no column '${wanted}' among ${header.join(', ')}`, { id: wanted });
      map[field] = found;
      continue;
    }
    const found = NAMES[field].map((n) => byName.get(n)).find((h) => h !== undefined);
    if (found !== undefined) map[field] = found;
  }
  // One data column or data1..data5, not both: a given data column wins.
  if (map.data !== undefined && given.data !== undefined) for (const d of ['data1', 'data2', 'data3', 'data4', 'data5'] as const) if (given[d] === undefined) delete map[d];
  if (map.data !== undefined && map.data1 !== undefined && given.data === undefined) delete map.data;
  for (const field of ['time', 'event'] as const) if (!map[field]) throw fieldError('columns', 'required', `no ${field} column among ${header.join(', ')}; name it with --columns ${field}=COLUMN`, { name: field });
  return map;
}

/**
 * A row's time: epoch seconds, a time with an offset (`…+03`, `…Z`), or the table's local time
 * (`2012-07-03 15:27:23.896208`) read in `timeZone` (Asterisk writes local time unless
 * queue_log_realtime_use_gmt is set: then give UTC).
 */
export function rowTime(text: string, timeZone: string): number | null {
  const s = text.trim();
  if (/^\d{9,11}(\.\d+)?$/.test(s)) return Number(s);
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(s);
  if (!m) return null;
  const ms = m[3] ? m[3].slice(0, 4).padEnd(4, '0') : '';
  if (m[4]) {
    const offset = m[4] === 'Z' ? 'Z' : m[4].length === 3 ? `${m[4]}:00` : m[4].includes(':') ? m[4] : `${m[4].slice(0, 3)}:${m[4].slice(3)}`;
    const t = Date.parse(`${m[1]}T${m[2]}${ms}${offset}`);
    return Number.isNaN(t) ? null : t / 1000;
  }
  const local = parseLocalTime(`${m[1]} ${m[2]}${ms}`, timeZone);
  return local instanceof Date ? local.getTime() / 1000 : null;
}

/** A flat-file line, a row that cannot be one (reported with its number), or the header row. */
export type TableLine = string | { problem: string } | { header: true };

/** One table row as a flat-file line, or the problem that keeps it out. */
export function rowToLine(row: Record<string, unknown>, map: ColumnMap, timeZone: string): TableLine {
  const get = (field: TableField): string => {
    const column = map[field];
    const value = column === undefined ? undefined : row[column];
    return value === undefined || value === null ? '' : String(value);
  };
  const time = rowTime(get('time'), timeZone);
  if (time === null) return { problem: `the time '${get('time').slice(0, 40)}' is neither epoch seconds nor a date and time such as 2012-07-03 15:27:23` };
  const event = get('event').trim();
  let data = map.data1 !== undefined ? (['data1', 'data2', 'data3', 'data4', 'data5'] as const).map(get) : get('data').split('|');
  data = placeQueueLogTimes(event, data, { hold: get('holdtime').trim(), talk: get('talktime').trim() });
  const fields = [get('callid') || 'NONE', get('queue') || 'NONE', get('agent') || 'NONE', event];
  const split = fields.findIndex((f) => f.includes('|'));
  if (split !== -1 || data.some((d) => d.includes('|'))) return { problem: `a '|' inside the ${split === -1 ? 'data' : ['callid', 'queue', 'agent', 'event'][split]} column, which the queue_log format cannot hold` };
  while (data.length && data[data.length - 1] === '') data.pop();
  const epoch = Number.isInteger(time) ? String(time) : time.toFixed(3);
  return [epoch, ...fields, ...data].join('|');
}

/**
 * A CSV table export with a header row, as lines (an empty row stays an empty line). A quoted
 * field may span lines; `counts.lines` ends as the lines of the file the parser went through.
 */
export async function* csvTableLines(file: string, options: { columns?: ColumnMap; timeZone: string }, counts: { lines: number }): AsyncGenerator<TableLine> {
  let header: string[] | null = null;
  let map: ColumnMap = {};
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    counts.lines = info.lines;
    if (!header) {
      header = record;
      map = detectColumns(record, options.columns);
      yield { header: true };
      continue;
    }
    if (record.length === 1 && record[0] === '') yield '';
    else yield rowToLine(Object.fromEntries(header.map((h, i) => [h, record[i]])), map, options.timeZone);
  }
}
