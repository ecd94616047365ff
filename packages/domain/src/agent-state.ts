/**
 * Agent states (DESIGN.md section 8): logged out, available, on a call, in wrap-up, or paused
 * with a reason. The PBX (queue_log or CTI) and the agent's console report changes; the current
 * state is the fold of the changes in time order, and a change older than the current state
 * never moves it back in time.
 */
import type { QueueLogEvent } from './queue-log.js';

export const AGENT_STATES = ['logged_out', 'available', 'on_call', 'wrap_up', 'paused'] as const;
export type AgentStateName = (typeof AGENT_STATES)[number];
/** The states an agent sets from the console; on_call comes from the telephony. */
export const CONSOLE_STATES = ['available', 'paused', 'wrap_up', 'logged_out'] as const satisfies readonly AgentStateName[];
export type ConsoleState = (typeof CONSOLE_STATES)[number];
export const AGENT_STATE_SOURCES = ['queue_log', 'cti', 'console'] as const;
export type AgentStateSource = (typeof AGENT_STATE_SOURCES)[number];
/** States in which an agent counts as staffed for occupancy: logged in and not paused. */
export const STAFFED_STATES: readonly AgentStateName[] = ['available', 'on_call', 'wrap_up'];

export interface AgentState {
  state: AgentStateName;
  reason: string | null;
  since: Date;
  queues: string[];
  /** The PBX call id while on a call. */
  callId: string | null;
}

export type AgentChangeKind = 'login' | 'logoff' | 'add_member' | 'remove_member' | 'pause' | 'unpause' | 'call_start' | 'call_end' | 'contact_closed' | 'set';

export interface AgentChange {
  at: Date;
  kind: AgentChangeKind;
  queue?: string | null;
  reason?: string | null;
  callId?: string | null;
  /** For kind 'set' (console or CTI agent.state): the state reported. */
  state?: AgentStateName;
  /**
   * For kind 'call_end': the agent still has the contact to close in the console, so the call
   * ends in after-call work (wrap_up) rather than available.
   */
  afterCallWork?: boolean;
}

/**
 * Calls are recorded in contacts already (answered, ended, closed, agent), so call starts, ends
 * and closings move the current state but are not repeated in the history.
 */
export const isHistoryChange = (change: AgentChange): boolean => change.kind !== 'call_start' && change.kind !== 'call_end' && change.kind !== 'contact_closed';

const CALL_END = new Set(['COMPLETECALLER', 'COMPLETEAGENT', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'TRANSFER']);

// One object shape for every kind, and no closure per event: a queue_log holds hundreds of
// thousands of these.
const of = (e: QueueLogEvent, kind: AgentChangeKind, reason: string | null = null, callId: string | null = null) => ({ agent: e.agent!, change: { at: e.time, kind, queue: e.queue, reason, callId } });

/** What a queue_log event says about its agent, or null when it says nothing. */
export function agentChangeFromQueueLog(e: QueueLogEvent): { agent: string; change: AgentChange } | null {
  if (!e.agent) return null;
  switch (e.event) {
    case 'AGENTLOGIN':
    case 'AGENTCALLBACKLOGIN':
      return of(e, 'login');
    case 'AGENTLOGOFF':
    case 'AGENTCALLBACKLOGOFF':
      return of(e, 'logoff');
    case 'ADDMEMBER':
      return of(e, 'add_member');
    case 'REMOVEMEMBER':
      return of(e, 'remove_member');
    case 'PAUSE':
    case 'PAUSEALL':
      // data1: the reason given to QueuePauseMember (Asterisk 1.8 and later).
      return of(e, 'pause', e.data[0] || null);
    case 'UNPAUSE':
    case 'UNPAUSEALL':
      return of(e, 'unpause');
    case 'CONNECT':
      return of(e, 'call_start', null, e.callId);
    default:
      return CALL_END.has(e.event) ? of(e, 'call_end', null, e.callId) : null;
  }
}

const withQueue = (queues: string[], queue: string | null | undefined) => (queue && !queues.includes(queue) ? [...queues, queue].sort() : queues);

