import { z } from 'zod';

/** Machine codes of the contract's error shape, plus the project's own additions (documented in OpenAPI). */
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'UK_ONLY'
  | 'MULTIPLE_SUBJECTS'
  | 'MULTIPLE_COUNTRIES'
  | 'NOT_A_SUBJECT'
  | 'RATE_LIMITED'
  | 'DAILY_LIMIT_REACHED'
  | 'FOLLOW_UP_LIMIT_REACHED'
  | 'REPORT_NOT_COMPLETED'
  | 'OFF_TOPIC'
  | 'INVALID_SIGNATURE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYMENT_PROVIDER_ERROR'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE';

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

/** The contract's error body. */
export const errorBodySchema = z
  .object({
    error: z.string().describe('Short title'),
    code: z.string().describe('Machine code, e.g. VALIDATION_ERROR'),
    detail: z.string().describe('A sentence saying what went wrong and what to do'),
    request_id: z.string().describe('The X-Request-Id of this request'),
  })
  .describe('Error');

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
export function noStore(_request: unknown, reply: { header(name: string, value: string): unknown }, done: () => void): void {
  reply.header('Cache-Control', 'no-store');
  done();
}
