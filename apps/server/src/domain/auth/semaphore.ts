/** A task refused because as many tasks as the semaphore lets wait are already waiting. */
export class SemaphoreFullError extends Error {
  constructor() {
    super('too many tasks waiting');
    this.name = 'SemaphoreFullError';
  }
}

/**
 * Runs async work with at most a fixed number of tasks in flight; the rest wait their turn in arrival order, up
 * to a bound past which they are refused at once (SemaphoreFullError) rather than queued for minutes.
 */
export interface Semaphore {
  /** Runs `task` once a slot is free and gives back its result; the slot is released however it ends. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly inFlight: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

/** A semaphore of `limit` slots (at least 1) and at most `maxWaiting` waiting tasks. */
export function createSemaphore(limit: number, maxWaiting = Number.POSITIVE_INFINITY): Semaphore {
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError('limit must be a whole number of at least 1');
  let inFlight = 0;
  const queue: (() => void)[] = [];
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else inFlight--;
  };
  return {
    async run(task) {
      if (inFlight < limit) inFlight++;
      else if (queue.length >= maxWaiting) throw new SemaphoreFullError();
      // A released slot passes straight to the next waiter, so inFlight stays the same.
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return queue.length;
    },
  };
}
