import { describe, expect, it } from 'vitest';
import { computeDueDates, checkInformationExtension, pausedSlaSeconds } from './deadlines.js';
import { DEFAULT_WORKING_HOURS, addBusinessHours, addCalendarDays, addWorkingDays, businessSecondsBetween, isWorkingTime, type WorkCalendar } from './working-time.js';

// Turkey's 2025 holidays that the examples cross (Law 2429; Diyanet dates).
const calendar: WorkCalendar = {
  timeZone: 'Europe/Istanbul',
  workingHours: DEFAULT_WORKING_HOURS,
  holidays: [
    { date: '2025-03-29', halfDay: true },
    { date: '2025-03-30', halfDay: false },
    { date: '2025-03-31', halfDay: false },
    { date: '2025-04-01', halfDay: false },
    { date: '2025-04-23', halfDay: false },
    { date: '2025-05-01', halfDay: false },
    { date: '2025-05-19', halfDay: false },
    { date: '2025-10-28', halfDay: true },
    { date: '2025-10-29', halfDay: false },
  ],
};
/** Local time in Türkiye (UTC+3) → instant. */
const tr = (local: string) => new Date(`${local}+03:00`);

describe('business hours (Mon–Fri 08:30–12:00, 13:00–17:30)', () => {
  it.each([
    // Fri 16:30 + 4 h: 1 h on Friday, 3 h on Monday from 08:30.
    ['2025-03-07T16:30', 4, '2025-03-10T11:30'],
    // Across lunch: 11:00–12:00, then 13:00–14:00.
    ['2025-03-10T11:00', 2, '2025-03-10T14:00'],
    // Before opening: the clock starts at 08:30.
    ['2025-03-10T07:00', 1, '2025-03-10T09:30'],
    // Fri 17:00 + 1 h: half an hour on Friday; the weekend and Ramazan Bayramı (31 Mar, 1 Apr) are closed; Wed 08:30 + 30 min.
    ['2025-03-28T17:00', 1, '2025-04-02T09:00'],
    // 28 Ekim is a half day (until 12:00), 29 Ekim a holiday: 2 h on Tuesday, 1 h on Thursday.
    ['2025-10-28T10:00', 3, '2025-10-30T09:30'],
    // Exactly 8 h = one working day.
    ['2025-03-10T08:30', 8, '2025-03-10T17:30'],
  ])('%s + %i working hours = %s', (start, hours, expected) => {
    expect(addBusinessHours(tr(start), hours, calendar)).toEqual(tr(expected));
  });

  it('knows working time from lunch, evenings, weekends and holidays', () => {
    expect(isWorkingTime(tr('2025-03-10T10:00'), calendar)).toBe(true);
    expect(isWorkingTime(tr('2025-03-10T12:30'), calendar)).toBe(false);
    expect(isWorkingTime(tr('2025-03-10T18:00'), calendar)).toBe(false);
    expect(isWorkingTime(tr('2025-03-08T10:00'), calendar)).toBe(false);
    expect(isWorkingTime(tr('2025-04-01T10:00'), calendar)).toBe(false);
    expect(isWorkingTime(tr('2025-10-28T14:00'), calendar)).toBe(false);
  });

  it('measures working time between two instants', () => {
    // Fri 16:00 → Mon 10:00: 1.5 h on Friday + 1.5 h on Monday.
    expect(businessSecondsBetween(tr('2025-03-07T16:00'), tr('2025-03-10T10:00'), calendar)).toBe(3 * 3600);
  });
});

describe('Law 4982: 15 working days, extendable once to 30', () => {
  // Received Mon 17 Mar. Working days from Tue 18: 18,19,20,21 (4), 24–28 (9), [29 Mar–1 Apr closed],
  // 2,3,4 Apr (12), 7,8,9 Apr (15) → Wed 9 Apr, end of office hours.
  it('counts working days after the day of receipt, skipping the bayram', () => {
    expect(addWorkingDays(tr('2025-03-17T10:00'), 15, calendar)).toEqual(tr('2025-04-09T17:30'));
  });

  // Continuing: 10,11 (17), 14–18 (22), 21,22 (24), [23 Apr], 24,25 (26), 28,29,30 (29), [1 May], Fri 2 May (30).
  it('extends to the 30th working day', () => {
    expect(addWorkingDays(tr('2025-03-17T10:00'), 30, calendar)).toEqual(tr('2025-05-02T17:30'));
    const due = computeDueDates({ receivedAt: tr('2025-03-17T10:00'), category: { slaHours: 120, slaBusinessHours: true }, legalClock: 'information_4982', extended: true, calendar });
    expect(due.legalDueAt).toEqual(tr('2025-05-02T17:30'));
  });

  it('allows the extension once, with a reason, for information requests only', () => {
    expect(() => checkInformationExtension({ legalClock: 'information_4982', extendedAt: null }, 'Belgeler arşivden istendi')).not.toThrow();
    expect(() => checkInformationExtension({ legalClock: 'information_4982', extendedAt: new Date('2025-04-01') }, 'Yine')).toThrow('allows one extension');
    expect(() => checkInformationExtension({ legalClock: 'information_4982', extendedAt: null }, ' ')).toThrow('reason: is required');
    expect(() => checkInformationExtension({ legalClock: 'petition_3071', extendedAt: null }, 'x')).toThrow('only information requests');
  });
});

