import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestContext } from './harness.js';

let t: TestContext;
useTestApp((started) => (t = started));

describe('HTTP basics', () => {
  it('answers /healthz after checking the database', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.engine });
  });

  it('publishes the OpenAPI 3 document and a docs page', async () => {
    const doc = await t.app.inject({ url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const body = doc.json();
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/categories']));
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toMatch(/^[\w-]+$/);
    // Refusals too: a 401 is a page a browser may render.
    const refused = await t.app.inject({ url: '/api/v1/requests' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject({ url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });
});

describe('bad input gets a specific 4xx, never a 500', () => {
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = await t.signIn('admin');
  });

  it('malformed JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"code": "x",' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('a wrong type names the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { code: 'test-birim', nameTr: 'Test', nameEn: 'Test', parentId: 'abc' } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details[0].field).toBe('body.parentId');
  });

  it('an unknown field is refused, not dropped', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { code: 'test-birim', nameTr: 'Test', nameEn: 'Test', colour: 'red' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("unknown field 'colour'");
  });

  it('a missing field is named', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { code: 'test-birim', nameTr: 'Test' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ field: 'body.nameEn', code: 'required', message: 'is required' });
  });

  it('an oversized body gets 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { code: 'x', nameTr: 'a'.repeat(2 * 1024 * 1024), nameEn: 'b' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('body_too_large');
  });

  it('a body that is not JSON gets 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { ...admin, 'content-type': 'text/plain' }, payload: 'code=x' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('a bad path parameter names the field', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/units/abc', headers: admin, payload: { active: false } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('params.id');
  });
});

describe('values the database would choke on', () => {
  it('answers 400, not 500, for a NUL character or a huge id', async () => {
    const admin = await t.signIn('admin');
    const nul = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { code: 'nul-test', nameTr: 'A\u0000B', nameEn: 'x' } });
    expect(nul.statusCode).toBe(400);
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: admin, payload: { code: 'huge-parent', nameTr: 'A', nameEn: 'B', parentId: 99999999999 } });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.details[0].field).toBe('body.parentId');
  });
});

describe('numbers too large to be finite', () => {
  it('refuses 1e999 in a JSON body or a query string, naming the field, instead of running with Infinity', async () => {
    const body = await t.app.inject({ method: 'POST', url: '/api/v1/portal/submissions', headers: { 'content-type': 'application/json' }, payload: '{"categoryId":1,"description":"Sokak lambası yanmıyor","latitude":1e999,"longitude":36.3,"phone":"05320000000","consent":true,"noticeVersion":"1"}' });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.details.map((d: { field: string }) => d.field)).toContain('body.latitude');
    const supervisor = await t.signIn('supervisor');
    // -Infinity passed 'minimum: 0' and gave a week staffed by nobody; Infinity as the handling
    // time made the staffing search for agents run for ever.
    for (const [name, value] of [['shrinkage', '-1e999'], ['ahtSeconds', '1e999'], ['ahtSeconds', 'Infinity'], ['patienceSeconds', '1e999']]) {
      const res = await t.app.inject({ url: `/api/v1/staffing/week?${name}=${value}`, headers: supervisor });
      expect(res.statusCode, `${name}=${value}`).toBe(400);
      expect(res.json().error.details[0].field).toBe(`querystring.${name}`);
    }
  });
});
