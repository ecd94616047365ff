/**
 * Sends the queue, oldest first, each item with its own Idempotency-Key. A repeat of an item
 * the server already has returns the server's first answer, so sending again after a lost
 * answer or a crash is always safe. A refusal about the item itself (a retired category, a
 * request closed meanwhile) is a conflict shown to the user; no network, a server error or an
 * ended session stop the run and keep the rest for later.
 */
import type { ServerErrorDetail } from '../../i18n/server-errors';
import { putItem, queueItems, type QueueItem } from './store';

export type SyncStop = 'offline' | 'signed_out' | 'server_error' | null;

export interface SyncReport {
  sent: number;
  conflicts: number;
  stopped: SyncStop;
}

async function send(item: QueueItem): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Cozum-Csrf': '1', 'Idempotency-Key': item.key };
  let body: BodyInit;
  if (item.kind === 'close') {
    const form = new FormData();
    for (const [name, value] of Object.entries(item.body)) form.append(name, String(value));
    for (const photo of item.photos ?? []) form.append('photo', photo.blob, photo.name);
    body = form;
  } else {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(item.body);
  }
  return fetch(`/api/v1${item.path}`, { method: 'POST', headers, body, credentials: 'same-origin' });
}

let running: Promise<SyncReport> | null = null;

/** One run at a time: a second call while one runs gets the same run. */
export function syncQueue(): Promise<SyncReport> {
  running ??= (async () => {
    const report: SyncReport = { sent: 0, conflicts: 0, stopped: null };
    try {
      for (const item of (await queueItems()).filter((i) => i.status === 'pending')) {
        let response: Response;
        try {
          response = await send(item);
        } catch {
          report.stopped = 'offline';
          break;
        }
        if (response.status === 401) {
          report.stopped = 'signed_out';
          break;
        }
        const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
        if (response.ok) {
          await putItem({ ...item, status: 'synced', result: body ?? {}, error: undefined, syncedAt: new Date().toISOString() });
          report.sent++;
        } else if ([400, 403, 404, 409, 413, 422].includes(response.status)) {
          const error = (body?.error ?? {}) as { code?: string; message?: string; params?: Record<string, string | number>; details?: ServerErrorDetail[] };
          await putItem({ ...item, status: 'conflict', error: { code: error.code ?? String(response.status), message: error.message ?? response.statusText, params: error.params, details: error.details } });
          report.conflicts++;
        } else {
          report.stopped = 'server_error';
          break;
        }
      }
      return report;
    } finally {
      running = null;
    }
  })();
  return running;
}
