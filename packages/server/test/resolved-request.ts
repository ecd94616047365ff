/** A request an agent records and its unit resolves through the API, as surveys and ratings need one. */
import type { TestContext } from './harness.js';

type Headers = Record<string, string>;

/**
 * Records `request` as `agent`, then resolves it as `unitStaff` with `solution` at the version
 * the unit reads. Answers the responses, for the caller to check what it needs.
 */
export async function recordAndResolve(t: TestContext, sessions: { agent: Headers; unitStaff: Headers }, request: object, solution: string) {
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: sessions.agent, payload: request });
  const id = created.json().id as number;
  const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${id}`, headers: sessions.unitStaff })).json() as { version: number; trackingNo: string };
  const resolved = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/actions`, headers: sessions.unitStaff, payload: { action: 'resolve', version: detail.version, text: solution } });
  return { id, trackingNo: detail.trackingNo, created, resolved };
}
