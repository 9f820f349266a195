import { ApiError } from '@google/genai';
import { WriterError } from '../../report/types.js';

/** Student-facing messages: no provider names, status codes or stack traces. */
export const STUDENT_MESSAGES = {
  unavailable: 'The report could not be written right now. Please try again later.',
  timeout: 'The report took too long to write. Please try again later.',
  invalid: 'The report could not be written in the required form. Please try again later.',
  aborted: 'The report was stopped before it was finished.',
} as const;

/** Why a generation was cut short by one of its own signals. */
export type StopCause = 'aborted' | 'timeout' | 'first_token_timeout';

/** The statuses a call is retried on (by the SDK): the provider is busy (429) or failing (5xx). */
export const RETRYABLE_STATUSES: readonly number[] = [429, 500, 502, 503, 504];

/** A short, log-safe description of a provider error (the request's key is never part of it). */
function describe(error: unknown): string {
  if (error instanceof ApiError) return `HTTP ${error.status}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The `WriterError` for a failure: a timeout or abort when one of the generation's signals
 * stopped it (whatever the SDK threw then), otherwise a provider failure.
 */
export function toWriterError(
  error: unknown,
  cause: StopCause | null,
  timeouts: { whole: number; firstToken: number },
): WriterError {
  if (error instanceof WriterError) return error;
  switch (cause) {
    case 'aborted':
      return new WriterError('Gemini generation aborted by the caller', STUDENT_MESSAGES.aborted, 'aborted');
    case 'timeout':
      return new WriterError(`Gemini generation exceeded ${timeouts.whole} ms`, STUDENT_MESSAGES.timeout, 'timeout');
    case 'first_token_timeout':
      return new WriterError(
        `Gemini sent no text within ${timeouts.firstToken} ms`,
        STUDENT_MESSAGES.timeout,
        'timeout',
      );
    default:
      return new WriterError(`Gemini request failed: ${describe(error)}`, STUDENT_MESSAGES.unavailable, 'provider');
  }
}
