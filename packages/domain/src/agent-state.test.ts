import { describe, expect, it } from 'vitest';
import { applyAgentChange, staffedSeconds, type AgentChange, type AgentState } from './agent-state.js';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 10, 7, minute));
const fold = (changes: AgentChange[]) => changes.reduce<AgentState | null>((s, c) => applyAgentChange(s, c) ?? s, null);

describe('agent states', () => {
  it('logs in, pauses with a reason, takes a call and returns to available', () => {
    const s = fold([
      { at: at(0), kind: 'login', queue: 'alo153' },
      { at: at(5), kind: 'pause', reason: 'break' },
    ]);
    expect(s).toMatchObject({ state: 'paused', reason: 'break', queues: ['alo153'], since: at(5) });
    const onCall = fold([{ at: at(0), kind: 'login', queue: 'alo153' }, { at: at(10), kind: 'call_start', callId: 'c1' }]);
    expect(onCall).toMatchObject({ state: 'on_call', callId: 'c1' });
    expect(applyAgentChange(onCall, { at: at(12), kind: 'call_end', callId: 'c1' })).toMatchObject({ state: 'available', callId: null, since: at(12) });
  });

  it('ends a call in after-call work until the contact is closed; a call taken by hand ends when closed', () => {
    const onCall = fold([{ at: at(0), kind: 'login' }, { at: at(10), kind: 'call_start', callId: 'c1' }]);
    const wrapUp = applyAgentChange(onCall, { at: at(12), kind: 'call_end', callId: 'c1', afterCallWork: true });
    expect(wrapUp).toMatchObject({ state: 'wrap_up', callId: null, since: at(12) });
    expect(applyAgentChange(wrapUp, { at: at(13), kind: 'contact_closed', callId: 'c1' })).toMatchObject({ state: 'available', since: at(13) });
    // Closed while the PBX still holds the call: the agent stays on it.
    expect(applyAgentChange(onCall, { at: at(11), kind: 'contact_closed', callId: 'other' })).toMatchObject({ state: 'on_call', callId: 'c1', since: at(10) });
    const byHand = fold([{ at: at(0), kind: 'login' }, { at: at(20), kind: 'call_start', callId: null }]);
    expect(applyAgentChange(byHand, { at: at(25), kind: 'contact_closed', callId: null })).toMatchObject({ state: 'available', since: at(25) });
    // A pause taken during after-call work stays.
    const paused = applyAgentChange(wrapUp, { at: at(14), kind: 'pause', reason: 'break' });
    expect(applyAgentChange(paused, { at: at(15), kind: 'contact_closed', callId: 'c1' })).toMatchObject({ state: 'paused', reason: 'break' });
  });

  it('keeps a member logged in while one queue remains, and logs out with the last', () => {
    const two = fold([{ at: at(0), kind: 'add_member', queue: 'a' }, { at: at(1), kind: 'add_member', queue: 'b' }]);
    const one = applyAgentChange(two, { at: at(2), kind: 'remove_member', queue: 'a' });
    expect(one).toMatchObject({ state: 'available', queues: ['b'], since: at(0) });
    expect(applyAgentChange(one, { at: at(3), kind: 'remove_member', queue: 'b' })).toMatchObject({ state: 'logged_out', queues: [] });
  });

  it('never moves back in time: an older change returns null', () => {
    const s = fold([{ at: at(10), kind: 'login' }]);
    expect(applyAgentChange(s, { at: at(5), kind: 'logoff' })).toBeNull();
  });

  it('stays paused when a call ends during a pause, and stays on the call when unpaused', () => {
    const paused = fold([{ at: at(0), kind: 'login' }, { at: at(1), kind: 'call_start', callId: 'c' }, { at: at(2), kind: 'pause', reason: 'after call' }]);
    expect(applyAgentChange(paused, { at: at(3), kind: 'call_end', callId: 'c' })).toMatchObject({ state: 'paused', reason: 'after call' });
    const onCall = fold([{ at: at(0), kind: 'login' }, { at: at(1), kind: 'call_start', callId: 'c' }]);
    expect(applyAgentChange(onCall, { at: at(2), kind: 'unpause' })).toMatchObject({ state: 'on_call' });
  });

  it('counts staffed time: logged in and not paused, cut to the period', () => {
    const history = [
      { state: 'available' as const, at: at(0) },
      { state: 'paused' as const, at: at(20) },
      { state: 'available' as const, at: at(30) },
      { state: 'logged_out' as const, at: at(50) },
    ];
    expect(staffedSeconds(history, at(0), at(60))).toBe(40 * 60);
    expect(staffedSeconds(history, at(10), at(35))).toBe(15 * 60);
  });
});
