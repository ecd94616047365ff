/*
 * Çözüm's service worker: keeps the app shell (index.html and the built scripts and styles) so
 * the field app opens and works with no network. Pages always come from the network when it
 * answers; the cached shell is the fallback. The API is never cached: the field app keeps its
 * own data and its queue of unsent work in IndexedDB.
 */
const CACHE = 'cozum-shell-v1';

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/index.html', { cache: 'no-store' });
  if (!response.ok) throw new Error(`the app shell answered ${response.status}`);
  // The entry script and styles index.html names; chunks loaded later are cached as they pass.
  await keepIndex(response);
  await cache.add('/favicon.svg');
}

// The citizens' pages (the portal, the survey links) are another entry, portal.html: not the
// shell, so their navigations are left to the network and never stored in its place.
const isCitizenPage = (path) => /^\/(?:portal(?:\/|$)|s\/)/.test(path);

const assetsNamedIn = (html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

/**
 * A new release brings a new index.html: the built files of the old one are dropped, so the
 * cache holds one release, not all of them. Chunks of the new release are cached as they load.
 */
async function keepIndex(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const previous = await cache.match('/index.html');
  await cache.put('/index.html', response);
  const wanted = assetsNamedIn(html);
  if (previous && assetsNamedIn(await previous.text()).join() !== wanted.join()) {
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/assets/') && !wanted.includes(path)) await cache.delete(request);
    }
  }
  const missing = [];
  for (const path of wanted) if (!(await cache.match(path))) missing.push(path);
  await cache.addAll(missing);
}

async function cacheUrls(urls) {
  const cache = await caches.open(CACHE);
  const wanted = urls.filter((url) => new URL(url, self.location.origin).pathname.startsWith('/assets/'));
  await Promise.all(wanted.map(async (url) => ((await cache.match(url)) ? undefined : cache.add(url).catch(() => undefined))));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The page names the chunks it loaded before this worker took control.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'cache-urls' && Array.isArray(event.data.urls)) event.waitUntil(cacheUrls(event.data.urls));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    if (isCitizenPage(url.pathname)) return;
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
            event.waitUntil(keepIndex(response.clone()).catch(() => undefined));
          }
          return response;
        })
        .catch(async () => (await caches.match('/index.html')) || Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') {
    // Built files carry their content hash in the name: a cached copy is always right.
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});
