import { z } from 'zod';
import { ERROR_CODES } from '../values.js';

/** The contract's error body: every error response carries it. */
export const errorBodySchema = z
  .object({
    error: z.string().describe('Short title'),
    code: z.enum(ERROR_CODES).describe('Machine code, e.g. VALIDATION_ERROR'),
    detail: z.string().describe('A sentence saying what went wrong and what to do'),
    request_id: z.string().describe('The X-Request-Id of this request'),
  })
  .describe('Error');

/** The error body every failed API response carries. */
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * The body Fastify itself writes where the app's error handler never runs: a request refused by the HTTP server
 * before routing (408 too slow, 431 headers too large) and a request arriving while the server stops (503).
 */
export const httpServerErrorSchema = z
  .object({ error: z.string(), message: z.string(), statusCode: z.number().int() })
  .describe('HttpServerError');

/** Fastify's own error body (never the app's error handler). */
export type HttpServerError = z.infer<typeof httpServerErrorSchema>;
