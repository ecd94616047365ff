/**
 * The city's clock in the browser: dates are shown in the city's time zone (CITY_TIME_ZONE on
 * the server, sent with the signed-in user), not in the zone of the computer the page runs on.
 * The zone arithmetic is the domain's (packages/domain/src/clock.ts).
 */
import { addDays, DEFAULT_TIME_ZONE, localDate, localYear } from '@cozum/domain';

let zone = DEFAULT_TIME_ZONE;

/** Set from the server's answer to sign-in and /auth/me. */
export function setCityTimeZone(timeZone: string): void {
  zone = timeZone;
}

export const cityTimeZone = (): string => zone;

/** Today in the city as YYYY-MM-DD, and `days` before or after it. */
export const cityDate = (offsetDays = 0, now = Date.now()): string => addDays(localDate(new Date(now), zone), offsetDays);

/** The year in the city now. */
export const cityYear = (now = Date.now()): number => localYear(new Date(now), zone);
