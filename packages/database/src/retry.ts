import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseUnavailableError, errorCode, errorMessage } from './errors.js';
import type { DatabaseLogger } from './types.js';

/** How `connectWithRetry` retries. */
export interface RetryOptions {
  /** Where the database is, without password, for logs and the final error. */
  readonly target: string;
  /** Give up once this many ms have passed since the first attempt. */
  readonly retryMs: number;
  /** First delay between attempts; doubled after each failure (default 250). */
  readonly initialDelayMs?: number;
  /** Longest delay between attempts (default 5000). */
  readonly maxDelayMs?: number;
  /** Errors that retrying cannot fix (bad password, missing database): fail at once. */
  readonly isPermanent: (err: unknown) => boolean;
  readonly logger?: DatabaseLogger | undefined;
}

/**
 * Calls `connect` until it resolves, waiting with exponential backoff between failures (each failure logged with
 * its attempt number), for up to `retryMs`; then throws `DatabaseUnavailableError` with the last error as cause.
 */
export async function connectWithRetry<T>(connect: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { target, retryMs, initialDelayMs = 250, maxDelayMs = 5000, isPermanent, logger } = options;
  const deadline = Date.now() + retryMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await connect();
      logger?.info({ target, attempt }, 'database connected');
      return result;
    } catch (err) {
      const remainingMs = deadline - Date.now();
      const failure = { target, attempt, code: errorCode(err), error: errorMessage(err) };
      if (isPermanent(err) || remainingMs <= 0) {
        logger?.warn(failure, 'database unavailable, giving up');
        throw new DatabaseUnavailableError(target, attempt, err);
      }
      const delayMs = Math.min(initialDelayMs * 2 ** (attempt - 1), maxDelayMs, remainingMs);
      logger?.warn({ ...failure, delayMs }, 'database unreachable, retrying');
      await sleep(delayMs);
    }
  }
}
