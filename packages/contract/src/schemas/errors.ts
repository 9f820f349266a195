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
