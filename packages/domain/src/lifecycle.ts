/**
 * The request state machine (DESIGN.md section 7). Pure: the caller passes the current state
 * and the time; the answer is the next state, the event to record and whether the citizen
 * sees it, or a DomainError saying what is allowed instead.
 */
import { DomainError, fieldError } from './errors.js';

export const REQUEST_STATUSES = ['new', 'assigned', 'in_progress', 'on_hold', 'resolved', 'closed', 'referred', 'duplicate', 'rejected', 'reopened'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ['assign', 'start', 'hold', 'resume', 'transfer', 'refer', 'mark_duplicate', 'reject', 'resolve', 'close', 'reopen', 'comment', 'reply', 'extend'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * Named sets of statuses, each with one meaning; code and SQL use these instead of a list of
 * its own (an `in (…)` with literals drifts when a status is added).
 */
/** Open: the city still owes the citizen an answer. Includes on_hold: a held request is not done. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['new', 'assigned', 'in_progress', 'on_hold', 'reopened'];
/** Active: open and being worked, so the SLA clock runs; on_hold pauses it (the legal clock does not stop). */
export const ACTIVE_STATUSES: readonly RequestStatus[] = ['new', 'assigned', 'in_progress', 'reopened'];
/** Closed: no longer open, whatever the outcome (the complement of OPEN_STATUSES; Open311's "closed"). */
export const CLOSED_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((status) => !OPEN_STATUSES.includes(status));
/** Solved: the citizen's problem was fixed, so they may rate it and be asked for their satisfaction. */
export const SOLVED_STATUSES: readonly RequestStatus[] = ['resolved', 'closed'];
/** Finished: closed and past the wait for the citizen's confirmation; the retention period counts from here. */
export const TERMINAL_STATUSES: readonly RequestStatus[] = ['closed', 'referred', 'duplicate', 'rejected'];

export const isOpenStatus = (status: string): boolean => (OPEN_STATUSES as readonly string[]).includes(status);
export const isActiveStatus = (status: string): boolean => (ACTIVE_STATUSES as readonly string[]).includes(status);
export const isSolvedStatus = (status: string): boolean => (SOLVED_STATUSES as readonly string[]).includes(status);

// A request on its first handling: once resolved and reopened it can no longer be referred, rejected or marked a duplicate.
const FIRST_HANDLING: readonly RequestStatus[] = ['new', 'assigned', 'in_progress'];

/** From which statuses each action may be taken. */
export const TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus | 'same' | 'held_from'; visibility: 'public' | 'internal' }> = {
  assign: { from: ACTIVE_STATUSES, to: 'assigned', visibility: 'public' },
  start: { from: ['assigned', 'reopened'], to: 'in_progress', visibility: 'public' },
  hold: { from: ['assigned', 'in_progress'], to: 'on_hold', visibility: 'public' },
  resume: { from: ['on_hold'], to: 'held_from', visibility: 'public' },
  // Between units: the citizen's request is still being handled, so this stays internal.
  transfer: { from: OPEN_STATUSES, to: 'new', visibility: 'internal' },
  // Law 3071 art. 5: a petition outside our remit goes to the competent institution and the citizen is told.
  refer: { from: FIRST_HANDLING, to: 'referred', visibility: 'public' },
  mark_duplicate: { from: FIRST_HANDLING, to: 'duplicate', visibility: 'public' },
  reject: { from: FIRST_HANDLING, to: 'rejected', visibility: 'public' },
  // A unit may solve a request on the spot, without assigning it first.
  resolve: { from: ACTIVE_STATUSES, to: 'resolved', visibility: 'public' },
  close: { from: ['resolved'], to: 'closed', visibility: 'public' },
  reopen: { from: ['resolved', 'closed'], to: 'reopened', visibility: 'public' },
  comment: { from: REQUEST_STATUSES, to: 'same', visibility: 'internal' },
  reply: { from: ['new', 'assigned', 'in_progress', 'on_hold', 'resolved', 'reopened'], to: 'same', visibility: 'public' },
  // Law 4982 art. 11: the one extension of an information request's answer period.
  extend: { from: OPEN_STATUSES, to: 'same', visibility: 'public' },
};

export function allowedActions(status: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export interface CurrentRequest {
  status: RequestStatus;
  /** For on_hold: the status it was held from. */
  heldFrom?: RequestStatus;
  resolvedAt?: Date;
}

export interface ActionRequest {
  type: RequestAction;
  reason?: string;
  text?: string;
  institution?: string;
  /** For mark_duplicate: that a parent was named (the server checks it exists). */
  parentGiven?: boolean;
}

export interface Decision {
  toStatus: RequestStatus;
  eventType: RequestAction;
  visibility: 'public' | 'internal';
  pausesClock: boolean;
  resumesClock: boolean;
}

const NEEDS_REASON: Partial<Record<RequestAction, string>> = {
  hold: 'to put a request on hold (what are we waiting for?)',
  transfer: 'to transfer a request to another unit',
  refer: 'to refer a request to another institution',
  mark_duplicate: 'to merge a request into another',
  reject: 'to reject a request',
  reopen: 'to reopen a request (what is still wrong?)',
  extend: 'to extend the answer period (Law 4982 art. 11: the reason is sent to the applicant)',
};

const blank = (text: string | undefined) => !text || !text.trim();

export function decideTransition(current: CurrentRequest, action: ActionRequest, context: { now: Date; reopenWindowDays: number }): Decision {
  const rule = TRANSITIONS[action.type];
  if (!rule.from.includes(current.status)) {
    const allowed = allowedActions(current.status);
    throw new DomainError(
      'request.invalid_transition',
      `a request that is '${current.status}' cannot take the action '${action.type}'; allowed from ${current.status}: ${allowed.length ? allowed.join(', ') : 'none'}`,
      [{ field: 'action', code: 'one_of', params: { allowed: allowed.join(', ') }, message: `not allowed from '${current.status}'` }],
      { status: current.status, action: action.type },
    );
  }
  const needs = NEEDS_REASON[action.type];
  if (needs && blank(action.reason)) throw fieldError('reason', 'required', `is required ${needs}`, { reason: action.type });
  if (action.type === 'refer' && blank(action.institution)) throw fieldError('institution', 'required', 'is required: name the institution the request goes to');
  if (action.type === 'mark_duplicate' && !action.parentGiven) throw fieldError('parentTrackingNo', 'required', 'is required: the tracking number of the request this one duplicates');
  if ((action.type === 'resolve' || action.type === 'reply' || action.type === 'comment') && blank(action.text)) {
    throw fieldError('text', 'required', action.type === 'resolve' ? 'is required: tell the citizen how the request was solved' : 'is required', { reason: action.type });
  }
  if (action.type === 'reopen') {
    const resolvedAt = current.resolvedAt;
    const deadline = resolvedAt ? resolvedAt.getTime() + context.reopenWindowDays * 86400_000 : 0;
    if (!resolvedAt || context.now.getTime() > deadline) {
      throw new DomainError(
        'request.reopen_window_passed',
        `a request can be reopened within ${context.reopenWindowDays} days of its resolution; this one was resolved ${resolvedAt ? resolvedAt.toISOString().slice(0, 10) : 'at an unknown time'}. Record a new request instead`,
        undefined,
        { days: context.reopenWindowDays },
      );
    }
  }
  const toStatus: RequestStatus = rule.to === 'same' ? current.status : rule.to === 'held_from' ? (current.heldFrom ?? 'in_progress') : rule.to;
  return { toStatus, eventType: action.type, visibility: rule.visibility, pausesClock: action.type === 'hold', resumesClock: action.type === 'resume' };
}

/** Who sees an event or attachment of a request: the citizen too (public), or staff only (internal). */
export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
