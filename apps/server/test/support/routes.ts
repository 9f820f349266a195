import type { FastifyInstance } from 'fastify';

/** A route as the router holds it: one method and its path (`/reports/:report_id`). */
export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

/**
 * Every route `app` registered, read from `app.printRoutes({ commonPrefix: false })`: each line is one path segment
 * under its parent (four characters of tree per level) with the methods it takes in brackets.
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const parents: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+?)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    parents.length = depth;
    const url = `${parents.join('')}${match[2] ?? ''}`;
    parents.push(match[2] ?? '');
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, url });
  }
  return routes;
}
