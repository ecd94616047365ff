/**
 * The field app's storage on the tablet (IndexedDB): what it needs to work offline (the
 * bootstrap from the server, the signed-in user) and the queue of work waiting to be sent.
 * Each queued item carries the idempotency key it is sent with, every time.
 */
import type { FieldBootstrap } from '../../api/field';
import type { User } from '../../api/users';
import type { ServerErrorDetail } from '../../i18n/server-errors';

export type QueueKind = 'request' | 'answer' | 'close';
export type QueueStatus = 'pending' | 'synced' | 'conflict';

export interface QueueItem {
  /** The Idempotency-Key: made once when the work is captured, sent on every attempt. */
  key: string;
  kind: QueueKind;
  /** What the queue list shows, e.g. the category and the first words of the description. */
  label: string;
  /** The API path and JSON body (for close: the form fields; photos apart). */
  path: string;
  body: Record<string, unknown>;
  photos?: { name: string; blob: Blob }[];
  createdAt: string;
  status: QueueStatus;
  /** The server's answer: the tracking number made, or the conflict it reported. */
  result?: Record<string, unknown>;
  /** The server's refusal: its code, params and fields for the user's language; `message` is the server's English, kept for operators. */
  error?: { code: string; message: string; params?: Record<string, string | number>; details?: ServerErrorDetail[] };
  syncedAt?: string;
}

const DB_NAME = 'cozum-field';
const QUEUE = 'queue';
const KV = 'kv';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(KV)) db.createObjectStore(KV);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function run<T>(store: string, mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = act(tx.objectStore(store));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  } finally {
    db.close();
  }
}

export const queueItems = async (): Promise<QueueItem[]> => (await run<QueueItem[]>(QUEUE, 'readonly', (s) => s.getAll() as IDBRequest<QueueItem[]>)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
export const putItem = (item: QueueItem) => run(QUEUE, 'readwrite', (s) => s.put(item));
export const deleteItem = (key: string) => run(QUEUE, 'readwrite', (s) => s.delete(key));

export const saveBootstrap = (data: FieldBootstrap) => run(KV, 'readwrite', (s) => s.put(data, 'bootstrap'));
export const loadBootstrap = () => run<FieldBootstrap | undefined>(KV, 'readonly', (s) => s.get('bootstrap') as IDBRequest<FieldBootstrap | undefined>);
export const saveUser = (user: User) => run(KV, 'readwrite', (s) => s.put(user, 'user'));
export const loadUser = () => run<User | undefined>(KV, 'readonly', (s) => s.get('user') as IDBRequest<User | undefined>);

/** A key for a new piece of work (crypto.randomUUID needs a secure context, which the field app has). */
export const newKey = (): string => crypto.randomUUID();
