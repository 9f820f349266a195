import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { SIGNATURE_TOLERANCE_SECONDS } from '../src/domain/payments/events.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import {
  STAND_IN_WEBHOOK_SECRET,
  startStripeStandIn,
  type StandInEvent,
  type StripeStandIn,
} from './support/stripe-stand-in.js';
import { signUp } from './support/users.js';

let database: Database;
let stripe: StripeStandIn;
let t: TestApp;
let student: { userId: string };

beforeAll(async () => {
  database = await testDatabase();
  stripe = await startStripeStandIn();
  // A tight rate limit shows the webhook is exempt from it.
  t = await buildTestApp(database, stripe.env({ RATE_LIMIT_REQUESTS_PER_MINUTE: '3' }));
  student = await signUp(t.app);
});
afterAll(async () => {
  await t.app.generation.idle();
  await t.close();
  await database.close();
  await stripe.close();
});

/** The counts a refused delivery must leave alone. */
async function state(): Promise<{ events: number; reports: number; succeeded: number }> {
  const { rows } = await database.query<{ events: number; reports: number; succeeded: number }>(
    `SELECT (SELECT count(*)::int FROM stripe_events) AS events,
            (SELECT count(*)::int FROM reports) AS reports,
            (SELECT count(*)::int FROM payments WHERE status <> 'pending') AS succeeded`,
  );
  return rows[0];
}

/** A `checkout.session.completed` event of a fresh, paid Checkout Session. */
async function paidEvent(): Promise<StandInEvent> {
  const { session_id } = await t.app.payments!.createCheckout({ userId: student.userId, subject: 'Law' });
  stripe.pay(session_id);
  return stripe.sessionEvent('checkout.session.completed', session_id);
}

const now = (): number => Math.floor(Date.now() / 1000);

let before: Awaited<ReturnType<typeof state>>;
beforeEach(async () => {
  await t.app.generation.idle();
  before = await state();
});

/** Expects a 400 with `code`, in the error shape, and no change. */
async function expectRefused(
  response: { statusCode: number; json: () => unknown; headers: Record<string, unknown> },
  code: string,
): Promise<void> {
  expect(response.statusCode).toBe(400);
  expect(response.json()).toMatchObject({ code, request_id: response.headers['x-request-id'] });
  expect(await state()).toEqual(before);
}

describe('POST /webhooks/stripe: signature verification', () => {
  it('accepts a valid signature: 200 {received: true} and the payment is fulfilled', async () => {
    const event = await paidEvent();
    const response = await stripe.deliver(t.app, event);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true });
    expect(await state()).toEqual({
      events: before.events + 1,
      reports: before.reports + 1,
      succeeded: before.succeeded + 1,
    });
  });

  it('refuses a signature made with another secret', async () => {
    await expectRefused(
      await stripe.deliver(t.app, await paidEvent(), { secret: 'whsec_someone_else' }),
      'INVALID_SIGNATURE',
    );
  });

  it('refuses a delivery without Stripe-Signature', async () => {
    await expectRefused(await stripe.deliver(t.app, await paidEvent(), { header: null }), 'INVALID_SIGNATURE');
  });

  it.each([
    'garbage',
    't=,v1=',
    'v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd',
    `t=${now()}`,
    `t=${now()},v0=abc`,
  ])('refuses the malformed header %j', async (header) => {
    await expectRefused(await stripe.deliver(t.app, await paidEvent(), { header }), 'INVALID_SIGNATURE');
  });

  it('refuses a signature older than the 300-second tolerance, and accepts one just inside it', async () => {
    const event = await paidEvent();
    await expectRefused(
      await stripe.deliver(t.app, event, { timestamp: now() - SIGNATURE_TOLERANCE_SECONDS - 5 }),
      'INVALID_SIGNATURE',
    );
    const inside = await stripe.deliver(t.app, event, { timestamp: now() - SIGNATURE_TOLERANCE_SECONDS + 30 });
    expect(inside.statusCode).toBe(200);
  });

  it('refuses a body changed after signing', async () => {
    const event = await paidEvent();
    const tampered = event.payload.replace('"payment_status": "paid"', '"payment_status": "paid" ');
    expect(tampered).not.toBe(event.payload);
    await expectRefused(await stripe.deliver(t.app, event, { body: tampered }), 'INVALID_SIGNATURE');
    const reformatted = JSON.stringify(JSON.parse(event.payload));
    await expectRefused(await stripe.deliver(t.app, event, { body: reformatted }), 'INVALID_SIGNATURE');
  });

  it('accepts a header with two v1 signatures of which one is valid (a secret being rolled)', async () => {
    const event = await paidEvent();
    const valid = stripe.sign(event.payload);
    const [timestamp, signature] = valid.split(',');
    const other = stripe.sign(event.payload, { secret: 'whsec_old_secret' }).split(',')[1];
    const response = await stripe.deliver(t.app, event, { header: `${timestamp},${other},${signature}` });
    expect(response.statusCode).toBe(200);
    expect((await state()).reports).toBe(before.reports + 1);
  });

  it('logs why a delivery was refused, never the secret', async () => {
    await stripe.deliver(t.app, await paidEvent(), { secret: 'whsec_someone_else' });
    const refused = t.logs.filter((l) => l.msg === 'stripe webhook refused: signature');
    expect(refused.length).toBeGreaterThan(0);
    expect(String(refused.at(-1)!.reason)).toContain('No signatures found matching the expected signature');
    expect(JSON.stringify(t.logs)).not.toContain(STAND_IN_WEBHOOK_SECRET);
  });
});

