/**
 * Fans the wallboard out to every supervisor watching it from this process: a notification
 * on the live bus makes one fresh snapshot (a burst of changes is folded into one, within
 * tens of milliseconds) that goes to all of them. A timer refreshes it too, so waiting times
 * and the day's rollover show even when nothing happens.
 */
import type { Database } from '../../db/client.js';
import { liveBus } from './bus.js';
import { wallboardSnapshot, type Wallboard } from './wallboard.js';

export type WallboardSubscriber = (board: Wallboard) => void;

export interface WallboardHub {
  /** Sends the current snapshot at once, then every change; returns the unsubscribe function. */
  subscribe(subscriber: WallboardSubscriber): () => void;
  close(): void;
}

export interface HubOptions {
  now: () => Date;
  /** The city's IANA time zone. */
  timeZone: string;
  /** Folds a burst of notifications into one snapshot. */
  debounceMs?: number;
  refreshMs?: number;
  onError?: (error: unknown) => void;
}

const hubs = new WeakMap<Database, WallboardHub>();

export function wallboardHub(database: Database, options: HubOptions): WallboardHub {
  let hub = hubs.get(database);
  if (!hub) {
    hub = createHub(database, options);
    hubs.set(database, hub);
  }
  return hub;
}

function createHub(database: Database, options: HubOptions): WallboardHub {
  const subscribers = new Set<WallboardSubscriber>();
  const debounceMs = options.debounceMs ?? 40;
  const refreshMs = options.refreshMs ?? 10_000;
  let unsubscribe: (() => void) | null = null;
  let refresh: NodeJS.Timeout | null = null;
  let pending: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;

  const publish = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const board = await wallboardSnapshot(database.db, options.now(), { timeZone: options.timeZone });
        for (const s of [...subscribers]) s(board);
      } while (again && subscribers.size > 0);
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      void publish();
    }, debounceMs);
  };
  const stop = () => {
    unsubscribe?.();
    unsubscribe = null;
    if (refresh) clearInterval(refresh);
    if (pending) clearTimeout(pending);
    refresh = pending = null;
  };

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      if (!unsubscribe) {
        unsubscribe = liveBus(database).subscribe((m) => {
          if (m.topic === 'contacts' || m.topic === 'agents' || m.topic === 'resync') schedule();
        });
        refresh = setInterval(schedule, refreshMs);
      }
      wallboardSnapshot(database.db, options.now(), { timeZone: options.timeZone }).then(
        (board) => subscribers.has(subscriber) && subscriber(board),
        (error: unknown) => options.onError?.(error),
      );
      return () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0) stop();
      };
    },
    close() {
      subscribers.clear();
      stop();
      hubs.delete(database);
    },
  };
}
