import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError } from '../../errors.js';

/** Sends the contract's error body for `error`. */
export function sendApiError(reply: FastifyReply, request: FastifyRequest, error: ApiError): FastifyReply {
  return reply
    .code(error.statusCode)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send({ error: error.title, code: error.code, detail: error.detail, request_id: request.id });
}

/** Names the field of a schema validation failure: `body.subject`, `querystring.limit`, … */
function validationDetail(error: FastifyError): string {
  if (!hasZodFastifySchemaValidationErrors(error)) return error.message;
  const first = error.validation[0];
  const field = first.instancePath.split('/').filter(Boolean);
  const path = [error.validationContext, ...field].filter(Boolean).join('.');
  const keys = (first.params as { keys?: unknown }).keys;
  if (first.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
    return `${path}: unknown field ${keys.map((k) => `'${String(k)}'`).join(', ')}.`;
  }
  return `${path}: ${first.message ?? 'is invalid'}.`;
}

/** Error codes of a lost or refused database connection (Node sockets and PostgreSQL's class 08 / 57P). */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
]);
/** Messages of a database that is gone: PGlite closed, a pg pool ended or unable to connect. */
const OUTAGE_MESSAGE =
  /PGlite is closed|Connection terminated|pool after calling end|timeout exceeded when trying to connect|Database unavailable/i;

/** Whether `error` says the database cannot be reached (an outage, not a bug): answered 503, not 500. */
export function isDatabaseOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && OUTAGE_CODES.has(code)) || OUTAGE_MESSAGE.test(error.message);
}

/** Maps a Fastify or unexpected error to an ApiError. */
export function toApiError(error: FastifyError | Error): ApiError {
  if (error instanceof ApiError) return error;
  if (isDatabaseOutage(error)) {
    return new ApiError(
      503,
      'SERVICE_UNAVAILABLE',
      'Service unavailable',
      'The service cannot reach its database right now. Please try again shortly.',
      {
        'Retry-After': '30',
      },
    );
  }
  const fe = error as FastifyError;
  if (fe.validation) return new ApiError(400, 'VALIDATION_ERROR', 'Invalid request', validationDetail(fe));
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', 'The request body is larger than 64 KB.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'VALIDATION_ERROR', 'Invalid request', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Unsupported media type',
        'Send the body as application/json.',
      );
    default:
      break;
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new ApiError(fe.statusCode, 'VALIDATION_ERROR', 'Invalid request', fe.message);
  }
  return new ApiError(
    500,
    'INTERNAL_ERROR',
    'Internal error',
    'Something went wrong on our side. Please try again; if it keeps happening, quote the request id.',
  );
}

/**
 * One error handler for the whole app: every error leaves in the contract's shape; 5xx stacks are logged
 * (with requestId and userId from the log context), never sent.
 */
export default fp(
  (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const apiError = toApiError(error);
      if (apiError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: apiError.code, statusCode: apiError.statusCode }, apiError.detail);
      return sendApiError(reply, request, apiError);
    });
  },
  { name: 'error-handler' },
);
