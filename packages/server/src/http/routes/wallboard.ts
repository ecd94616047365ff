import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { liveBus } from '../../app/live/bus.js';
import { wallboardSnapshot } from '../../app/live/wallboard.js';
import { wallboardHub } from '../../app/live/wallboard-hub.js';
import type { Deps } from '../deps.js';
import { responses, Wallboard, WallboardQuery } from '@cozum/contract';

export interface EventStream {
  send(event: string, data: unknown): void;
  onClose(listener: () => void): void;
  end(): void;
}

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events on this request: the reply is taken over, a comment every 15 s keeps
 * proxies from closing it, and `streams` lets the app end it when the server shuts down.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply, streams: Set<EventStream>): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    // What the hooks set on the reply (security headers, the request id) applies to the stream.
    ...(reply.getHeaders() as OutgoingHttpHeaders),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx and similar proxies must not buffer the stream.
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const listeners: (() => void)[] = [];
  let open = true;
  const finish = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    streams.delete(stream);
    for (const l of listeners) l();
    if (!res.writableEnded) res.end();
  };
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const stream: EventStream = {
    send(event, data) {
      if (open && !res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose: (listener) => listeners.push(listener),
    end: finish,
  };
  streams.add(stream);
  request.raw.on('close', finish);
  res.on('error', finish);
  return stream;
}

/** Ends the open streams before the server closes (it would otherwise wait for them), then the bus. */
export function closeStreamsOnShutdown(app: FastifyInstance, streams: Set<EventStream>, close?: () => Promise<void> | void): void {
  app.addHook('preClose', async () => {
    for (const s of [...streams]) s.end();
  });
  if (close) app.addHook('onClose', async () => close());
}

export const wallboardRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const streams = new Set<EventStream>();
  const hub = () => wallboardHub(deps.database, { now: deps.now, timeZone: deps.config.cityTimeZone, onError: (error) => app.log.error({ err: error }, 'wallboard snapshot failed') });
  closeStreamsOnShutdown(app, streams, async () => {
    hub().close();
    await liveBus(deps.database).close();
  });

  app.get(
    '/wallboard',
    {
      config: { access: 'kpis.read' },
      schema: {
        tags: ['contact centre'],
        summary: "The wallboard now: calls waiting and the longest wait, agents by state, today's offered, answered, answer rate, service level and instant-information share",
        querystring: WallboardQuery,
        response: responses({ 200: Wallboard }),
      },
    },
    async (request) => wallboardSnapshot(deps.database.db, deps.now(), { ...request.query, timeZone: deps.config.cityTimeZone }),
  );

  app.get(
    '/wallboard/stream',
    {
      config: { access: 'kpis.read' },
      schema: {
        tags: ['contact centre'],
        summary: 'The wallboard live (Server-Sent Events): a `wallboard` event with the snapshot at once and within a second of every change, from any server process',
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const stream = openEventStream(request, reply, streams);
      stream.onClose(hub().subscribe((board) => stream.send('wallboard', board)));
    },
  );
};
