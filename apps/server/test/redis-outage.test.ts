import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { createLogger } from '@uksmr/logging';
import { connectRedis } from '../src/server.js';
import { buildTestApp, testDatabase, type CapturedLog } from './support/app.js';
import { freePort } from './support/net.js';
import { bearer, signUp } from './support/users.js';
import { Writable } from 'node:stream';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A logger whose lines land in `lines`. */
function capturingLogger(lines: CapturedLog[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) lines.push(JSON.parse(line) as CapturedLog);
      callback();
    },
  });
  return createLogger({ level: 'debug', environment: 'dev', stdout: sink });
}

describe('Redis as a dependency that can fail', () => {
  it('a closed Redis port: rate-limited routes still answer (in-process budget), one structured warning, /health degraded but 200', async () => {
    const port = await freePort();
    const redisLines: CapturedLog[] = [];
    const redis = connectRedis(`redis://127.0.0.1:${port}`, capturingLogger(redisLines));
    const t = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '3' }, { redis });
    const user = await signUp(t.app);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(user.token) })).statusCode);
    // The budget still holds, counted in this process, and nothing answers 500.
    expect(statuses).toEqual([200, 200, 200, 429]);
    const warnings = t.logs.filter((line) => line.event === 'rate_limit.redis_unavailable');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].level).toBe('WARN');
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'healthy', checks: { database: 'ok', redis: 'degraded' } });
    // ioredis's own errors went through the logger (structured), the first as a warning.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(redisLines.filter((line) => line.event === 'redis.error' && line.level === 'WARN')).toHaveLength(1);
    await t.close();
    redis.disconnect();
  });

  it('a working Redis: /health says ok, and limiter keys hold no plain email', async () => {
    const redis = new Redis(REDIS_URL);
    const t = await buildTestApp(database, {}, { redis });
    await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'Plain.Person@example.com', password: 'wrong-password' },
    });
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toMatchObject({ checks: { redis: 'ok' } });
    const keys = await redis.keys('uksmr-rl:*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((key) => /@|plain\.person/i.test(key))).toBe(false);
    await t.close();
    redis.disconnect();
  });
});
