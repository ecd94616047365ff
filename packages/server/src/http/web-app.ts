/**
 * The built web app (packages/web/dist) at `/`. Two pages: portal.html for the citizens'
 * addresses (the portal under /portal, the survey links under /s/), index.html for every other
 * client-side route (the staff app). The build writes a brotli and a gzip copy beside each file
 * (packages/web/build/precompress.ts); the reply is the copy the client accepts, else the file
 * itself, with `Vary: Accept-Encoding` either way.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorBody } from './errors.js';

/** Vite names what it writes under assets/ after the content's hash: a name never changes content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The pages and the service worker: kept, but asked about again each time, so a release shows at once. */
const REVALIDATE = 'no-cache';

/** The page that starts the client-side route at `urlPath` ("/portal/track", "/s/TOKEN", "/requests"). */
export function webPageFor(urlPath: string): 'portal.html' | 'index.html' {
  return /^\/(?:portal(?:\/|$)|s\/)/.test(urlPath) ? 'portal.html' : 'index.html';
}

function cacheControlFor(root: string, file: string): string {
  const served = file.replace(/\.(?:br|gz)$/, '');
  if (path.relative(root, served).startsWith(`assets${path.sep}`)) return IMMUTABLE;
  if (served.endsWith('.html') || path.basename(served) === 'sw.js') return REVALIDATE;
  return 'public, max-age=3600';
}

export const hasWebBuild = (webDist: string | null): webDist is string => webDist !== null && fs.existsSync(path.join(webDist, 'index.html'));

export async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  // serve: false: only reply.sendFile; the one route below serves files and the pages.
  await app.register(fastifyStatic, {
    root: webDist,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => reply.header('cache-control', cacheControlFor(webDist, file)),
  });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    if (file.startsWith('api/')) return reply.status(404).send(errorBody('route_not_found', `no route GET /${file}; see /api/docs for the API`, undefined, { method: 'GET', path: `/${file}` }));
    const full = path.join(webDist, file);
    if (file && full.startsWith(webDist) && fs.existsSync(full) && fs.statSync(full).isFile()) return reply.sendFile(file);
    // A script of an older release is gone; a page in its place would only fail as a script.
    if (file.startsWith('assets/')) return reply.status(404).send(errorBody('not_found', `no file /${file} in this release of the web app; reload the page`));
    return reply.type('text/html').sendFile(webPageFor(`/${file}`));
  });
}
