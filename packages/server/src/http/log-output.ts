/**
 * Where the server's log goes and in what form. A server run by systemd or in a container
 * writes JSON lines (one per request at info) for the log collector; someone who typed
 * `npm start` in a terminal wants the address and demo accounts the start printed to stay on
 * screen, so there only warnings and errors appear, one readable line each.
 */
import type { LogLevel } from '../config.js';

export type LogMode = { format: 'json'; level: LogLevel } | { format: 'lines'; level: 'warn' };

/** LOG_LEVEL given: JSON at that level. Not given: readable warnings and errors on a terminal, JSON at info elsewhere. */
export function chooseLogMode(logLevel: LogLevel | null, stdoutIsTerminal: boolean): LogMode {
  if (logLevel) return { format: 'json', level: logLevel };
  return stdoutIsTerminal ? { format: 'lines', level: 'warn' } : { format: 'json', level: 'info' };
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface LoggedLine {
  level: number;
  time: number;
  msg?: string;
  reqId?: string;
  err?: { type?: string; message?: string; stack?: string };
}

/**
 * One pino JSON line as a person reads it: `14:03:09 WARN message [request id]`; an error
 * adds its stack, indented (the redaction has already run on it).
 */
export function readableLogLine(json: string): string {
  let entry: LoggedLine;
  try {
    entry = JSON.parse(json) as LoggedLine;
  } catch {
    return json.trimEnd();
  }
  const time = new Date(entry.time).toTimeString().slice(0, 8);
  const id = entry.reqId ? ` [${entry.reqId}]` : '';
  const head = `${time} ${LEVEL_NAMES[entry.level] ?? entry.level} ${entry.msg ?? ''}${entry.err?.message && entry.err.message !== entry.msg ? `: ${entry.err.message}` : ''}${id}`;
  const stack = entry.err?.stack?.split('\n').slice(1).map((line) => `    ${line.trim()}`);
  return [head, ...(stack ?? [])].join('\n');
}

/** A pino destination that writes readable lines, synchronously, so they come before what the start prints next. */
export function readableLogStream(out: { write(text: string): unknown }): { write(line: string): void } {
  return { write: (line) => void out.write(`${readableLogLine(line)}\n`) };
}
