/** The city's working calendar: its time zone and working hours (settings) and the public-holiday table. */
import { eq } from 'drizzle-orm';
import { DEFAULT_WORKING_HOURS, type WorkCalendar } from '@cozum/domain';
import type { Executor } from '../db/client.js';
import { holidays, settings } from '../db/schema.js';
import { cityTimeZone } from '../db/city-time-zone.js';

export const WORKING_HOURS_KEY = 'calendar.working_hours';

export async function loadCalendar(ex: Executor): Promise<WorkCalendar> {
  const [hours] = await ex.select({ value: settings.value }).from(settings).where(eq(settings.key, WORKING_HOURS_KEY));
  const rows = await ex.select({ date: holidays.date, halfDay: holidays.halfDay }).from(holidays);
  return {
    timeZone: await cityTimeZone(ex),
    workingHours: (hours?.value as WorkCalendar['workingHours'] | undefined) ?? DEFAULT_WORKING_HOURS,
    holidays: rows.map((h) => ({ date: String(h.date), halfDay: h.halfDay })),
  };
}
