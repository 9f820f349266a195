import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { createMetrics } from '../src/domain/metrics.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { startStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.js';
import { bearer, signUp } from './support/users.js';

const SECRET = 'metrics-secret-metrics-secret-0123456789';
let database: Database;
let t: TestApp;
let stripe: StripeStandIn;

beforeAll(async () => {
  database = await testDatabase();
  stripe = await startStripeStandIn();
  t = await buildTestApp(database, { METRICS_SECRET: SECRET, ...stripe.env() });
});
afterAll(async () => {
  await t.app.generation.idle();
  await t.close();
  await database.close();
  await stripe.close();
});

const scrape = () => t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${SECRET}` } });

describe('GET /metrics', () => {
  it('answers only with the Bearer secret, and 404 when METRICS_SECRET is unset', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${SECRET}x` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    const right = await scrape();
    expect(right.statusCode).toBe(200);
    expect(right.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const unset = await buildTestApp(database, {});
    const missing = await unset.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    await unset.close();
  });

  it('counts requests by route pattern and status, generations by outcome and writer, first tokens and payments', async () => {
    const user = await signUp(t.app);
    await t.app.inject({
      method: 'GET',
      url: '/reports/00000000-0000-4000-8000-000000000000',
      headers: bearer(user.token),
    });
    const checkout = await t.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(user.token),
      payload: { subject: 'Nursing' },
    });
    const sessionId = checkout.json<{ session_id: string }>().session_id;
    stripe.pay(sessionId);
    expect((await stripe.deliver(t.app, stripe.sessionEvent('checkout.session.completed', sessionId))).statusCode).toBe(
      200,
    );
    await t.app.generation.idle();
    const text = (await scrape()).body;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{route="\/reports\/:report_id",method="GET",status_code="404"\} 1/,
    );
    expect(text).toMatch(/report_generations_total\{outcome="completed",writer="knowledge-base"\} 1/);
    expect(text).toMatch(/report_first_token_seconds_count\{writer="knowledge-base"\} 1/);
    expect(text).toMatch(/payments_total\{outcome="checkout_created"\} 1/);
    expect(text).toMatch(/payments_total\{outcome="fulfilled"\} 1/);
  });
});

describe('metrics (domain)', () => {
  it('keeps each route, method and status its own series however often it is observed', async () => {
    const metrics = createMetrics();
    for (const [route, method, status] of [
      ['/reports', 'GET', 200],
      ['/reports', 'GET', 200],
      ['/reports', 'GET', 400],
      ['/reports', 'POST', 200],
      ['/reports/:report_id', 'GET', 200],
    ] as const)
      metrics.observeRequest(route, method, status, 0.003);
    const text = await metrics.registry.metrics();
    const count = (labels: string): string | undefined =>
      new RegExp(`http_request_duration_seconds_count\\{${labels}\\} (\\d+)`).exec(text)?.[1];
    expect(count('route="/reports",method="GET",status_code="200"')).toBe('2');
    expect(count('route="/reports",method="GET",status_code="400"')).toBe('1');
    expect(count('route="/reports",method="POST",status_code="200"')).toBe('1');
    expect(count('route="/reports/:report_id",method="GET",status_code="200"')).toBe('1');
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="0.005",route="/reports",method="GET",status_code="200"} 2',
    );
  });

  it('reads the database pool at each scrape, and counts a failed generation without a first token', async () => {
    const metrics = createMetrics(() => ({ total: 7, idle: 3, waiting: 1, max: 20 }));
    metrics.observeGeneration({ outcome: 'failed', writer: 'gemini', durationMs: 1200, firstTokenMs: null });
    const text = await metrics.registry.metrics();
    expect(text).toContain('db_pool_connections{state="total"} 7');
    expect(text).toContain('db_pool_connections{state="waiting"} 1');
    expect(text).toContain('report_generations_total{outcome="failed",writer="gemini"} 1');
    expect(text).not.toContain('report_first_token_seconds_count{writer="gemini"}');
  });
});
