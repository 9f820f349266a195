import { errorBodySchema, httpServerErrorSchema } from '@uksmr/contract';

/** What decides which statuses the app answers on a route beside the route's own: its shape. */
export interface RouteShape {
  /** The route's method(s). */
  readonly method: string | readonly string[];
  /** The route's path as Fastify writes it (`/reports/:report_id`). */
  readonly url: string;
  /** Whether the route declares a querystring schema. */
  readonly hasQuery: boolean;
  /** Whether the route always needs a credential: its OpenAPI security has no anonymous (`{}`) alternative. */
  readonly secured: boolean;
}

/** Methods whose requests Fastify reads a body for (DELETE included): body limit, media type and JSON apply. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The one route that neither the request budget nor the failed-authentication budget ever refuses. */
const NEVER_LIMITED = '/health';

/** Why the app answers each status on any route of a given shape (said in the OpenAPI document). */
export const COMMON_RESPONSE_DESCRIPTIONS = {
  400: 'VALIDATION_ERROR: a parameter, the query or the body is not valid (the detail names the field), the body is not JSON, or the address is not valid percent-encoding',
  401: 'UNAUTHORIZED: the token or secret is missing, expired, revoked or wrong',
  404: 'NOT_FOUND: nothing at this address for the caller (an id that is not theirs, is deleted, or is not an id)',
  408: 'The whole request (headers and body) did not arrive within 30 s: answered by the HTTP server before routing, in Fastify’s own shape `{error, message, statusCode}`',
  413: 'PAYLOAD_TOO_LARGE: the body is larger than this route’s limit (64 KB; 256 KB for the Stripe webhook)',
  415: 'UNSUPPORTED_MEDIA_TYPE: a body sent with a type other than application/json',
  429: 'RATE_LIMITED (with Retry-After): this route’s request budget, or the budget of failed authentications from this address, is spent (RATE_LIMIT_ENABLED)',
  431: 'The headers (the address included) are larger than 16 KB: answered by the HTTP server before routing, in Fastify’s own shape `{error, message, statusCode}`',
  500: 'INTERNAL_ERROR: something failed on the server’s side; the stack is logged with the request id, never sent',
  503: 'SERVICE_UNAVAILABLE (with Retry-After): the database cannot be reached, or the server is stopping (then in Fastify’s own shape `{error, message, statusCode}`)',
} as const;

/** A status the app may answer on any route of some shape. */
export type CommonStatus = keyof typeof COMMON_RESPONSE_DESCRIPTIONS;

/**
 * The statuses the app answers on a route of this shape whatever the route's handler does: its hooks (authentication,
 * budgets), Fastify's body parsing and routing, the error handler, and the HTTP server itself.
 */
export function commonStatuses(route: RouteShape): CommonStatus[] {
  const methods = typeof route.method === 'string' ? [route.method] : route.method;
  const hasParams = route.url.includes('/:');
  const hasBody = methods.some((method) => BODY_METHODS.has(method));
  const statuses: CommonStatus[] = [];
  if (hasParams || route.hasQuery || hasBody) statuses.push(400);
  if (route.secured) statuses.push(401);
  if (hasParams) statuses.push(404);
  statuses.push(408);
  if (hasBody) statuses.push(413, 415);
  // Every route but /health: its own budget, or (routes that opt out of one) the failed-authentication budget.
  if (route.url !== NEVER_LIMITED) statuses.push(429);
  statuses.push(431, 500, 503);
  return statuses;
}

/** The response schema documenting a common status: the contract's error body, or the HTTP server's own. */
export function commonResponseSchema(status: CommonStatus) {
  const schema = status === 408 || status === 431 ? httpServerErrorSchema : errorBodySchema;
  return schema.describe(COMMON_RESPONSE_DESCRIPTIONS[status]);
}
