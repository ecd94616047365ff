import { describe, expect, it } from 'vitest';
import { foldCall, parseQueueLogLine, type QueueLogEvent } from './queue-log.js';

const parse = (lines: string[]) => lines.map((l, i) => parseQueueLogLine(l, i + 1));
const events = (lines: string[]) => parse(lines).map((p) => (p.ok ? p.event : null)).filter((e): e is QueueLogEvent => e !== null);

describe('queue_log lines', () => {
  it('reads the fields, NONE as absent, and the event data', () => {
    const [p] = parse(['1341401603|1341401601.24|q1|Agent/3001|CONNECT|2|1341401601.27|1']);
    expect(p).toEqual({ ok: true, event: { line: 1, time: new Date(1341401603000), callId: '1341401601.24', queue: 'q1', agent: 'Agent/3001', event: 'CONNECT', known: true, data: ['2', '1341401601.27', '1'] } });
    const [q] = parse(['1341343687|NONE|NONE|Agent/3001|UNPAUSEALL|']);
    expect(q).toMatchObject({ ok: true, event: { callId: null, queue: null, data: [] } });
  });

  it('reports malformed lines with their numbers and why, without throwing', () => {
    const out = parse(['garbage', 'x|1|q|a|ENTERQUEUE', '1341401601|1|q1|NONE|enterqueue', '1366720340|1366720340.303267|MYQUEUE|SIP/8007|RINGNOANSWER|1000']);
    expect(out[0]).toMatchObject({ ok: false, line: 1, reason: expect.stringContaining('at least 5 fields') });
    expect(out[1]).toMatchObject({ ok: false, line: 2, reason: expect.stringContaining('not a Unix epoch') });
    expect(out[2]).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('not an upper-case') });
    expect(out[3]).toMatchObject({ ok: true, event: { event: 'RINGNOANSWER', data: ['1000'] } });
  });

  it('marks events it does not know without refusing them', () => {
    expect(parse(['1341401601|1.1|q1|NONE|CUSTOMTHING|x'])[0]).toMatchObject({ ok: true, event: { known: false } });
  });
});

describe('calls folded from their events', () => {
  it('an answered call: offered, answered after the hold time, talk time from COMPLETE*', () => {
    const call = foldCall(events(['1341401601|c1|q1|NONE|ENTERQUEUE||905321112233|1', '1341401603|c1|q1|Agent/3001|CONNECT|2|c1.27|1', '1341401866|c1|q1|Agent/3001|COMPLETEAGENT|2|263|1']));
    expect(call).toMatchObject({ callId: 'c1', queue: 'q1', agent: 'Agent/3001', callerNumber: '905321112233', waitSeconds: 2, talkSeconds: 263, exit: 'answered' });
    expect(call.answeredAt).toEqual(new Date(1341401603000));
  });

  it('an abandoned call keeps its wait; out-of-order lines fold the same', () => {
    const call = foldCall(events(['1341402592|c2|q1|NONE|ABANDON|1|1|6', '1341402586|c2|q1|NONE|ENTERQUEUE||1000|1']));
    expect(call).toMatchObject({ exit: 'abandoned', waitSeconds: 6, answeredAt: null });
    expect(call.offeredAt).toEqual(new Date(1341402586000));
  });

  it('timeouts, key exits, transfers and calls that never entered', () => {
    expect(foldCall(events(['1341400000|c3|q|NONE|ENTERQUEUE||x|1', '1341400300|c3|q|NONE|EXITWITHTIMEOUT|1|1|300'])).exit).toBe('timeout');
    expect(foldCall(events(['1341400000|c4|q|NONE|ENTERQUEUE||x|1', '1341400009|c4|q|NONE|EXITWITHKEY|5|1|1|9'])).waitSeconds).toBe(9);
    expect(foldCall(events(['1341400000|c5|q|NONE|ENTERQUEUE||x|1', '1341400004|c5|q|SIP/1|CONNECT|4|u|2', '1341400100|c5|q|SIP/1|BLINDTRANSFER|2000|default|4|96|1'])).exit).toBe('transferred');
    expect(foldCall(events(['1341401275|c6|q1|NONE|JOINEMPTY|'])).exit).toBe('not_entered');
  });

  it('dates the answer and the entry of a call whose first lines were rotated away', () => {
    const call = foldCall(events(['1341401866|1341401851.34|q1|Agent/3001|COMPLETEAGENT|2|12|1']));
    expect(call).toMatchObject({ exit: 'answered', waitSeconds: 2, talkSeconds: 12 });
    expect(call.answeredAt).toEqual(new Date((1341401866 - 12) * 1000));
    expect(call.offeredAt).toEqual(new Date((1341401866 - 14) * 1000));
  });
});

describe('numbers out of range', () => {
  it('reports a caller number in a wait or talk field as a malformed line, naming the field', () => {
    const [shifted, fine, big] = parse(['1500000060|c1|q|SIP/7|COMPLETECALLER|10|905321112233|1', '1500000060|c2|q|SIP/7|COMPLETECALLER|10|2147483647|1', '1500000060|c3|q|NONE|ABANDON|1|1|2147483648']);
    expect(shifted).toMatchObject({ ok: false, line: 1, reason: 'data2 (calltime) of COMPLETECALLER has 12 digits, more than a wait, talk time or position can be (at most 2147483647)' });
    expect(shifted!.ok === false && shifted!.reason).not.toContain('905321112233');
    expect(fine).toMatchObject({ ok: true });
    expect(big).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('data3 (waittime) of ABANDON') });
  });
});

describe('agents under several interfaces', () => {
  it('takes the extension number of Agent/, SIP/, PJSIP/ and Local/ interfaces, and aliases first', async () => {
    const { agentIdentity } = await import('./queue-log.js');
    for (const name of ['Agent/1127', 'SIP/1127', 'PJSIP/1127', 'Local/1127@callback-agent', 'Local/1127@callback-agent-0000002a;1', 'SIP/1127-0000002a']) expect(agentIdentity(name)).toBe('1127');
    expect(agentIdentity('SIP/ayse')).toBe('SIP/ayse');
    expect(agentIdentity('NONE')).toBe('NONE');
    const aliases = new Map([['SIP/ayse-phone', '1127'], ['1127', 'ayse']]);
    expect(agentIdentity('SIP/ayse-phone', aliases)).toBe('ayse');
    expect(agentIdentity('1127', aliases)).toBe('ayse');
    expect(agentIdentity('Agent/1127', aliases)).toBe('ayse');
  });

  it('places hold and talk times from their own columns where the event carries them', async () => {
    const { placeQueueLogTimes } = await import('./queue-log.js');
    expect(placeQueueLogTimes('COMPLETECALLER', [], { hold: '12', talk: '300' })).toEqual(['12', '300']);
    expect(placeQueueLogTimes('ABANDON', ['1', '1'], { hold: '40' })).toEqual(['1', '1', '40']);
    expect(placeQueueLogTimes('CONNECT', ['5', 'u', '2'], { hold: '', talk: '9' })).toEqual(['5', 'u', '2']);
  });
});
