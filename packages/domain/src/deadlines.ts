/** Due dates: the category SLA and the legal clocks. */
import { DomainError, fieldError } from './errors.js';
import { addBusinessHours, addCalendarDays, addCalendarHours, addWorkingDays, businessSecondsBetween, type WorkCalendar } from './working-time.js';

export type LegalClock = 'petition_3071' | 'information_4982' | 'kvkk_13';

/** Law 4982 art. 11: 15 working days, once extendable to 30 with a reason sent to the applicant. */
export const INFORMATION_DAYS = 15;
export const INFORMATION_EXTENDED_DAYS = 30;
/** Law 3071 art. 7: a reasoned answer within 30 days. */
export const PETITION_DAYS = 30;
/** KVKK art. 13: the controller answers within 30 days. */
export const KVKK_DAYS = 30;

export interface DueDateInput {
  receivedAt: Date;
  category: { slaHours: number; slaBusinessHours: boolean };
  legalClock: LegalClock | null;
  extended?: boolean;
  /** Time on hold, in the SLA's own unit: working seconds for a business-hours SLA. */
  pausedSeconds?: number;
  calendar: WorkCalendar;
}

export function computeDueDates(input: DueDateInput): { dueAt: Date; legalDueAt: Date | null } {
  const hours = input.category.slaHours + (input.pausedSeconds ?? 0) / 3600;
  const dueAt = input.category.slaBusinessHours ? addBusinessHours(input.receivedAt, hours, input.calendar) : addCalendarHours(input.receivedAt, hours);
  let legalDueAt: Date | null = null;
  if (input.legalClock === 'information_4982') legalDueAt = addWorkingDays(input.receivedAt, input.extended ? INFORMATION_EXTENDED_DAYS : INFORMATION_DAYS, input.calendar);
  else if (input.legalClock === 'petition_3071') legalDueAt = addCalendarDays(input.receivedAt, PETITION_DAYS, input.calendar);
  else if (input.legalClock === 'kvkk_13') legalDueAt = addCalendarDays(input.receivedAt, KVKK_DAYS, input.calendar);
  return { dueAt, legalDueAt };
}

/** How much SLA time a hold used: working seconds for business-hours SLAs, else wall-clock. */
export function pausedSlaSeconds(from: Date, to: Date, slaBusinessHours: boolean, calendar: WorkCalendar): number {
  return slaBusinessHours ? businessSecondsBetween(from, to, calendar) : Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

/** The one extension Law 4982 allows: information requests only, once, with a reason. */
export function checkInformationExtension(current: { legalClock: string | null; extendedAt: Date | null }, reason: string | undefined): void {
  if (current.legalClock !== 'information_4982') throw new DomainError('request.not_extendable', 'only information requests (Law 4982) can have their answer period extended');
  if (current.extendedAt) {
    const on = current.extendedAt.toISOString().slice(0, 10);
    throw new DomainError('request.already_extended', `the answer period was already extended on ${on}; Law 4982 art. 11 allows one extension`, undefined, { date: on });
  }
  if (!reason?.trim()) throw fieldError('reason', 'required', 'is required: Law 4982 art. 11 requires the reason to be sent to the applicant', { reason: 'extend' });
}
