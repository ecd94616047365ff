/**
 * Every route, as an admin (who passes every permission check), with malformed ids and
 * bodies: whatever the input, the answer is never a 5xx. The property-based fuzzer of the
 * reliability suite goes further; this one runs with every test run.
 */
import { it, expect } from 'vitest';
import { routeAccessTable } from '../src/http/access.js';
import { withTestApp } from './harness.js';
it('answers malformed input on every route with a 4xx, never a 5xx', () =>
  withTestApp({}, async (t) => {
    const admin = await t.signIn('admin');
    const junk: unknown[] = [null, 1, 'x', [], {}, { id: -1 }, { categoryId: 1, description: 'aaaaaa', channel: 'phone', districtId: 1, neighbourhoodId: 99999 }, { action: 'assign', version: 1 }, { code: 'ab', nameTr: '', nameEn: 'x' }, { categoryId: 'x' }, { a: { b: { c: [1, 2, { d: null }] } } }, { date: '2025-13-45', nameTr: 'a', nameEn: 'b', halfDay: true }, { 1: [{ start: '25:00', end: '26:00' }] }];
    const bad: string[] = [];
    for (const r of routeAccessTable(t.app)) {
      for (const url of [r.url.replace(/:[a-zA-Z]+/g, '1'), r.url.replace(/:[a-zA-Z]+/g, '0'), r.url.replace(/:[a-zA-Z]+/g, 'abc'), r.url.replace(/:[a-zA-Z]+/g, '2025-02-30') + '?page=-1&q=%00&status=x&from=2025-99-99']) {
        for (const payload of r.method === 'GET' || r.method === 'DELETE' ? [undefined] : junk) {
          const res = await t.app.inject({ method: r.method as 'POST', url, headers: admin, payload: payload as object });
          if (res.statusCode >= 500) bad.push(`${r.method} ${url} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body.slice(0, 150)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  }), 120_000);
