import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@uksmr/config';
import { ApiError } from '../../errors.js';
import { FailoverStore } from './rate-limit-store.js';

/** Options of the rate-limit plugin. */
export interface RateLimitOptions {
  readonly config: AppConfig;
  /** A shared store, so that several instances share one budget (REDIS_URL). */
  readonly redis?: Redis;
}

/** A named budget besides a route's own limit, e.g. sign-in attempts per IP. */
export interface Budget {
  /** Requests allowed in the window. */
  readonly max: number;
  readonly timeWindowMs: number;
  /** What is counted: each distinct key has its own budget. */
  readonly key: (request: FastifyRequest) => string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A check that spends one unit of `budget` for the request and throws 429 RATE_LIMITED once it is spent; a
     * no-op when RATE_LIMIT_ENABLED=false. Create it once, at route registration.
     */
    readonly budget: (budget: Budget) => (request: FastifyRequest) => Promise<void>;
  }
}

/** Requests failing authentication (401) one IP may make in a minute before all its requests answer 429. */
export const FAILED_AUTH_PER_MINUTE = 30;

/** The 429 every limited route answers, with `Retry-After` in seconds. */
export function rateLimited(ttlMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new ApiError(429, 'RATE_LIMITED', 'Too many requests', `Too many requests. Try again in ${seconds} seconds.`, {
    'Retry-After': String(seconds),
  });
}

/** A value that must not be readable in a shared store (an email), as a short SHA-256 digest. */
export function hashedKey(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}

/**
 * `RATE_LIMIT_REQUESTS_PER_MINUTE` per authenticated user (else per IP), checked after authentication
 * (`preHandler`), with `X-RateLimit-*` headers; routes opt out with `config: { rateLimit: false }`. Requests that
 * fail authentication are counted per IP too, so guessing tokens or the cron secret is throttled. With Redis the
 * budgets are shared; while Redis fails they are kept in-process (one warning per outage), never a 500.
 */
export default fp<RateLimitOptions>(
  async (app, { config, redis }) => {
    if (!config.rateLimitEnabled) {
      app.decorate('budget', () => () => Promise.resolve());
      return;
    }
    const nameSpace = 'uksmr-rl:';
    const store = redis
      ? FailoverStore.over(redis, nameSpace, {
          onFallback: (error) =>
            app.log.warn(
              { event: 'rate_limit.redis_unavailable', err: error },
              'Redis is unavailable: rate limits are counted in this process until it answers again',
            ),
          onRecovered: () =>
            app.log.warn({ event: 'rate_limit.redis_recovered' }, 'Redis answers again: rate limits are shared'),
        })
      : undefined;
    await app.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      max: config.rateLimitRequestsPerMinute,
      timeWindow: 60_000,
      nameSpace,
      // The failover store is constructed by the plugin (`new store(options)`): hand it the instance made above.
      ...(store
        ? {
            store: function failover() {
              return store;
            } as unknown as never,
          }
        : {}),
      skipOnError: false,
      keyGenerator: (request) => (request.auth ? `user:${request.auth.userId}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) => rateLimited(context.ttl),
      onExceeded: (request, key) =>
        request.log.warn(
          { event: 'rate_limit.exceeded', key: key.replace(/:[^:]*@[^:]*$/, ':…'), url: request.routeOptions.url },
          'rate limited',
        ),
    });

    app.decorate('budget', (budget: Budget) => {
      const limiter = app.createRateLimit({
        max: budget.max,
        timeWindow: budget.timeWindowMs,
        keyGenerator: budget.key,
      });
      return async (request: FastifyRequest) => {
        const result = await limiter(request);
        if (!result.isAllowed && result.isExceeded) {
          request.log.warn({ event: 'rate_limit.exceeded', url: request.routeOptions.url }, 'rate limited');
          throw rateLimited(result.ttl);
        }
      };
    });

    // Failed authentications: counted per IP once answered 401, and refused with 429 once over the budget.
    const failures = app.createRateLimit({
      max: FAILED_AUTH_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (request) => `authfail:${request.ip}`,
    });
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.url === '/health') return;
      const seen = await failures(request, { increment: false });
      if (!seen.isAllowed && seen.remaining === 0) {
        request.log.warn({ event: 'rate_limit.exceeded', reason: 'failed-authentication' }, 'rate limited');
        throw rateLimited(seen.ttl);
      }
    });
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode === 401) await failures(request);
    });
  },
  { name: 'rate-limit' },
);
