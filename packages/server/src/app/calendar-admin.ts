/** Admins keep the city's calendar: public holidays and office hours. */
import { asc, eq, sql } from 'drizzle-orm';
import { DEFAULT_WORKING_HOURS, fieldError, notFound, type WorkCalendar } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { holidays, settings } from '../db/schema.js';
import { recordAudit, type Actor } from './audit.js';
import { WORKING_HOURS_KEY } from './calendar.js';

export const listHolidays = (ex: Executor, year?: number) =>
  ex
    .select({ date: holidays.date, nameTr: holidays.nameTr, nameEn: holidays.nameEn, halfDay: holidays.halfDay })
    .from(holidays)
    .where(year ? sql`extract(year from ${holidays.date}) = ${year}` : undefined)
    .orderBy(asc(holidays.date));

export async function saveHoliday(ex: Executor, actor: Actor, input: { date: string; nameTr: string; nameEn: string; halfDay: boolean }) {
  if (Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) throw fieldError('date', 'not_date', `'${input.date}' is not a date (YYYY-MM-DD)`, { value: input.date });
  await ex.insert(holidays).values(input).onConflictDoUpdate({ target: holidays.date, set: { nameTr: input.nameTr, nameEn: input.nameEn, halfDay: input.halfDay } });
  await recordAudit(ex, { actor, action: 'holiday.save', subjectType: 'holiday', subjectId: input.date, data: input });
}

export async function deleteHoliday(ex: Executor, actor: Actor, date: string) {
  const removed = await ex.delete(holidays).where(eq(holidays.date, date)).returning({ date: holidays.date });
  if (!removed.length) throw notFound('holiday', date);
  await recordAudit(ex, { actor, action: 'holiday.delete', subjectType: 'holiday', subjectId: date });
}

export async function getWorkingHours(ex: Executor): Promise<WorkCalendar['workingHours']> {
  const [row] = await ex.select({ value: settings.value }).from(settings).where(eq(settings.key, WORKING_HOURS_KEY));
  return (row?.value as WorkCalendar['workingHours'] | undefined) ?? DEFAULT_WORKING_HOURS;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export async function saveWorkingHours(ex: Executor, actor: Actor, hours: Record<string, { start: string; end: string }[]>) {
  for (const [day, intervals] of Object.entries(hours)) {
    if (!['1', '2', '3', '4', '5', '6', '7'].includes(day)) throw fieldError(`workingHours.${day}`, 'not_weekday', 'days are 1 (Monday) to 7 (Sunday)', { value: day });
    let previousEnd = '00:00';
    for (const [i, interval] of intervals.entries()) {
      if (!HHMM.test(interval.start) || !HHMM.test(interval.end)) throw fieldError(`workingHours.${day}.${i}`, 'not_time', 'times are HH:MM, e.g. 08:30', { day });
      if (interval.end <= interval.start) throw fieldError(`workingHours.${day}.${i}`, 'before_start', `ends (${interval.end}) before it starts (${interval.start})`, { day, start: interval.start, end: interval.end });
      if (interval.start < previousEnd) throw fieldError(`workingHours.${day}.${i}`, 'overlaps', 'overlaps the interval before it; list intervals in order', { day, start: interval.start, end: interval.end });
      previousEnd = interval.end;
    }
  }
  if (!Object.values(hours).some((d) => d.length)) throw fieldError('workingHours', 'no_working_hours', 'must have at least one working interval in the week');
  await ex.insert(settings).values({ key: WORKING_HOURS_KEY, value: hours }).onConflictDoUpdate({ target: settings.key, set: { value: hours, updatedAt: new Date() } });
  await recordAudit(ex, { actor, action: 'settings.working_hours', subjectType: 'settings', subjectId: WORKING_HOURS_KEY, data: hours });
}
