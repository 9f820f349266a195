import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { Database } from '@uksmr/database';
import { reportListQuerySchema } from '@uksmr/contract';
import { createLogger } from '@uksmr/logging';
import { requestLogger } from '../src/request-logger.js';
import { REMEMBERED_QUERY_MAX_LENGTH, rememberingValidatorCompiler } from '../src/validator.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';

/** The fixed cost of every request, made cheaper without changing what it does (docs/performance.md, round 3). */

const compile = (httpPart: string, schema: z.ZodType = reportListQuerySchema) =>
  rememberingValidatorCompiler({ schema, method: 'GET', url: '/reports', httpPart });

describe('requestLogger (Fastify childLoggerFactory)', () => {
  const logger = createLogger({ level: 'info', environment: 'test' }) as unknown as FastifyBaseLogger;

  it.each([
    ['no options', {}, 'the app logger itself'],
    ['an undefined level', { level: undefined }, 'the app logger itself'],
    ['a level of its own', { level: 'error' }, 'a child'],
    ['serializers of its own', { serializers: { req: () => 'r' } }, 'a child'],
  ] as const)('a route with %s logs through %s', (_name, options, expected) => {
    const log = requestLogger(logger, { reqId: 'ignored' }, options);
    expect(log === logger ? 'the app logger itself' : 'a child').toBe(expected);
    if ('level' in options && options.level) expect(log.level).toBe(options.level);
  });
});

describe('rememberingValidatorCompiler', () => {
  it('gives every request with the same query the very value Zod produced for it the first time, frozen', () => {
    const validate = compile('querystring');
    const first = validate({ limit: '5' });
    const again = validate({ limit: '5' });
    expect(first).toEqual({ value: { limit: 5, offset: 0, view: 'light' } });
    expect(again).toBe(first);
    const { value } = again as { value: Record<string, unknown> };
    expect(Object.isFrozen(value)).toBe(true);
    expect(() => {
      value.limit = 99;
    }).toThrow(TypeError);
    expect(validate({ limit: '5' })).toEqual({ value: { limit: 5, offset: 0, view: 'light' } });
  });

  it.each([
    ['a different value', { limit: '6' }, { limit: 6, offset: 0, view: 'light' }],
    ['the same fields in another order', { offset: '0', limit: '5' }, { limit: 5, offset: 0, view: 'light' }],
    ['a repeated field', { limit: ['5', '6'] }, 'error'],
    ['an unknown field', { limit: '5', extra: 'x' }, 'error'],
  ] as const)('reads %s on its own', (_name, query, expected) => {
    const validate = compile('querystring');
    expect(validate({ limit: '5' })).toEqual({ value: { limit: 5, offset: 0, view: 'light' } });
    const result = validate(query) as { value?: unknown; error?: unknown };
    if (expected === 'error') expect(result.error).toBeDefined();
    else expect(result.value).toEqual(expected);
  });

  it('validates an invalid query every time (its error is never remembered) and a long one every time', () => {
    const validate = compile('querystring');
    const bad = validate({ limit: '0' }) as { error?: unknown };
    const badAgain = validate({ limit: '0' }) as { error?: unknown };
    expect(bad.error).toBeDefined();
    expect(badAgain.error).toBeDefined();
    expect(badAgain).not.toBe(bad);
    const long = { limit: '5', offset: '0'.repeat(REMEMBERED_QUERY_MAX_LENGTH) };
    const read = validate(long);
    expect(read).toEqual({ value: { limit: 5, offset: 0, view: 'light' } });
    expect(validate(long)).not.toBe(read);
  });

  it('remembers nothing of bodies and params', () => {
    const schema = z.object({ subject: z.string() });
    for (const part of ['body', 'params']) {
      const validate = compile(part, schema);
      expect(validate({ subject: 'Law' })).not.toBe(validate({ subject: 'Law' }));
    }
  });
});

describe('GET /reports through the remembered validator', () => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await testDatabase();
    t = await buildTestApp(database);
  });
  afterAll(async () => {
    await t.close();
    await database.close();
  });

  it('answers the same query alike every time, and a bad one 400 in the contract’s shape every time', async () => {
    const user = await signUp(t.app);
    for (let i = 0; i < 2; i++) {
      const ok = await t.app.inject({ method: 'GET', url: '/reports?limit=3', headers: bearer(user.token) });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ reports: [], total: 0, limit: 3, offset: 0 });
      const bad = await t.app.inject({ method: 'GET', url: '/reports?limit=abc', headers: bearer(user.token) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'VALIDATION_ERROR', error: 'Invalid request' });
      expect(bad.json<{ detail: string }>().detail).toContain('limit');
    }
  });
});
