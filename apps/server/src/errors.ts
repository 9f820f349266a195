import { errorBodySchema, type ErrorCode } from '@uksmr/contract';

export { errorBodySchema, type ErrorCode } from '@uksmr/contract';

/** An error that becomes a response in the contract's error shape. */
export class ApiError extends Error {
  /**
   * @param statusCode HTTP status (4xx or 5xx).
   * @param code machine code.
   * @param title short title (`error` on the wire).
   * @param detail human sentence (`detail` on the wire).
   * @param headers extra response headers, such as `Retry-After`.
   */
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly title: string,
    readonly detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** 404 for a report or payment that does not exist, is not the caller's, or is deleted. */
export function notFound(what: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', 'Not found', `${what} was not found.`);
}

/** 401 with a reason a person can act on. */
export function unauthorized(detail = 'Sign in to continue.'): ApiError {
  return new ApiError(401, 'UNAUTHORIZED', 'Unauthorized', detail, { 'WWW-Authenticate': 'Bearer' });
}

/** Error response schemas keyed by status, for a route's `schema.response`. */
export function errorResponses<const S extends readonly number[]>(
  ...statuses: S
): Record<S[number], typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as Record<S[number], typeof errorBodySchema>;
}

/**
 * An onRequest hook for a routes plugin whose answers carry tokens or a student's reports: `Cache-Control: no-store`,
 * so that no browser, proxy or shared cache keeps them (errors included).
 */
export function noStore(
  _request: unknown,
  reply: { header(name: string, value: string): unknown },
  done: () => void,
): void {
  reply.header('Cache-Control', 'no-store');
  done();
}
