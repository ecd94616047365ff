/**
 * Working-time arithmetic in the city's time zone (an IANA name, so a city with daylight saving
 * time keeps its office hours across the change). Days are local dates; their hours become
 * instants through the clock module.
 */
import { addDays, isoWeekday, localDate, startOfLocalDate, zonedTime } from './clock.js';

export interface Interval {
  start: string; // 'HH:MM'
  end: string;
}

export interface WorkCalendar {
  /** IANA time zone of the city (CITY_TIME_ZONE). */
  timeZone: string;
  /** ISO weekday (1 = Monday … 7 = Sunday) → working intervals. Missing days are closed. */
  workingHours: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Interval[]>>;
  /** Public holidays; a half day (arife, 28 Ekim) works the morning only, until 12:00. */
  holidays: { date: string; halfDay: boolean }[];
}

const DAY = [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }];
/** A municipality's office hours: Monday to Friday, 08:30–12:00 and 13:00–17:30 (8 hours). */
export const DEFAULT_WORKING_HOURS: WorkCalendar['workingHours'] = { 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY };
export const HALF_DAY_ENDS = '12:00';

/** Local midnight (as an instant) of the local day containing `at`. */
const localDayStart = (at: Date, cal: WorkCalendar): Date => startOfLocalDate(localDate(at, cal.timeZone), cal.timeZone);

const holidayCache = new WeakMap<WorkCalendar, Map<string, boolean>>();
function holidayOf(cal: WorkCalendar, date: string): boolean | undefined {
  let map = holidayCache.get(cal);
  if (!map) {
    map = new Map(cal.holidays.map((h) => [h.date, h.halfDay]));
    holidayCache.set(cal, map);
  }
  return map.get(date);
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Working intervals of a local day, as absolute [start, end) instants (office hours are wall-clock hours, whatever the offset that day). */
export function workingIntervals(dayStart: Date, cal: WorkCalendar): [Date, Date][] {
  const date = localDate(dayStart, cal.timeZone);
  const halfDay = holidayOf(cal, date);
  if (halfDay === false) return [];
  const limit = halfDay ? minutesOf(HALF_DAY_ENDS) : 24 * 60;
  return (cal.workingHours[isoWeekday(date)] ?? [])
    .map((i) => [minutesOf(i.start), Math.min(minutesOf(i.end), limit)] as const)
    .filter(([s, e]) => e > s)
    .map(([s, e]) => [zonedTime(date, hhmm(s), cal.timeZone), e === 24 * 60 ? startOfLocalDate(addDays(date, 1), cal.timeZone) : zonedTime(date, hhmm(e), cal.timeZone)]);
}

export const isWorkingDay = (at: Date, cal: WorkCalendar): boolean => workingIntervals(localDayStart(at, cal), cal).length > 0;

export function isWorkingTime(at: Date, cal: WorkCalendar): boolean {
  return workingIntervals(localDayStart(at, cal), cal).some(([s, e]) => at >= s && at < e);
}

const nextDay = (dayStart: Date, cal: WorkCalendar) => startOfLocalDate(addDays(localDate(dayStart, cal.timeZone), 1), cal.timeZone);
const MAX_DAYS = 3660;

/** The instant `hours` of working time after `start`. */
export function addBusinessHours(start: Date, hours: number, cal: WorkCalendar): Date {
  let remaining = hours * 3600_000;
  let day = localDayStart(start, cal);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day, cal)) {
    for (const [s, e] of workingIntervals(day, cal)) {
      const from = s > start ? s : start;
      if (from >= e) continue;
      const available = e.getTime() - from.getTime();
      if (remaining <= available) return new Date(from.getTime() + remaining);
      remaining -= available;
    }
  }
  throw new RangeError(`the calendar has no working time within ${MAX_DAYS} days of ${start.toISOString()}`);
}

export const addCalendarHours = (start: Date, hours: number): Date => new Date(start.getTime() + hours * 3600_000);

/** Working time between two instants, in seconds (for time spent on hold). */
export function businessSecondsBetween(a: Date, b: Date, cal: WorkCalendar): number {
  if (b <= a) return 0;
  let total = 0;
  let day = localDayStart(a, cal);
  for (let i = 0; i < MAX_DAYS && day < b; i++, day = nextDay(day, cal)) {
    for (const [s, e] of workingIntervals(day, cal)) {
      const from = Math.max(s.getTime(), a.getTime());
      const to = Math.min(e.getTime(), b.getTime());
      if (to > from) total += to - from;
    }
  }
  return Math.round(total / 1000);
}

function endOfWorkingDay(dayStart: Date, cal: WorkCalendar): Date {
  const intervals = workingIntervals(dayStart, cal);
  return intervals[intervals.length - 1]![1];
}

/**
 * Law 4982 art. 11 counts "iş günü": the day of receipt does not count; the answer is due by
 * the end of office hours of the Nth working day after it.
 */
export function addWorkingDays(start: Date, days: number, cal: WorkCalendar): Date {
  let day = localDayStart(start, cal);
  let counted = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    day = nextDay(day, cal);
    if (workingIntervals(day, cal).length > 0 && ++counted === days) return endOfWorkingDay(day, cal);
  }
  throw new RangeError(`no ${days} working days within ${MAX_DAYS} days`);
}

/**
 * Days counted on the calendar (Law 3071 petitions, KVKK art. 13): the day of receipt does not
 * count, the period ends at the close of office hours on its last day, and a last day that is
 * a weekend or a holiday moves to the next working day (the general rule for time limits in
 * Turkish procedure, HMK art. 93 and 104).
 */
export function addCalendarDays(start: Date, days: number, cal: WorkCalendar): Date {
  let day = localDayStart(start, cal);
  for (let i = 0; i < days; i++) day = nextDay(day, cal);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day, cal)) {
    if (workingIntervals(day, cal).length > 0) return endOfWorkingDay(day, cal);
  }
  throw new RangeError(`no working day within ${MAX_DAYS} days`);
}
