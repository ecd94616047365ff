/**
 * The live bus: database notifications on the channel `cozum_live`, fanned out to the
 * wallboards and agent consoles connected to this process. Triggers (migration 0008) send
 * them when contacts change, so a change committed by any process reaches every process:
 * PostgreSQL's LISTEN/NOTIFY on one dedicated connection per process (reconnecting when it
 * drops), PGlite's own listen/notify on the embedded engine.
 */
import pg from 'pg';
import type { Database } from '../../db/client.js';

export const LIVE_CHANNEL = 'cozum_live';

export type LiveMessage =
  /** Something about contacts changed: the wallboard's figures may have moved. */
  | { topic: 'contacts' }
  /** A call of this agent arrived, was answered, ended or was closed. */
  | { topic: 'agent-call'; agent: number }
  /** An agent's state changed. */
  | { topic: 'agents'; agent?: number }
  /** The listening connection was lost and is back: notifications may have been missed. */
  | { topic: 'resync' };

export type LiveListener = (message: LiveMessage) => void;

export interface LiveBus {
  /** Starts listening on the first subscriber; returns the unsubscribe function. */
  subscribe(listener: LiveListener): () => void;
  close(): Promise<void>;
}

export function parseLiveMessage(payload: string | undefined): LiveMessage | null {
  try {
    const m = JSON.parse(payload ?? '') as { topic?: unknown; agent?: unknown };
    if (m.topic === 'contacts' || m.topic === 'resync') return { topic: m.topic };
    if (m.topic === 'agent-call' && typeof m.agent === 'number') return { topic: 'agent-call', agent: m.agent };
    if (m.topic === 'agents') return typeof m.agent === 'number' ? { topic: 'agents', agent: m.agent } : { topic: 'agents' };
  } catch {
    // Not ours: someone else's NOTIFY on our channel is ignored.
  }
  return null;
}

const buses = new WeakMap<Database, LiveBus>();

/** The one bus of this database handle (one handle per process, so one listening connection). */
export function liveBus(database: Database): LiveBus {
  let bus = buses.get(database);
  if (!bus) {
    bus = createBus(database);
    buses.set(database, bus);
  }
  return bus;
}

interface Listening {
  stop(): Promise<void>;
}

function createBus(database: Database): LiveBus {
  const listeners = new Set<LiveListener>();
  let listening: Promise<Listening> | null = null;
  let closed = false;
  const dispatch = (message: LiveMessage | null) => {
    if (!message) return;
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch {
        // One broken subscriber must not stop the others.
      }
    }
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!listening && !closed) {
        listening = database.engine === 'postgresql' ? listenPostgres(database, dispatch) : listenPglite(database, dispatch);
        listening.then(
          // What was written before LISTEN took effect went unheard: whoever read state meanwhile reloads.
          () => dispatch({ topic: 'resync' }),
          () => {
            listening = null;
          },
        );
      }
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      listeners.clear();
      const current = listening;
      listening = null;
      buses.delete(database);
      if (current) await (await current.catch(() => null))?.stop();
    },
  };
}

async function listenPglite(database: Database, dispatch: (m: LiveMessage | null) => void): Promise<Listening> {
  const unlisten = await database.pglite!.listen(LIVE_CHANNEL, (payload) => dispatch(parseLiveMessage(payload)));
  return { stop: () => unlisten().catch(() => undefined) };
}

const RETRY_MS = [250, 500, 1000, 2000, 5000];

async function listenPostgres(database: Database, dispatch: (m: LiveMessage | null) => void): Promise<Listening> {
  const connectionString = database.pool!.options.connectionString;
  let stopped = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, application_name: 'cozum-live' });
    let lost = false;
    const onLost = () => {
      if (lost || stopped) return;
      lost = true;
      client = null;
      c.end().catch(() => undefined);
      const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!;
      timer = setTimeout(() => {
        timer = null;
        connect().then(
          // Whatever was sent while we were away is lost: everyone reloads.
          () => dispatch({ topic: 'resync' }),
          () => undefined,
        );
      }, delay);
    };
    c.on('error', onLost);
    c.on('end', onLost);
    c.on('notification', (n) => {
      if (n.channel === LIVE_CHANNEL) dispatch(parseLiveMessage(n.payload));
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      onLost();
      throw error;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    attempt = 0;
    client = c;
  };

  // The first connection may fail (database restarting): it is retried like a lost one.
  await connect().catch(() => undefined);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
