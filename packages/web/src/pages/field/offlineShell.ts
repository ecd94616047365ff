/** Registers the service worker and hands it the chunks this page loaded before it took control. */
export async function keepShellOffline() {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  await navigator.serviceWorker.ready;
  const urls = performance.getEntriesByType('resource').map((e) => e.name).filter((url) => new URL(url).pathname.startsWith('/assets/'));
  (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ type: 'cache-urls', urls });
}
