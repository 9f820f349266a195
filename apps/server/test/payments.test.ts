import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildApp } from '../src/app.js';
import { buildTestApp, testConfig, testDatabase, type TestApp } from './support/app.js';
import { startStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.js';
import { bearer, signUp } from './support/users.js';

let database: Database;
let stripe: StripeStandIn;
let t: TestApp;

const APP_URL = 'https://app.example.test';

beforeAll(async () => {
  database = await testDatabase();
  stripe = await startStripeStandIn();
  t = await buildTestApp(database, stripe.env({ APP_URL }));
});
afterAll(async () => {
  await t.close();
  await database.close();
  await stripe.close();
});

/** Reports stored for a user (any status, deleted or not). */
async function reportCount(userId: string): Promise<number> {
  const { rows } = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE user_id = $1', [
    userId,
  ]);
  return rows[0].n;
}

/** Asks for a report with payments on; returns the Checkout Session. */
async function checkout(
  token: string,
  subject = 'Nursing',
  app = t.app,
): Promise<{ checkout_url: string; session_id: string }> {
  const response = await app.inject({ method: 'POST', url: '/reports', headers: bearer(token), payload: { subject } });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** GET /payments/{session_id} as `token`. */
function paymentStatus(token: string, sessionId: string) {
  return t.app.inject({ method: 'GET', url: `/payments/${sessionId}`, headers: bearer(token) });
}

describe('checkout (POST /reports with payments on)', () => {
  it('creates a Stripe Checkout Session and a pending payment, and stores no report', async () => {
    const alice = await signUp(t.app);
    const before = stripe.requests.length;
    const body = await checkout(alice.token, 'I want to study nursing in the UK');
    expect(Object.keys(body).sort()).toEqual(['checkout_url', 'session_id']);
    expect(body.session_id).toMatch(/^cs_test_/);
    expect(body.checkout_url).toBe(stripe.sessions.get(body.session_id)!.url);

    const calls = stripe.requests.slice(before);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({ operation: 'create_session', method: 'POST', status: 200 });
    expect(call.idempotencyKey).toMatch(/^checkout-[0-9a-f-]{36}$/);
    expect(call.params).toEqual({
      mode: 'payment',
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'gbp',
            unit_amount: '299',
            product_data: { name: 'UK study & migration report: Nursing' },
          },
        },
      ],
      client_reference_id: alice.userId,
      metadata: { user_id: alice.userId, subject: 'Nursing', subject_id: 'nursing', country: 'UK' },
      payment_intent_data: {
        metadata: { user_id: alice.userId, subject: 'Nursing', subject_id: 'nursing', country: 'UK' },
      },
      success_url: `${APP_URL}/chat/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${APP_URL}/chat?payment=cancelled`,
    });

    const payment = await t.app.repos.payments.findBySession(body.session_id);
    expect(payment).toMatchObject({
      userId: alice.userId,
      status: 'pending',
      amountPence: 299,
      currency: 'gbp',
      reportId: null,
    });
    expect(await reportCount(alice.userId)).toBe(0);
    const logged = t.logs.find((l) => l.msg === 'checkout created' && l.session_id === body.session_id);
    expect(logged).toMatchObject({ user_id: alice.userId, amount_pence: 299, currency: 'gbp' });
  });

  it.each([
    ['Law in Canada', 'UK_ONLY'],
    ['asdfgh', 'NOT_A_SUBJECT'],
  ])('applies the query rules first: %j (%s) never reaches Stripe', async (subject, code) => {
    const bob = await signUp(t.app);
    const before = stripe.requests.length;
    const response = await t.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(bob.token),
      payload: { subject },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code });
    expect(stripe.requests.length).toBe(before);
  });

  it('charges REPORT_PRICE_GBP in pence', async () => {
    const priced = await buildTestApp(database, stripe.env({ REPORT_PRICE_GBP: '4.50' }));
    try {
      const user = await signUp(priced.app);
      const { session_id } = await checkout(user.token, 'Law', priced.app);
      expect(stripe.requests.at(-1)!.params).toMatchObject({ line_items: [{ price_data: { unit_amount: '450' } }] });
      expect(await priced.app.repos.payments.findBySession(session_id)).toMatchObject({ amountPence: 450 });
    } finally {
      await priced.close();
    }
  });

  it.each([
    ['a Stripe server error', { status: 500 }],
    [
      'a refused API key',
      { status: 401, type: 'invalid_request_error', message: 'Invalid API Key provided: sk_live_***' },
    ],
    ['a rate limit', { status: 429, type: 'invalid_request_error', code: 'rate_limit' }],
  ])(
    'answers 502 PAYMENT_PROVIDER_ERROR for %s, with a student-safe detail and nothing stored',
    async (_name, failure) => {
      const carol = await signUp(t.app);
      stripe.fail('create_session', failure);
      const response = await t.app.inject({
        method: 'POST',
        url: '/reports',
        headers: bearer(carol.token),
        payload: { subject: 'Pharmacy' },
      });
      expect(response.statusCode).toBe(502);
      const body = response.json<{ code: string; detail: string; request_id: string }>();
      expect(body).toMatchObject({ code: 'PAYMENT_PROVIDER_ERROR', request_id: response.headers['x-request-id'] });
      expect(body.detail).toContain('You have not been charged');
      expect(body.detail).not.toMatch(/stripe|sk_|stand-in|api key/i);
      const { rows } = await database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM payments WHERE user_id = $1',
        [carol.userId],
      );
      expect(rows[0].n).toBe(0);
      expect(
        t.logs.some(
          (l) => l.msg === 'checkout not created' && l.user_id === carol.userId && l.status === failure.status,
        ),
      ).toBe(true);
    },
  );

  it('answers 502 when Stripe cannot be reached at all', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const offline = await buildTestApp(database, stripe.env({ STRIPE_API_BASE: `http://127.0.0.1:${closed}` }));
    try {
      const user = await signUp(offline.app);
      const response = await offline.app.inject({
        method: 'POST',
        url: '/reports',
        headers: bearer(user.token),
        payload: { subject: 'Law' },
      });
      expect(response.statusCode).toBe(502);
      expect(response.json()).toMatchObject({ code: 'PAYMENT_PROVIDER_ERROR' });
      expect(offline.logs.find((l) => l.msg === 'checkout not created')).toMatchObject({
        type: 'StripeConnectionError',
      });
    } finally {
      await offline.close();
    }
  });
});

