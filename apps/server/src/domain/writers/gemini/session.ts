import { setTimeout as sleep } from 'node:timers/promises';
import { GoogleGenAI } from '@google/genai';
import { FirstTokenTimeout, type Reply } from './call.js';
import { isRetryable, type StopCause } from './errors.js';

/** How a writer reaches Gemini. */
export interface GeminiConnection {
  readonly apiKey: string;
  /** Another API address (`GEMINI_API_BASE`, e.g. a local stand-in); Google's when unset. */
  readonly baseUrl?: string;
}

/** The SDK client of a writer (the report writer's and the follow-up writer's alike). */
export function createGeminiClient({ apiKey, baseUrl }: GeminiConnection): GoogleGenAI {
  // Explicit, so that GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch the backend.
  return new GoogleGenAI({ vertexai: false, apiKey, ...(baseUrl ? { httpOptions: { baseUrl } } : {}) });
}

/** Whether `signal` was aborted by a timeout (`AbortSignal.timeout`), not by someone stopping the work. */
function isTimeout(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
}

/** One generation's signal (its own deadline joined with the caller's) and why it stopped, when it did. */
export interface GenerationDeadline {
  readonly signal: AbortSignal;
  /** A timeout or an abort when one of the generation's signals stopped it (whatever the SDK threw), else null. */
  stopCause(this: void, error: unknown): StopCause | null;
}

/** The deadline of one generation of `timeoutMs`, joined with `callerSignal`. */
export function generationDeadline(timeoutMs: number, callerSignal?: AbortSignal): GenerationDeadline {
  const deadline = AbortSignal.timeout(timeoutMs);
  return {
    signal: callerSignal ? AbortSignal.any([deadline, callerSignal]) : deadline,
    stopCause(error) {
      // The caller's own deadline (AbortSignal.timeout) is a timeout too, not a stop: the student is told so.
      if (deadline.aborted || isTimeout(callerSignal)) return 'timeout';
      if (callerSignal?.aborted) return 'aborted';
      return error instanceof FirstTokenTimeout ? 'first_token_timeout' : null;
    },
  };
}

/**
 * Sends a first request with one retry after `backoffMs` when it failed busy (429) or failing (5xx) before any text
 * arrived (`textArrived`); none once text has arrived.
 */
export async function askWithRetry(ask: () => Promise<Reply>, textArrived: () => boolean, backoffMs: number, signal: AbortSignal): Promise<Reply> {
  return ask().catch(async (error: unknown) => {
    if (textArrived() || !isRetryable(error)) throw error;
    await sleep(backoffMs, undefined, { signal });
    return ask();
  });
}
