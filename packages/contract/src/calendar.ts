/** The working calendar: public holidays and office hours, from which working-time deadlines are counted. */
import { Type, type Static } from 'typebox';
import { Items } from './common.js';

/** A public holiday; a half day (arife, 28 Ekim) ends work at 12:00. */
export const Holiday = Type.Object(
  { date: Type.String({ format: 'date' }), nameTr: Type.String({ minLength: 1, maxLength: 200 }), nameEn: Type.String({ minLength: 1, maxLength: 200 }), halfDay: Type.Boolean() },
  { additionalProperties: false },
);
export type Holiday = Static<typeof Holiday>;
export const Holidays = Items(Holiday);

export const HolidaysQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });
export type HolidaysQuery = Static<typeof HolidaysQuery>;
export const HolidayParams = Type.Object({ date: Type.String({ format: 'date' }) }, { additionalProperties: false });
export type HolidayParams = Static<typeof HolidayParams>;

export const Interval = Type.Object({ start: Type.String({ pattern: '^\\d\\d:\\d\\d$' }), end: Type.String({ pattern: '^\\d\\d:\\d\\d$' }) }, { additionalProperties: false });
export type Interval = Static<typeof Interval>;
/** Office hours per ISO weekday, "1" = Monday … "7" = Sunday. */
export const WorkingHours = Type.Record(Type.String({ pattern: '^[1-7]$' }), Type.Array(Interval, { maxItems: 6 }));
export type WorkingHours = Static<typeof WorkingHours>;
