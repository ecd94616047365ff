/**
 * A tiny router over the History API: `navigate(path)` changes the address, `useRoute()`
 * re-renders on every change (links, back and forward buttons).
 */
import { useSyncExternalStore, type MouseEvent } from 'react';

const CHANGE = 'cozum:navigate';

export interface Route {
  /** Path without a trailing slash ("/" for the root). */
  path: string;
  query: URLSearchParams;
}

const normalise = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path) || '/';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

// The snapshot must be a stable string; the Route object is derived from it.
const snapshot = () => window.location.pathname + window.location.search;

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(location, window.location.origin);
  return { path: normalise(url.pathname), query: url.searchParams };
}

/**
 * Props for an anchor that navigates without reloading the page, while keeping a real href
 * (open in a new tab, copy link, middle click all work).
 */
export function linkProps(to: string) {
  return {
    href: to,
    onClick: (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(to);
    },
  };
}

/**
 * Matches a path against a pattern whose `:name` segments take any one segment:
 * `matchPath('/requests/:id', '/requests/12')` → `{ id: '12' }`; no match → null.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = normalise(path).split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = got[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}
