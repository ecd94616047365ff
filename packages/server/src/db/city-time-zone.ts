/**
 * The database's copy of the city's time zone (CITY_TIME_ZONE), for what runs inside it: the
 * report rollup triggers key requests by local month with it (migration 0016), and the working
 * calendar is loaded with it. Start-up writes it; a change re-counts the month rollups.
 */
import { sql } from 'drizzle-orm';
import { DomainError, isTimeZone, TIME_ZONE_EXPECTED } from '@cozum/domain';
import type { Executor } from './client.js';
import { ADVISORY_LOCKS } from './advisory-locks.js';

export const CITY_TIME_ZONE_KEY = 'city.time_zone';

/** Writes the zone unless it is already the one set; returns whether it changed (and the month rollups were re-counted). */
export async function setCityTimeZone(db: Executor, zone: string): Promise<boolean> {
  if (!isTimeZone(zone)) throw new DomainError('validation_failed', `CITY_TIME_ZONE: '${zone}' is not ${TIME_ZONE_EXPECTED}`, [{ field: 'CITY_TIME_ZONE', message: 'not an IANA time zone' }]);
  return db.transaction(async (tx) => {
    // Several processes may start at once: one writes, the others then find it written.
    await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.cityTimeZone})`);
    try {
      await tx.execute(sql`select now() at time zone ${zone}`);
    } catch (error) {
      throw new DomainError('validation_failed', `CITY_TIME_ZONE: the database does not know the time zone '${zone}' (${(error as Error).message})`, [{ field: 'CITY_TIME_ZONE', message: 'unknown to the database' }]);
    }
    const { rows } = (await tx.execute(sql`select value #>> '{}' as zone from settings where key = ${CITY_TIME_ZONE_KEY}`)) as unknown as { rows: { zone: string }[] };
    if (rows[0]?.zone === zone) return false;
    await tx.execute(sql`insert into settings (key, value) values (${CITY_TIME_ZONE_KEY}, to_jsonb(${zone}::text)) on conflict (key) do update set value = excluded.value, updated_at = now()`);
    await tx.execute(sql`select report_months_rebuild()`);
    return true;
  });
}

/** The zone start-up wrote (the calendar's zone). */
export async function cityTimeZone(ex: Executor): Promise<string> {
  const { rows } = (await ex.execute(sql`select city_time_zone() as zone`)) as unknown as { rows: { zone: string }[] };
  return rows[0]!.zone;
}
