/**
 * Which log the server writes: on a terminal without LOG_LEVEL, warnings and errors as
 * readable lines (the requests' lines would bury the demo accounts printed at start); with
 * LOG_LEVEL, or when the output is not a terminal (systemd, containers), JSON lines.
 */
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';
import { chooseLogMode, readableLogLine, readableLogStream } from '../src/http/log-output.js';

describe('the log mode', () => {
  test('a terminal without LOG_LEVEL gets readable warnings and errors only', () => {
    expect(loadConfig({}).logLevel).toBeNull();
    expect(chooseLogMode(loadConfig({}).logLevel, true)).toEqual({ format: 'lines', level: 'warn' });
  });

  test('LOG_LEVEL asks for JSON at that level, on a terminal or not', () => {
    expect(chooseLogMode(loadConfig({ LOG_LEVEL: 'info' }).logLevel, true)).toEqual({ format: 'json', level: 'info' });
    expect(chooseLogMode(loadConfig({ LOG_LEVEL: 'debug' }).logLevel, false)).toEqual({ format: 'json', level: 'debug' });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud" is invalid: expected one of fatal, error, warn, info, debug, trace, silent/);
  });

  test('without a terminal and without LOG_LEVEL, JSON at info, as a service manager expects', () => {
    expect(chooseLogMode(null, false)).toEqual({ format: 'json', level: 'info' });
  });
});

describe('the readable lines', () => {
  test("a request's line is not shown; a warning is one line, an error adds its stack", () => {
    const printed: string[] = [];
    const logger = pino({ level: chooseLogMode(null, true).level }, readableLogStream({ write: (text: string) => printed.push(text) }));
    logger.child({ reqId: 'r-1' }).info({ req: { method: 'GET', url: '/healthz' } }, 'incoming request');
    logger.warn('SMTP_URL is not set: e-mail stays in the outbox');
    logger.child({ reqId: 'r-2' }).error({ err: new Error('database went away') }, 'unhandled error');
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(/^\d\d:\d\d:\d\d WARN SMTP_URL is not set: e-mail stays in the outbox\n$/);
    const [head, ...stack] = printed[1]!.trimEnd().split('\n');
    expect(head).toMatch(/^\d\d:\d\d:\d\d ERROR unhandled error: database went away \[r-2\]$/);
    expect(stack.length).toBeGreaterThan(0);
    expect(stack[0]).toMatch(/^ {4}at /);
  });

  test('a line that is not JSON passes as it is', () => {
    expect(readableLogLine('plain text\n')).toBe('plain text');
  });
});