interface NextExtra {
  reason?: string | null;
  callId?: string | null;
  queues?: string[];
}

// Written out rather than spread, and at module level: an import folds hundreds of thousands
// of changes.
function moveTo(now: AgentState, change: AgentChange, state: AgentStateName, extra: NextExtra = {}): AgentState {
  return { state, reason: extra.reason ?? null, since: change.at, queues: extra.queues ?? now.queues, callId: extra.callId ?? null };
}

function sameStateWithQueues(now: AgentState, queues: string[]): AgentState {
  return { state: now.state, reason: now.reason, since: now.since, queues, callId: now.callId };
}

/**
 * The state after a change. Returns null when the change is older than the current state: it
 * belongs to the history but must not move the agent back in time.
 */
export function applyAgentChange(current: AgentState | null, change: AgentChange): AgentState | null {
  const now: AgentState = current ?? { state: 'logged_out', reason: null, since: new Date(0), queues: [], callId: null };
  if (change.at < now.since) return null;
  switch (change.kind) {
    case 'login':
      return moveTo(now, change, 'available', { queues: withQueue(now.queues, change.queue) });
    case 'logoff':
      return moveTo(now, change, 'logged_out', { queues: [] });
    case 'add_member':
      return now.state === 'logged_out' ? moveTo(now, change, 'available', { queues: withQueue([], change.queue) }) : sameStateWithQueues(now, withQueue(now.queues, change.queue));
    case 'remove_member': {
      const queues = change.queue ? now.queues.filter((q) => q !== change.queue) : [];
      return queues.length ? sameStateWithQueues(now, queues) : moveTo(now, change, 'logged_out', { queues: [] });
    }
    case 'pause':
      return moveTo(now, change, 'paused', { reason: change.reason ?? null });
    case 'unpause':
      // Unpausing during a call leaves the agent on the call.
      return now.state === 'paused' ? moveTo(now, change, 'available') : now;
    case 'call_start':
      return moveTo(now, change, 'on_call', { callId: change.callId ?? null, queues: withQueue(now.queues, change.queue) });
    case 'call_end':
      // queue_log does not log the end of Asterisk's wrap-up time; an agent who paused during
      // the call stays paused.
      return now.state === 'on_call' ? moveTo(now, change, change.afterCallWork ? 'wrap_up' : 'available') : now;
    case 'contact_closed':
      // The contact is closed with its outcome: after-call work is done, and a call taken by
      // hand (no PBX call id) ends with it. A call the PBX still holds goes on.
      return now.state === 'wrap_up' || (now.state === 'on_call' && now.callId === (change.callId ?? null)) ? moveTo(now, change, 'available') : now;
    case 'set':
      return moveTo(now, change, change.state ?? 'available', {
        reason: change.state === 'paused' ? (change.reason ?? null) : null,
        callId: change.state === 'on_call' ? (change.callId ?? now.callId) : null,
        queues: change.state === 'logged_out' ? [] : withQueue(now.queues, change.queue),
      });
  }
}

/** The state a history row records for a change that arrived out of order (no state to fold onto). */
export function standaloneState(change: AgentChange): AgentStateName {
  switch (change.kind) {
    case 'logoff':
    case 'remove_member':
      return 'logged_out';
    case 'pause':
      return 'paused';
    case 'call_start':
      return 'on_call';
    case 'set':
      return change.state ?? 'available';
    default:
      return 'available';
  }
}

export interface StateSpan {
  state: AgentStateName;
  from: Date;
  to: Date;
}

/**
 * Staffed seconds (logged in, not paused) in [from, to) from an agent's history in time order:
 * each state lasts until the next change; the last one until `to`.
 */
export function staffedSeconds(history: { state: AgentStateName; at: Date }[], from: Date, to: Date): number {
  let total = 0;
  for (let i = 0; i < history.length; i++) {
    const h = history[i]!;
    if (!STAFFED_STATES.includes(h.state)) continue;
    const end = history[i + 1]?.at ?? to;
    const a = Math.max(h.at.getTime(), from.getTime());
    const b = Math.min(end.getTime(), to.getTime());
    if (b > a) total += (b - a) / 1000;
  }
  return total;
}
