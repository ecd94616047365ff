/** The whole-run log check finds what a test sent as a word of a log line, and not inside another word. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPersonalDataInLogs } from './log-check.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cozum-log-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the log check', () => {
  it('finds a sent value standing as a word, but not a code that happens to sit inside a request id', () => {
    fs.writeFileSync(path.join(dir, 'values-1'), `${JSON.stringify('967719')}\n${JSON.stringify('Ayşe Yılmaz')}\n`);
    fs.writeFileSync(
      path.join(dir, 'server-1.log'),
      [
        '{"reqId":"3eb3f45b-52a5-42da-8ccd-967719a1c5cd","res":{"statusCode":401}}',
        '{"msg":"code 967719 refused"}',
        '{"msg":"signed up","name":"Ayşe Yılmaz"}',
      ].join('\n'),
    );
    const findings = findPersonalDataInLogs(dir);
    expect(findings.map((f) => [f.line, f.kind])).toEqual([
      [2, 'a value a test sent ("967719")'],
      [3, 'a value a test sent ("Ayşe Yılmaz")'],
    ]);
  });

  it("lets a portal code be in development mode's code line, and nowhere else, nor a full number there", () => {
    const sub = fs.mkdtempSync(path.join(dir, 'dev-'));
    fs.writeFileSync(path.join(sub, 'values-1'), `${JSON.stringify('481516')}\n`);
    fs.writeFileSync(
      path.join(sub, 'server-1.log'),
      [
        '{"level":30,"reqId":"r1","devOutbox":true,"msg":"portal code for 0532 *** ** 67: 481516"}',
        '{"level":30,"reqId":"r2","msg":"portal code for 0532 *** ** 67: 481516"}',
        '{"level":30,"reqId":"r3","devOutbox":true,"msg":"portal code for 0532 123 45 67: 481516"}',
      ].join('\n'),
    );
    expect(findPersonalDataInLogs(sub).map((f) => [f.line, f.kind])).toEqual([
      [2, 'a value a test sent ("481516")'],
      [3, 'a value a test sent ("481516")'],
      [3, 'a mobile phone number'],
    ]);
  });
});
