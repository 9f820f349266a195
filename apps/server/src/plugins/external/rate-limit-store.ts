import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

type RedisStoreClass = new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  nameSpace: string,
) => LimiterStore;
type LocalStoreClass = new (continueExceeding: boolean, exponentialBackoff: boolean, cache: number) => LimiterStore;

// @fastify/rate-limit's own stores, which it ships without type declarations.
const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as RedisStoreClass;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as LocalStoreClass;

/** What a store answers for one key: the count in the window and the time left in it. */
export interface StoreResult {
  readonly current: number;
  readonly ttl: number;
}

type Callback = (error: Error | null, result: StoreResult | null) => void;

/** The store contract of @fastify/rate-limit (incr, read, and a child per route). */
export interface LimiterStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  read(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: RouteStoreOptions): LimiterStore;
}

/** The route options @fastify/rate-limit hands `child`. */
export interface RouteStoreOptions {
  readonly continueExceeding?: boolean;
  readonly exponentialBackoff?: boolean;
  readonly cache?: number;
  readonly routeInfo: { readonly method: string; readonly url: string };
}

/** Told when Redis fails (start of an outage, with its error) and when it answers again. */
export interface FailoverEvents {
  onFallback(error: Error): void;
  onRecovered(): void;
}

/** Longest wait for Redis before one request is counted in-process instead. */
export const REDIS_ANSWER_TIMEOUT_MS = 250;

/**
 * A rate-limit store that shares budgets through Redis and, while Redis fails or is slow, counts in this
 * process instead (fails open to a per-instance budget, never to a 500 or to no limit at all). The outage is
 * reported once through `events.onFallback`, its end through `events.onRecovered`.
 */
export class FailoverStore implements LimiterStore {
  readonly #redis: LimiterStore;
  readonly #local: LimiterStore;
  readonly #state: { failing: boolean; events: FailoverEvents };

  constructor(redis: LimiterStore, local: LimiterStore, state: { failing: boolean; events: FailoverEvents }) {
    this.#redis = redis;
    this.#local = local;
    this.#state = state;
  }

  /** The store of the whole app over `redis`, with the plugin's global options. */
  static over(redis: Redis, nameSpace: string, events: FailoverEvents): FailoverStore {
    // Options of @fastify/rate-limit's own stores: continueExceeding, exponentialBackoff (both off here).
    const shared = new RedisStore(false, false, redis, nameSpace);
    const local = new LocalStore(false, false, 5000);
    return new FailoverStore(shared, local, { failing: false, events });
  }

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.#call('incr', key, callback, timeWindow, max);
  }

  read(key: string, callback: Callback, timeWindow: number, max: number): void {
    this.#call('read', key, callback, timeWindow, max);
  }

  child(routeOptions: RouteStoreOptions): FailoverStore {
    return new FailoverStore(this.#redis.child(routeOptions), this.#local.child(routeOptions), this.#state);
  }

  #call(method: 'incr' | 'read', key: string, callback: Callback, timeWindow: number, max: number): void {
    let settled = false;
    const fallBack = (error: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!this.#state.failing) {
        this.#state.failing = true;
        this.#state.events.onFallback(error);
      }
      this.#local[method](key, callback, timeWindow, max);
    };
    const timer = setTimeout(
      () => fallBack(new Error(`Redis did not answer within ${REDIS_ANSWER_TIMEOUT_MS} ms`)),
      REDIS_ANSWER_TIMEOUT_MS,
    );
    timer.unref();
    this.#redis[method](
      key,
      (error, result) => {
        if (error) return fallBack(error);
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (this.#state.failing) {
          this.#state.failing = false;
          this.#state.events.onRecovered();
        }
        callback(null, result);
      },
      timeWindow,
      max,
    );
  }
}
