/**
 * Which addresses are the API's and which are the web app's pages: one list for the server (which serves both on one
 * port) and for the web app's development proxy, so the two can never disagree.
 */

/** The API's root paths: each one and everything under it belongs to the API. */
export const API_PATH_PREFIXES = [
  '/auth',
  '/reports',
  '/queries',
  '/payments',
  '/webhooks',
  '/cron',
  '/config',
  '/health',
  '/metrics',
  '/openapi.json',
] as const;

/** The web app's pages (its router's addresses), with `{name}` for a path parameter. */
export const PAGE_PATHS = [
  '/',
  '/privacy',
  '/terms',
  '/chat',
  '/chat/success',
  '/sign-in',
  '/sign-up',
  '/reports/{report_id}',
] as const;

/** Where the built web app's hashed files live. */
export const ASSETS_PREFIX = '/assets/';

/** Whether `path` is `prefix` itself or lies under it. */
function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * API root paths under which a page lives too (`/reports`: `/reports/{report_id}` is a page and an API path); a
 * request there is told apart by `Accept` (a browser navigation asks for HTML, the app's own `fetch` calls do not).
 */
export const SHARED_PATH_PREFIXES: readonly string[] = API_PATH_PREFIXES.filter((prefix) =>
  PAGE_PATHS.some((page) => page !== '/' && under(page, prefix)),
);

/** Whether `path` (without its query string) belongs to the API alone: no page lives under its root path. */
export function isApiOnlyPath(path: string): boolean {
  return (
    API_PATH_PREFIXES.some((prefix) => under(path, prefix)) &&
    !SHARED_PATH_PREFIXES.some((prefix) => under(path, prefix))
  );
}

/**
 * Whether a request is a browser opening a page of the app, to be answered with its `index.html`: a GET or HEAD
 * asking for HTML, not for one of the app's files and not for an address that belongs to the API alone.
 */
export function isPageRequest(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0] ?? '/';
  if (path.startsWith(ASSETS_PREFIX) || isApiOnlyPath(path)) return false;
  return (accept ?? '').includes('text/html');
}
