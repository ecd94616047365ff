import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { ACTIVE_STATUSES, CLOSED_STATUSES, OPEN_STATUSES, REQUEST_ACTIONS, REQUEST_STATUSES, SOLVED_STATUSES, TERMINAL_STATUSES, allowedActions, isActiveStatus, isOpenStatus, isSolvedStatus, decideTransition, type ActionRequest, type RequestAction, type RequestStatus } from './lifecycle.js';

const now = new Date('2025-06-10T09:00:00Z');
const full = (type: RequestAction): ActionRequest => ({ type, reason: 'gerekçe', text: 'metin', institution: 'Karayolları', parentGiven: true });

// The whole table, written out: state → action → resulting state (absent = forbidden).
const EXPECTED: Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>> = {
  new: { assign: 'assigned', transfer: 'new', refer: 'referred', mark_duplicate: 'duplicate', reject: 'rejected', resolve: 'resolved', comment: 'new', reply: 'new', extend: 'new' },
  assigned: { assign: 'assigned', start: 'in_progress', hold: 'on_hold', transfer: 'new', refer: 'referred', mark_duplicate: 'duplicate', reject: 'rejected', resolve: 'resolved', comment: 'assigned', reply: 'assigned', extend: 'assigned' },
  in_progress: { assign: 'assigned', hold: 'on_hold', transfer: 'new', refer: 'referred', mark_duplicate: 'duplicate', reject: 'rejected', resolve: 'resolved', comment: 'in_progress', reply: 'in_progress', extend: 'in_progress' },
  on_hold: { resume: 'in_progress', transfer: 'new', comment: 'on_hold', reply: 'on_hold', extend: 'on_hold' },
  resolved: { close: 'closed', reopen: 'reopened', comment: 'resolved', reply: 'resolved' },
  closed: { reopen: 'reopened', comment: 'closed' },
  referred: { comment: 'referred' },
  duplicate: { comment: 'duplicate' },
  rejected: { comment: 'rejected' },
  reopened: { assign: 'assigned', start: 'in_progress', transfer: 'new', resolve: 'resolved', comment: 'reopened', reply: 'reopened', extend: 'reopened' },
};

describe('request lifecycle: every state × every action', () => {
  for (const status of REQUEST_STATUSES) {
    for (const action of REQUEST_ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${status} → ${action} ${expected ? `→ ${expected}` : 'is refused'}`, () => {
        const run = () => decideTransition({ status, resolvedAt: new Date('2025-06-05T09:00:00Z') }, full(action), { now, reopenWindowDays: 15 });
        if (expected) expect(run().toStatus).toBe(expected);
        else {
          expect(run).toThrow(DomainError);
          expect(run).toThrow(`a request that is '${status}' cannot take the action '${action}'`);
        }
      });
    }
  }

  it('lists the allowed actions the UI offers', () => {
    expect(allowedActions('on_hold')).toEqual(['resume', 'transfer', 'comment', 'reply', 'extend']);
  });
});

describe('rules beyond the table', () => {
  it('resumes to the state the request was held from', () => {
    expect(decideTransition({ status: 'on_hold', heldFrom: 'assigned' }, { type: 'resume' }, { now, reopenWindowDays: 15 }).toStatus).toBe('assigned');
  });

  it('pauses the clock on hold and keeps transfers internal', () => {
    expect(decideTransition({ status: 'in_progress' }, { type: 'hold', reason: 'Vatandaştan belge bekleniyor' }, { now, reopenWindowDays: 15 })).toMatchObject({ pausesClock: true, visibility: 'public' });
    expect(decideTransition({ status: 'new' }, { type: 'transfer', reason: 'Yanlış birim' }, { now, reopenWindowDays: 15 }).visibility).toBe('internal');
  });

  it.each([
    [{ type: 'hold' }, 'reason'],
    [{ type: 'reject' }, 'reason'],
    [{ type: 'refer', reason: 'Karayolları yolu' }, 'institution'],
    [{ type: 'mark_duplicate', reason: 'Aynı arıza' }, 'parentTrackingNo'],
    [{ type: 'resolve' }, 'text'],
  ] as [ActionRequest, string][])('%j needs %s', (action, field) => {
    expect(() => decideTransition({ status: 'in_progress' }, action, { now, reopenWindowDays: 15 })).toThrow(`${field}: is required`);
  });

  it('reopens only within the window after resolution', () => {
    const resolvedAt = new Date('2025-05-20T09:00:00Z');
    expect(decideTransition({ status: 'resolved', resolvedAt }, { type: 'reopen', reason: 'Su yine kesildi' }, { now: new Date('2025-06-04T08:00:00Z'), reopenWindowDays: 15 }).toStatus).toBe('reopened');
    expect(() => decideTransition({ status: 'resolved', resolvedAt }, { type: 'reopen', reason: 'Su yine kesildi' }, { now: new Date('2025-06-04T10:00:00Z'), reopenWindowDays: 15 })).toThrow('within 15 days');
  });
});

describe('status sets', () => {
  it('splits every status into open or closed, once', () => {
    for (const status of REQUEST_STATUSES) expect([OPEN_STATUSES.includes(status), CLOSED_STATUSES.includes(status)].filter(Boolean), status).toHaveLength(1);
    expect(OPEN_STATUSES.filter(isOpenStatus)).toEqual(OPEN_STATUSES);
    expect(CLOSED_STATUSES.filter(isOpenStatus)).toEqual([]);
  });

  it('counts a held request as open but not active: the SLA clock stops, the request is not done', () => {
    expect(OPEN_STATUSES).toContain('on_hold');
    expect(ACTIVE_STATUSES).not.toContain('on_hold');
    expect(OPEN_STATUSES.filter((status) => !ACTIVE_STATUSES.includes(status))).toEqual(['on_hold']);
    expect(REQUEST_STATUSES.filter(isActiveStatus)).toEqual(ACTIVE_STATUSES);
  });

  it('divides closed into solved (may be rated) and terminal, overlapping only at closed', () => {
    expect([...new Set([...SOLVED_STATUSES, ...TERMINAL_STATUSES])].sort()).toEqual([...CLOSED_STATUSES].sort());
    expect(SOLVED_STATUSES.filter((status) => TERMINAL_STATUSES.includes(status))).toEqual(['closed']);
    expect(SOLVED_STATUSES.filter(isSolvedStatus)).toEqual(SOLVED_STATUSES);
  });

  it('agrees with the state machine: active requests can be resolved, open ones transferred, only solved ones reopened', () => {
    expect(REQUEST_STATUSES.filter((status) => allowedActions(status).includes('resolve'))).toEqual(REQUEST_STATUSES.filter((s) => ACTIVE_STATUSES.includes(s)));
    expect(REQUEST_STATUSES.filter((status) => allowedActions(status).includes('transfer'))).toEqual(REQUEST_STATUSES.filter((s) => OPEN_STATUSES.includes(s)));
    expect(REQUEST_STATUSES.filter((status) => allowedActions(status).includes('reopen'))).toEqual(REQUEST_STATUSES.filter((s) => SOLVED_STATUSES.includes(s)));
    // Nothing but a note or a reopening moves a closed request.
    for (const status of CLOSED_STATUSES) expect(allowedActions(status).filter((a) => !['comment', 'reply', 'close', 'reopen'].includes(a)), status).toEqual([]);
  });
});
