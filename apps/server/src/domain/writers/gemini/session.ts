import { GoogleGenAI, type Content, type HttpRetryOptions } from '@google/genai';
import { FirstTokenTimeout, streamReply, type Reply, type ReplyRequest } from './call.js';
import { RETRYABLE_STATUSES, type StopCause } from './errors.js';

/** How a writer reaches Gemini. */
export interface GeminiConnection {
  readonly apiKey: string;
  /** Another API address (`GEMINI_API_BASE`, e.g. a local stand-in); Google's when unset. */
  readonly baseUrl?: string;
  /** Wait before the one retry of a busy (429) or failing (5xx) request. Default 1 s. */
  readonly retryBackoffMs?: number;
}

const DEFAULT_RETRY_BACKOFF_MS = 1_000;

/**
 * The SDK's own retry (`httpOptions.retryOptions`, @google/genai 2.32): one more attempt, `backoffMs` later, when the
 * provider answers busy (429) or failing (5xx). The SDK retries on the response's status, before any of its body is
 * read, so a stream that already sent text is never sent again.
 */
export function retryOptions(backoffMs: number): HttpRetryOptions {
  return {
    attempts: 2,
    initialDelay: backoffMs / 1000,
    maxDelay: backoffMs / 1000,
    jitter: 0,
    httpStatusCodes: [...RETRYABLE_STATUSES],
  };
}

/** The SDK client of a writer (the report writer's and the follow-up writer's alike). */
export function createGeminiClient({ apiKey, baseUrl, retryBackoffMs }: GeminiConnection): GoogleGenAI {
  return new GoogleGenAI({
    // Explicit, so that GOOGLE_GENAI_USE_VERTEXAI in the environment cannot switch the backend.
    vertexai: false,
    apiKey,
    httpOptions: {
      ...(baseUrl ? { baseUrl } : {}),
      retryOptions: retryOptions(retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS),
    },
  });
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

/** The requests of one generation: each streamed, their tokens added up, the time of the first text kept. */
export interface GenerationCalls {
  /** Sends one request of the generation, passing its text on as it arrives. */
  ask(contents: Content[], onText: (text: string) => void): Promise<Reply>;
  /** Milliseconds from the start to the first text of any request; null before any. */
  readonly firstTokenMs: number | null;
  /** Tokens of every request so far. */
  readonly tokens: number;
}

/** The calls of one generation with the same client, model, instruction, signal and first-token limit. */
export function generationCalls(
  request: Omit<ReplyRequest, 'contents' | 'onText'>,
  elapsed: () => number,
): GenerationCalls {
  let firstTokenMs: number | null = null;
  let tokens = 0;
  return {
    async ask(contents, onText) {
      const reply = await streamReply({
        ...request,
        contents,
        onText: (text) => {
          firstTokenMs ??= elapsed();
          onText(text);
        },
      });
      tokens += reply.tokens;
      return reply;
    },
    get firstTokenMs() {
      return firstTokenMs;
    },
    get tokens() {
      return tokens;
    },
  };
}
