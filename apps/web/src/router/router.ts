import { useSyncExternalStore } from 'react';

/** The app's pages, as parsed from the address bar. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'privacy' }
  | { readonly name: 'terms' }
  | { readonly name: 'chat' }
  | { readonly name: 'chat-success'; readonly sessionId: string | null }
  | { readonly name: 'report'; readonly reportId: string }
  | { readonly name: 'sign-in' }
  | { readonly name: 'sign-up' }
  | { readonly name: 'not-found' };

const NAVIGATE_EVENT = 'uksmr:navigate';

/** Reads a path (with its query string) into a route. `/` is the first page (the chat once signed in). */
export function matchRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/privacy') return { name: 'privacy' };
  if (path === '/terms') return { name: 'terms' };
  if (path === '/chat') return { name: 'chat' };
  if (path === '/chat/success')
    return { name: 'chat-success', sessionId: new URLSearchParams(search).get('session_id') };
  if (path === '/sign-in') return { name: 'sign-in' };
  if (path === '/sign-up') return { name: 'sign-up' };
  const report = /^\/reports\/([^/]+)$/.exec(path);
  if (report?.[1]) return { name: 'report', reportId: decodeURIComponent(report[1]) };
  return { name: 'not-found' };
}

/**
 * Goes to an in-app address with the History API (no page load); `replace` overwrites the current entry.
 * An address on another origin is loaded normally.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (new URL(to, window.location.href).origin !== window.location.origin) {
    window.location.assign(to);
    return;
  }
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

const currentHref = (): string => window.location.pathname + window.location.search;

/** The current path and query string; re-renders on navigation and on the back/forward buttons. */
export function useLocationHref(): string {
  return useSyncExternalStore(subscribe, currentHref);
}

/** The current route and query parameters. */
export function useRoute(): { route: Route; query: URLSearchParams } {
  const href = useLocationHref();
  const url = new URL(href, 'http://app.local');
  return { route: matchRoute(url.pathname, url.search), query: url.searchParams };
}
