import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@uksmr/config';
import { ApiError } from '../../errors.js';

/** Options of the rate-limit plugin. */
export interface RateLimitOptions {
  readonly config: AppConfig;
  /** A shared store, so that several instances share one budget (REDIS_URL). */
  readonly redis?: Redis;
}

/** The 429 every limited route answers, with `Retry-After` in seconds. */
export function rateLimited(ttlMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new ApiError(429, 'RATE_LIMITED', 'Too many requests', `Too many requests. Try again in ${seconds} seconds.`, {
    'Retry-After': String(seconds),
  });
}

/**
 * `RATE_LIMIT_REQUESTS_PER_MINUTE` per authenticated user (else per IP), checked after authentication
 * (`preHandler`), with `X-RateLimit-*` headers; routes opt out with `config: { rateLimit: false }`.
 */
export default fp<RateLimitOptions>(
  async (app, { config, redis }) => {
    if (!config.rateLimitEnabled) return;
    await app.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      max: config.rateLimitRequestsPerMinute,
      timeWindow: 60_000,
      nameSpace: 'uksmr-rl:',
      ...(redis ? { redis } : {}),
      skipOnError: false,
      keyGenerator: (request) => (request.auth ? `user:${request.auth.userId}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) => rateLimited(context.ttl),
    });
  },
  { name: 'rate-limit' },
);
