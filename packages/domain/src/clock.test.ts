import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isTimeZone, isoWeekday, localDate, localDateRange, localParts, localYear, startOfLocalDay, utcOffsetMinutes, zonedTime } from './clock.js';

const NY = 'America/New_York';
const IST = 'Europe/Istanbul';

describe('the city clock', () => {
  it('accepts IANA zone names and refuses offsets, abbreviations and unknown names', () => {
    expect(isTimeZone(IST)).toBe(true);
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['+03:00', 'UTC+3', 'EST', 'Europe/Atlantis', '', 'Europe/Istanbul; drop table x']) expect(isTimeZone(bad), bad).toBe(false);
  });

  it('follows New York across the spring-forward change (9 March 2025) and Istanbul at UTC+3 all year', () => {
    expect(utcOffsetMinutes(new Date('2025-03-09T06:59:00Z'), NY)).toBe(-300);
    expect(utcOffsetMinutes(new Date('2025-03-09T07:00:00Z'), NY)).toBe(-240);
    expect(utcOffsetMinutes(new Date('2025-11-02T06:00:00Z'), NY)).toBe(-300);
    expect(utcOffsetMinutes(new Date('2025-03-09T07:00:00Z'), IST)).toBe(180);
    expect(utcOffsetMinutes(new Date('2025-07-01T00:00:00Z'), IST)).toBe(180);
  });

  it('reads local dates: the same instant is a different day in each city', () => {
    const at = new Date('2025-03-09T22:30:00Z');
    expect(localDate(at, IST)).toBe('2025-03-10');
    expect(localDate(at, NY)).toBe('2025-03-09');
    expect(localParts(at, NY)).toEqual({ year: 2025, month: 3, day: 9, hour: 18, minute: 30, second: 0 });
    expect(localYear(new Date('2025-12-31T22:00:00Z'), IST)).toBe(2026);
    expect(localYear(new Date('2025-12-31T22:00:00Z'), NY)).toBe(2025);
  });

  it('turns wall-clock times into instants, with the offset of that day', () => {
    expect(zonedTime('2025-03-08', '09:00', NY).toISOString()).toBe('2025-03-08T14:00:00.000Z');
    expect(zonedTime('2025-03-10', '09:00', NY).toISOString()).toBe('2025-03-10T13:00:00.000Z');
    expect(zonedTime('2025-03-10', '09:00', IST).toISOString()).toBe('2025-03-10T06:00:00.000Z');
    // 02:30 does not exist on 9 March in New York: read with the winter offset, 03:30 EDT.
    expect(zonedTime('2025-03-09', '02:30', NY).toISOString()).toBe('2025-03-09T07:30:00.000Z');
    // 01:30 happens twice on 2 November: the first one (EDT).
    expect(zonedTime('2025-11-02', '01:30', NY).toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('gives local days their real length: 23 hours on the spring-forward day, 25 on the fall-back day', () => {
    const spring = localDateRange('2025-03-09', '2025-03-09', NY);
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3600_000);
    const fall = localDateRange('2025-11-02', '2025-11-02', NY);
    expect(fall.to.getTime() - fall.from.getTime()).toBe(25 * 3600_000);
    expect(startOfLocalDay(new Date('2025-03-09T20:00:00Z'), NY).toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(startOfLocalDay(new Date('2025-03-09T22:00:00Z'), IST).toISOString()).toBe('2025-03-09T21:00:00.000Z');
  });

  it('does date arithmetic without a zone', () => {
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-01');
    expect(isoWeekday('2025-03-09')).toBe(7);
    expect(isoWeekday('2025-03-10')).toBe(1);
    expect(() => addDays('2025-3-1', 1)).toThrow(RangeError);
  });
});