describe('30-day clocks (Law 3071 petitions, KVKK art. 13)', () => {
  it.each([
    // Wed 5 Mar + 30 days = Fri 4 Apr, a working day.
    ['2025-03-05T11:00', '2025-04-04T17:30'],
    // Fri 4 Apr + 30 = Sun 4 May → Mon 5 May.
    ['2025-04-04T15:00', '2025-05-05T17:30'],
    // Tue 1 Apr + 30 = Thu 1 May, a holiday → Fri 2 May.
    ['2025-04-01T09:00', '2025-05-02T17:30'],
    // 01:30 on 6 Mar in Türkiye is still 5 Mar in UTC: the local day counts. 6 Mar + 30 = Sat 5 Apr → Mon 7 Apr.
    ['2025-03-06T01:30', '2025-04-07T17:30'],
  ])('received %s → due %s', (received, due) => {
    expect(addCalendarDays(tr(received), 30, calendar)).toEqual(tr(due));
    expect(computeDueDates({ receivedAt: tr(received), category: { slaHours: 24, slaBusinessHours: false }, legalClock: 'petition_3071', calendar }).legalDueAt).toEqual(tr(due));
    expect(computeDueDates({ receivedAt: tr(received), category: { slaHours: 24, slaBusinessHours: false }, legalClock: 'kvkk_13', calendar }).legalDueAt).toEqual(tr(due));
  });
});

describe('category SLA and time on hold', () => {
  it('runs a calendar-hours SLA around the clock', () => {
    expect(computeDueDates({ receivedAt: tr('2025-03-08T22:00'), category: { slaHours: 4, slaBusinessHours: false }, legalClock: null, calendar })).toEqual({ dueAt: tr('2025-03-09T02:00'), legalDueAt: null });
  });

  it('moves the due date by the working time spent on hold', () => {
    // 16 working hours from Mon 08:30 = Tue 17:30. On hold Tue 10:00–Wed 10:00 = 8 working hours.
    const paused = pausedSlaSeconds(tr('2025-03-11T10:00'), tr('2025-03-12T10:00'), true, calendar);
    expect(paused).toBe(8 * 3600);
    expect(computeDueDates({ receivedAt: tr('2025-03-10T08:30'), category: { slaHours: 16, slaBusinessHours: true }, legalClock: null, pausedSeconds: paused, calendar }).dueAt).toEqual(tr('2025-03-12T17:30'));
  });
});

describe('a city with daylight saving time (New York, clocks forward on Sunday 9 March 2025)', () => {
  const newYork: WorkCalendar = { timeZone: 'America/New_York', workingHours: DEFAULT_WORKING_HOURS, holidays: [] };
  it('keeps office hours on the wall clock across the change', () => {
    // Fri 16:00 EST + 4 working hours: 1.5 h on Friday, 2.5 h on Monday from 08:30 EDT → 11:00 EDT (15:00 UTC, not 16:00).
    expect(addBusinessHours(new Date('2025-03-07T21:00:00Z'), 4, newYork).toISOString()).toBe('2025-03-10T15:00:00.000Z');
    expect(isWorkingTime(new Date('2025-03-10T12:45:00Z'), newYork)).toBe(true); // 08:45 EDT
    expect(isWorkingTime(new Date('2025-03-07T13:15:00Z'), newYork)).toBe(false); // 08:15 EST
    // Friday 17:30 EST to Monday 08:30 EDT holds no working time.
    expect(businessSecondsBetween(new Date('2025-03-07T22:30:00Z'), new Date('2025-03-10T12:30:00Z'), newYork)).toBe(0);
  });

  it('ends day-counted periods at the close of office hours in local time', () => {
    // Received Thu 6 March; 3 calendar days → Sun 9 March, not a working day → Mon 10 March 17:30 EDT.
    expect(addCalendarDays(new Date('2025-03-06T15:00:00Z'), 3, newYork).toISOString()).toBe('2025-03-10T21:30:00.000Z');
    expect(addWorkingDays(new Date('2025-03-06T15:00:00Z'), 2, newYork).toISOString()).toBe('2025-03-10T21:30:00.000Z');
  });
});