describe('POST /webhooks/stripe: bodies', () => {
  it('answers 400 VALIDATION_ERROR for an empty body, signed or not', async () => {
    const empty = stripe.event('checkout.session.completed', {});
    await expectRefused(await stripe.deliver(t.app, empty, { body: '', header: stripe.sign('') }), 'VALIDATION_ERROR');
    await expectRefused(await stripe.deliver(t.app, empty, { body: '', header: null }), 'VALIDATION_ERROR');
    const noType = await t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'stripe-signature': stripe.sign('') },
    });
    await expectRefused(noType, 'VALIDATION_ERROR');
  });

  it('answers 400 VALIDATION_ERROR for a signed body that is not JSON, and INVALID_SIGNATURE for an unsigned one', async () => {
    const malformed = '{"id": "evt_1", "type": "checkout.session.completed", ';
    const event = { id: 'evt_malformed', type: 'checkout.session.completed', payload: malformed };
    const signed = await stripe.deliver(t.app, event);
    await expectRefused(signed, 'VALIDATION_ERROR');
    expect(signed.json<{ detail: string }>().detail).toBe('The signed body is not valid JSON.');
    await expectRefused(await stripe.deliver(t.app, event, { secret: 'whsec_wrong' }), 'INVALID_SIGNATURE');
  });

  it('answers 400 VALIDATION_ERROR for signed JSON that is not a Stripe event, or whose object is unreadable', async () => {
    for (const payload of ['[]', '{"hello":"world"}', '{"id":"evt_1","type":"x","data":{}}']) {
      await expectRefused(await stripe.deliver(t.app, { id: 'evt_x', type: 'x', payload }), 'VALIDATION_ERROR');
    }
    const unreadable = stripe.event('checkout.session.completed', { id: 'cs_test_1' });
    const response = await stripe.deliver(t.app, unreadable);
    await expectRefused(response, 'VALIDATION_ERROR');
    expect(response.json<{ detail: string }>().detail).toContain('checkout.session.completed');
  });

  it('answers 200 for an event type it does not handle, and changes nothing', async () => {
    const response = await stripe.deliver(t.app, stripe.event('customer.created', { id: 'cus_1', object: 'customer' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true });
    expect(await state()).toEqual(before);
    expect(t.logs.at(-2)).toMatchObject({ msg: 'stripe event handled', type: 'customer.created', outcome: 'ignored' });
  });

  it('answers 415 for a body that is not sent as JSON, and 413 above 256 KB', async () => {
    const text = await t.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'content-type': 'text/plain', 'stripe-signature': stripe.sign('x') },
      payload: 'x',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const huge = JSON.stringify({
      id: 'evt_big',
      type: 'customer.created',
      data: { object: { padding: 'x'.repeat(300 * 1024) } },
    });
    const large = await stripe.deliver(t.app, { id: 'evt_big', type: 'customer.created', payload: huge });
    expect(large.statusCode).toBe(413);
    const big = JSON.stringify({
      id: 'evt_big2',
      type: 'customer.created',
      data: { object: { padding: 'x'.repeat(100 * 1024) } },
    });
    expect((await stripe.deliver(t.app, { id: 'evt_big2', type: 'customer.created', payload: big })).statusCode).toBe(
      200,
    );
  });

  it('keeps the raw-body parser to the webhook: other routes still parse JSON', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'nobody@example.com', password: 'wrong password' },
    });
    expect(response.statusCode).toBe(401);
  });

  it('needs no sign-in and is not rate limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await stripe.deliver(t.app, stripe.event('customer.updated', { id: 'cus_1', object: 'customer' }))).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
