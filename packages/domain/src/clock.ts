/**
 * The city's clock: local dates and wall-clock times in an IANA time zone (Europe/Istanbul,
 * America/New_York, …), daylight saving time included. This is the one place that knows about
 * time zones; everything else asks it. Pure: the zone is always an argument (the server reads
 * it once, from CITY_TIME_ZONE), and the zone rules come from the platform's Intl data.
 *
 * A local date is 'YYYY-MM-DD'; a local time 'HH:MM' or 'HH:MM:SS'.
 */

/** The reference city's zone (Samsun, Türkiye), the default of CITY_TIME_ZONE. */
export const DEFAULT_TIME_ZONE = 'Europe/Istanbul';

const DAY_MS = 86_400_000;
const IANA_NAME = /^(UTC|[A-Za-z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+){1,2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** How an error names what a time zone must be, wherever one is given. */
export const TIME_ZONE_EXPECTED = `an IANA time zone name such as ${DEFAULT_TIME_ZONE} or America/New_York`;

/**
 * Whether `name` is an IANA zone name the platform knows ('Europe/Istanbul', 'UTC'). Offsets
 * ('+03:00') and abbreviations ('EST') are refused: they cannot follow daylight saving time, and
 * PostgreSQL reads POSIX offsets with the opposite sign.
 */
export function isTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `zone` at `at` (to the second). */
export function localParts(at: Date, zone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateText = (p: { year: number; month: number; day: number }) => `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;

/** The zone's offset from UTC at `at`, in minutes (Istanbul +180; New York -300 in winter, -240 in summer). */
export function utcOffsetMinutes(at: Date, zone: string): number {
  const p = localParts(at, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The local date at `at`, 'YYYY-MM-DD'. */
export const localDate = (at: Date, zone: string): string => dateText(localParts(at, zone));

/** The local year at `at` (a tracking number's year, the transparency page's year). */
export const localYear = (at: Date, zone: string): number => localParts(at, zone).year;

function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = m ? new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3]))) : null;
  if (t) t.setUTCFullYear(Number(m![1]));
  if (!t || t.getUTCDate() !== Number(m![3]) || t.getUTCMonth() !== Number(m![2]) - 1) throw new RangeError(`'${date}' is not a date as YYYY-MM-DD`);
  return [Number(m![1]), Number(m![2]), Number(m![3])];
}

/** Whether `text` is a real calendar date as YYYY-MM-DD (not 2025-02-30). */
export function isLocalDate(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch {
    return false;
  }
}

/** `date` plus `days` calendar days (no zone: a date has no time). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return dateText({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** The first day of the month `months` after the month holding `date`. */
export function addMonths(date: string, months: number): string {
  const [y, m] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1 + months, 1));
  return dateText({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: 1 });
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const [y, m, d] = parseDate(date);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return (w === 0 ? 7 : w) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/**
 * The instant the clocks in `zone` read `time` on `date`. A time skipped when the clocks go
 * forward is read with the offset before the change (02:30 on New York's spring-forward day is
 * 03:30 EDT); a time that happens twice when they go back is its first occurrence.
 */
export function zonedTime(date: string, time: string, zone: string): Date {
  const [y, mo, d] = parseDate(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!t) throw new RangeError(`'${time}' is not a time as HH:MM or HH:MM:SS`);
  const wall = Date.UTC(y, mo - 1, d, Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  // Offsets a day either side hold the one before and the one after any change near `wall`.
  const before = utcOffsetMinutes(new Date(wall - DAY_MS), zone);
  const after = utcOffsetMinutes(new Date(wall + DAY_MS), zone);
  const candidates = [...new Set([wall - before * 60_000, wall - after * 60_000])].sort((a, b) => a - b);
  const reads = (instant: number) => {
    const p = localParts(new Date(instant), zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) === wall;
  };
  const exact = candidates.find(reads);
  return new Date(exact ?? wall - before * 60_000);
}

/** Local midnight starting `date` (or the first instant of that day, where midnight is skipped). */
export const startOfLocalDate = (date: string, zone: string): Date => zonedTime(date, '00:00', zone);

/** Local midnight starting the local day that holds `at`. */
export const startOfLocalDay = (at: Date, zone: string): Date => startOfLocalDate(localDate(at, zone), zone);

/** Local dates [from, to] as the instants [start of from, start of the day after to). */
export const localDateRange = (from: string, to: string, zone: string): { from: Date; to: Date } => ({
  from: startOfLocalDate(from, zone),
  to: startOfLocalDate(addDays(to, 1), zone),
});

/** A date and time for people, in the city's zone ('tr-TR' by default: 09.04.2025 17:30:00). */
export const formatLocalDateTime = (at: Date, zone: string, locale = 'tr-TR'): string => at.toLocaleString(locale, { timeZone: zone });

/** A date for people, in the city's zone ('tr-TR' by default: 09.04.2025). */
export const formatLocalDate = (at: Date, zone: string, locale = 'tr-TR'): string => at.toLocaleDateString(locale, { timeZone: zone });
