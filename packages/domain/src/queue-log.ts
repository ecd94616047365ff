/**
 * Asterisk queue_log, flat-file form: `epoch|callid|queue|agent|EVENT|data1|…|data5`
 * (main/logger.c ast_queue_log; event data as the Asterisk "Queue Logs" documentation gives).
 * Parsing is per line and never throws: a malformed line comes back as a problem with its
 * line number, so an importer can report it and go on.
 */
export const CALL_EVENTS = ['ENTERQUEUE', 'CONNECT', 'COMPLETECALLER', 'COMPLETEAGENT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'TRANSFER', 'RINGNOANSWER', 'RINGCANCELED', 'JOINEMPTY', 'FULL', 'CLOSED', 'DID', 'SYSCOMPAT'] as const;
export const AGENT_EVENTS = ['AGENTLOGIN', 'AGENTLOGOFF', 'AGENTCALLBACKLOGIN', 'AGENTCALLBACKLOGOFF', 'ADDMEMBER', 'REMOVEMEMBER', 'PAUSE', 'UNPAUSE', 'PAUSEALL', 'UNPAUSEALL', 'QUEUESTART', 'CONFIGRELOAD'] as const;
export type QueueLogEventName = (typeof CALL_EVENTS)[number] | (typeof AGENT_EVENTS)[number];

export interface QueueLogEvent {
  line: number;
  time: Date;
  callId: string | null;
  queue: string | null;
  agent: string | null;
  event: string;
  known: boolean;
  data: string[];
}

export type ParsedLine = { ok: true; event: QueueLogEvent } | { ok: false; line: number; reason: string; text: string };

const KNOWN = new Set<string>([...CALL_EVENTS, ...AGENT_EVENTS]);

/** The data fields Asterisk writes as whole seconds or positions, by event: index → name. */
const NUMBERS: Record<string, Record<number, string>> = {
  ENTERQUEUE: { 2: 'position' },
  CONNECT: { 0: 'holdtime', 2: 'ringtime' },
  COMPLETECALLER: { 0: 'holdtime', 1: 'calltime', 2: 'origposition' },
  COMPLETEAGENT: { 0: 'holdtime', 1: 'calltime', 2: 'origposition' },
  ABANDON: { 0: 'position', 1: 'origposition', 2: 'waittime' },
  EXITWITHTIMEOUT: { 0: 'position', 1: 'origposition', 2: 'waittime' },
  EXITEMPTY: { 0: 'position', 1: 'origposition', 2: 'waittime' },
  EXITWITHKEY: { 1: 'position', 2: 'origposition', 3: 'waittime' },
  BLINDTRANSFER: { 2: 'holdtime', 3: 'calltime', 4: 'origposition' },
  ATTENDEDTRANSFER: { 2: 'holdtime', 3: 'calltime', 4: 'origposition' },
  TRANSFER: { 2: 'holdtime', 3: 'calltime', 4: 'origposition' },
};
/** The largest number the contacts table holds (a PostgreSQL integer). */
export const MAX_QUEUE_LOG_NUMBER = 2_147_483_647;
const none = (value: string | undefined) => (value === undefined || value === '' || value === 'NONE' ? null : value);

export function parseQueueLogLine(text: string, line: number): ParsedLine {
  const trimmed = text.replace(/\r$/, '');
  const fields = trimmed.split('|');
  if (fields.length < 5) return { ok: false, line, reason: `expected at least 5 fields separated by '|' (epoch|callid|queue|agent|EVENT), found ${fields.length}`, text: trimmed.slice(0, 200) };
  const [epoch, callId, queue, agent, event, ...data] = fields as [string, string, string, string, string, ...string[]];
  if (!/^\d{9,11}(\.\d+)?$/.test(epoch)) return { ok: false, line, reason: `the time '${epoch.slice(0, 30)}' is not a Unix epoch in seconds`, text: trimmed.slice(0, 200) };
  if (!/^[A-Z][A-Z0-9_]*$/.test(event)) return { ok: false, line, reason: `the event '${event.slice(0, 30)}' is not an upper-case queue_log event name`, text: trimmed.slice(0, 200) };
  while (data.length && data[data.length - 1] === '') data.pop();
  // A number too large for any wait or position (a caller number shifted into the field) would
  // stop the whole import at the database: the line is reported instead, without the value,
  // which may be a phone number.
  for (const [index, name] of Object.entries(NUMBERS[event] ?? {})) {
    const value = data[Number(index)];
    if (value !== undefined && /^\d+$/.test(value) && (value.length > 10 || Number(value) > MAX_QUEUE_LOG_NUMBER)) {
      return { ok: false, line, reason: `data${Number(index) + 1} (${name}) of ${event} has ${value.length} digits, more than a wait, talk time or position can be (at most ${MAX_QUEUE_LOG_NUMBER})`, text: trimmed.slice(0, 200) };
    }
  }
  return {
    ok: true,
    event: { line, time: new Date(Number(epoch) * 1000), callId: none(callId), queue: none(queue), agent: none(agent), event, known: KNOWN.has(event), data },
  };
}

/** What one queue call amounts to, folded from its events in time order. */
export interface QueueCall {
  callId: string;
  queue: string | null;
  agent: string | null;
  callerNumber: string | null;
  offeredAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  /** answered, abandoned, timeout, exit_empty, exit_key, transferred, not_entered (joinempty/full/closed). */
  exit: string | null;
}

const int = (value: string | undefined): number | null => (value !== undefined && /^\d+$/.test(value) ? Number(value) : null);

export function foldCall(events: QueueLogEvent[]): QueueCall {
  const sorted = [...events].sort((a, b) => a.time.getTime() - b.time.getTime() || a.line - b.line);
  const call: QueueCall = { callId: sorted[0]?.callId ?? '', queue: null, agent: null, callerNumber: null, offeredAt: null, answeredAt: null, endedAt: null, waitSeconds: null, talkSeconds: null, exit: null };
  for (const e of sorted) {
    call.queue ??= e.queue;
    switch (e.event) {
      case 'ENTERQUEUE':
        // data: url, callerid, position
        call.offeredAt = e.time;
        call.callerNumber = e.data[1] || call.callerNumber;
        break;
      case 'CONNECT':
        // data: holdtime, bridged channel uniqueid, ringtime
        call.answeredAt = e.time;
        call.agent = e.agent;
        call.waitSeconds = int(e.data[0]);
        call.exit = 'answered';
        break;
      case 'COMPLETECALLER':
      case 'COMPLETEAGENT':
        // data: holdtime, calltime, origposition
        call.endedAt = e.time;
        call.agent ??= e.agent;
        call.waitSeconds ??= int(e.data[0]);
        call.talkSeconds = int(e.data[1]);
        call.exit = 'answered';
        // A log that starts mid-call (rotated) still dates the answer and the entry.
        if (!call.answeredAt && call.talkSeconds !== null) call.answeredAt = new Date(e.time.getTime() - call.talkSeconds * 1000);
        if (!call.offeredAt && call.answeredAt && call.waitSeconds !== null) call.offeredAt = new Date(call.answeredAt.getTime() - call.waitSeconds * 1000);
        break;
      case 'BLINDTRANSFER':
      case 'ATTENDEDTRANSFER':
        // data: extension/method, context/keyword, holdtime, calltime, origposition
        call.endedAt = e.time;
        call.waitSeconds ??= int(e.data[2]);
        call.talkSeconds = int(e.data[3]);
        call.exit = 'transferred';
        break;
      case 'TRANSFER':
        call.endedAt = e.time;
        call.waitSeconds ??= int(e.data[2]);
        call.talkSeconds = int(e.data[3]);
        call.exit = 'transferred';
        break;
      case 'ABANDON':
      case 'EXITWITHTIMEOUT':
      case 'EXITEMPTY':
        // data: position, origposition, waittime
        call.endedAt = e.time;
        call.waitSeconds = int(e.data[2]);
        call.exit = e.event === 'ABANDON' ? 'abandoned' : e.event === 'EXITWITHTIMEOUT' ? 'timeout' : 'exit_empty';
        break;
      case 'EXITWITHKEY':
        // data: key, position, origposition, waittime
        call.endedAt = e.time;
        call.waitSeconds = int(e.data[3]);
        call.exit = 'exit_key';
        break;
      case 'JOINEMPTY':
      case 'FULL':
      case 'CLOSED':
        call.endedAt = e.time;
        call.exit ??= 'not_entered';
        break;
      default:
        break;
    }
  }
  return call;
}

/**
 * Puts hold and talk times kept in their own columns (some queue_log table exports) where the
 * flat file carries them for this event: holdtime or waittime, and calltime. Other events and
 * empty values leave the data as it is.
 */
export function placeQueueLogTimes(event: string, data: string[], times: { hold?: string | null; talk?: string | null }): string[] {
  const out = [...data];
  for (const [index, name] of Object.entries(NUMBERS[event] ?? {})) {
    const value = name === 'holdtime' || name === 'waittime' ? times.hold : name === 'calltime' ? times.talk : undefined;
    if (value === undefined || value === null || value === '') continue;
    while (out.length <= Number(index)) out.push('');
    out[Number(index)] = value;
  }
  return out;
}

/**
 * The agent behind a queue_log interface name, so one person logged in under several
 * interfaces is one agent: an alias given for the name wins; otherwise the extension number
 * of `Agent/1127`, `SIP/1127`, `PJSIP/1127`, `IAX2/1127`, `Local/1127@callback-agent` (channel
 * suffixes such as `-0000002a` or `;1` dropped); otherwise the name as written. An alias may
 * also rename that result (`SIP/ayse-phone` → `1127` → `ayse`), one step.
 */
export function agentIdentity(name: string, aliases: ReadonlyMap<string, string> = new Map()): string {
  const identity = aliases.get(name) ?? /^[A-Za-z][A-Za-z0-9]*\/(\d+)(?:@[^\s;]*)?(?:-[0-9a-fA-F]+)?(?:;\d+)?$/.exec(name)?.[1] ?? name;
  return identity === name ? identity : (aliases.get(identity) ?? identity);
}