describe('GET /payments/{session_id}', () => {
  it('answers the owner pending with no report while the session is open, and 404 to anyone else', async () => {
    const dave = await signUp(t.app);
    const eve = await signUp(t.app);
    const { session_id } = await checkout(dave.token);
    const own = await paymentStatus(dave.token, session_id);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ status: 'pending', report_id: null });
    for (const [token, id] of [
      [eve.token, session_id],
      [dave.token, 'cs_test_unknown'],
      [dave.token, 'not-a-session'],
      [dave.token, 'cs_test_a-b'],
    ] as const) {
      const response = await paymentStatus(token, id);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    const anonymous = await t.app.inject({ method: 'GET', url: `/payments/${session_id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('fulfils a paid session it hears of before the webhook, through the same exactly-once path', async () => {
    const frank = await signUp(t.app);
    const { session_id } = await checkout(frank.token, 'Computer Science');
    stripe.pay(session_id);
    const retrievesBefore = stripe.requests.filter((r) => r.operation === 'retrieve_session').length;
    const response = await paymentStatus(frank.token, session_id);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; report_id: string }>();
    expect(body.status).toBe('succeeded');
    expect(body.report_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(stripe.requests.filter((r) => r.operation === 'retrieve_session').length).toBe(retrievesBefore + 1);
    expect(t.logs.find((l) => l.msg === 'payment succeeded' && l.session_id === session_id)).toMatchObject({
      via: 'success_page',
      amount_pence: 299,
    });

    // The webhook comes later and changes nothing; a second look needs no Stripe call.
    const late = await stripe.deliver(t.app, stripe.sessionEvent('checkout.session.completed', session_id));
    expect(late.statusCode).toBe(200);
    expect(await paymentStatus(frank.token, session_id).then((r) => r.json<unknown>())).toEqual(body);
    expect(stripe.requests.filter((r) => r.operation === 'retrieve_session').length).toBe(retrievesBefore + 1);
    await t.app.generation.idle();
    expect(await reportCount(frank.userId)).toBe(1);
    const report = await t.app.inject({
      method: 'GET',
      url: `/reports/${body.report_id}`,
      headers: bearer(frank.token),
    });
    expect(report.json()).toMatchObject({ status: 'completed', subject: 'Computer Science' });
  });

  it('marks an expired session failed, with no report', async () => {
    const gina = await signUp(t.app);
    const { session_id } = await checkout(gina.token);
    stripe.expire(session_id);
    expect(await paymentStatus(gina.token, session_id).then((r) => r.json<unknown>())).toEqual({
      status: 'failed',
      report_id: null,
    });
    expect(await reportCount(gina.userId)).toBe(0);
  });

  it('answers the stored status when Stripe cannot be asked, and fulfils on the next look', async () => {
    const hal = await signUp(t.app);
    const { session_id } = await checkout(hal.token);
    stripe.pay(session_id);
    stripe.fail('retrieve_session', { status: 500 });
    expect(await paymentStatus(hal.token, session_id).then((r) => r.json<unknown>())).toEqual({
      status: 'pending',
      report_id: null,
    });
    expect(t.logs.some((l) => l.msg === 'checkout session lookup failed' && l.session_id === session_id)).toBe(true);
    expect(await paymentStatus(hal.token, session_id).then((r) => r.json<unknown>())).toMatchObject({
      status: 'succeeded',
    });
    await t.app.generation.idle();
  });
});

describe('the full path: click, pay, webhook, report', () => {
  it('goes from POST /reports to a generated report the success page links to', async () => {
    const ida = await signUp(t.app);
    const { session_id, checkout_url } = await checkout(ida.token, 'MSc Data Science');
    expect(checkout_url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect((await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(ida.token) })).json()).toMatchObject({
      total: 0,
    });

    stripe.pay(session_id);
    const delivered = await stripe.deliver(t.app, stripe.sessionEvent('checkout.session.completed', session_id));
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json()).toEqual({ received: true });
    await t.app.generation.idle();

    const status = (await paymentStatus(ida.token, session_id)).json<{ status: string; report_id: string }>();
    expect(status.status).toBe('succeeded');
    const report = await t.app.inject({
      method: 'GET',
      url: `/reports/${status.report_id}`,
      headers: bearer(ida.token),
    });
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({
      report_id: status.report_id,
      user_id: ida.userId,
      status: 'completed',
      generation_metadata: { provider: 'knowledge-base' },
    });
    const payment = await t.app.repos.payments.findBySession(session_id);
    expect(payment).toMatchObject({
      status: 'succeeded',
      reportId: status.report_id,
      stripePaymentIntentId: stripe.sessions.get(session_id)!.payment_intent,
    });
    expect(t.logs.find((l) => l.msg === 'payment succeeded' && l.session_id === session_id)).toMatchObject({
      via: 'webhook',
      report_id: status.report_id,
      amount_pence: 299,
      currency: 'gbp',
    });
  });

  it('documents both routes in OpenAPI when payments are on', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/payments/{session_id}', '/webhooks/stripe']));
  });
});

describe('payments off', () => {
  it('has no payments decorator, and both payment paths are unknown (404 NOT_FOUND)', async () => {
    const off = await buildTestApp(database, { ENABLE_PAYMENTS: 'false' });
    try {
      expect(off.app.hasDecorator('payments')).toBe(false);
      expect(off.app.payments).toBeUndefined();
      const user = await signUp(off.app);
      const webhook = await off.app.inject({
        method: 'POST',
        url: '/webhooks/stripe',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(webhook.statusCode).toBe(404);
      expect(webhook.json()).toMatchObject({ code: 'NOT_FOUND' });
      const status = await off.app.inject({ method: 'GET', url: '/payments/cs_test_x', headers: bearer(user.token) });
      expect(status.statusCode).toBe(404);
      const report = await off.app.inject({
        method: 'POST',
        url: '/reports',
        headers: bearer(user.token),
        payload: { subject: 'Law' },
      });
      expect(report.statusCode).toBe(201);
      await off.app.generation.idle();
    } finally {
      await off.close();
    }
  });

  it('refuses to build with payments on but no Stripe secrets', async () => {
    const config = { ...testConfig(stripe.env()), stripeWebhookSecret: undefined };
    await expect(buildApp(config, t.services)).rejects.toThrow(
      'ENABLE_PAYMENTS needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET',
    );
  });
});
