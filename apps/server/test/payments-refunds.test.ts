import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@uksmr/database';
import { refundKey } from '../src/domain/payments/refunds.js';
import { REFUND_RETRY_INTERVAL_MS } from '../src/plugins/app/payments.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { startGeminiStandIn, type GeminiStandIn } from './support/gemini-stand-in.js';
import { parseSse } from './support/sse.js';
import { startStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.js';
import { bearer, signUp } from './support/users.js';

let database: Database;
let stripe: StripeStandIn;
let gemini: GeminiStandIn;
let t: TestApp;
let student: { token: string; userId: string };

/** Gemini answers every generation with HTTP 500, so every paid report fails honestly. */
const failingGemini = (): Record<string, string> => ({
  GEMINI_API_KEY: 'test-key',
  GEMINI_API_BASE: gemini.baseUrl,
  GEMINI_TIMEOUT_MS: '20000',
});

beforeAll(async () => {
  database = await testDatabase();
  stripe = await startStripeStandIn();
  gemini = await startGeminiStandIn({ defaultScenario: { kind: 'status', status: 500, message: 'Internal error' } });
  t = await buildTestApp(database, stripe.env(failingGemini()));
  student = await signUp(t.app);
});
afterAll(async () => {
  await t.close();
  await database.close();
  await stripe.close();
  await gemini.close();
});

/** Pays for a report through Checkout and the webhook on `app`, and waits until its generation has ended. */
async function paidReport(app = t.app): Promise<{ sessionId: string; reportId: string; paymentIntent: string }> {
  const { session_id } = await app.payments!.createCheckout({ userId: student.userId, subject: 'Nursing' });
  const paymentIntent = stripe.pay(session_id).payment_intent!;
  const delivered = await stripe.deliver(app, stripe.sessionEvent('checkout.session.completed', session_id));
  expect(delivered.statusCode).toBe(200);
  await app.generation.idle();
  const payment = (await app.repos.payments.findBySession(session_id))!;
  return { sessionId: session_id, reportId: payment.reportId!, paymentIntent };
}

/** The refunds and refund calls Stripe saw for a PaymentIntent. */
function atStripe(paymentIntent: string) {
  return {
    refunds: stripe.refunds.filter((r) => r.payment_intent === paymentIntent),
    calls: stripe.requests.filter((r) => r.operation === 'create_refund' && r.params.payment_intent === paymentIntent),
  };
}

describe('refunds of paid reports that fail', () => {
  it('refunds a failed paid report once, in full, and tells the student', async () => {
    const { sessionId, reportId, paymentIntent } = await paidReport();
    const report = await t.app.inject({ method: 'GET', url: `/reports/${reportId}`, headers: bearer(student.token) });
    expect(report.json()).toMatchObject({ status: 'failed' });

    const { refunds, calls } = atStripe(paymentIntent);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 299, currency: 'gbp', metadata: { report_id: reportId } });
    expect(calls.map((c) => c.idempotencyKey)).toEqual([refundKey(reportId, 0)]);
    expect(refundKey(reportId, 0)).toBe(`refund-${reportId}-0`);

    const payment = await t.app.repos.payments.findBySession(sessionId);
    expect(payment).toMatchObject({ status: 'refunded', refundAttempts: 0 });
    expect(payment!.refundReason).toMatch(/^report generation failed \(.+\)$/);
    expect(payment!.refundedAt).toBeInstanceOf(Date);
    expect(t.logs.find((l) => l.msg === 'payment refunded' && l.report_id === reportId)).toMatchObject({
      refund_id: refunds[0].id,
      amount_pence: 299,
      currency: 'gbp',
    });

    const status = await t.app.inject({ method: 'GET', url: `/payments/${sessionId}`, headers: bearer(student.token) });
    expect(status.json()).toEqual({ status: 'refunded', report_id: reportId });
    const stream = await t.app.inject({
      method: 'GET',
      url: `/reports/${reportId}/stream`,
      headers: bearer(student.token),
    });
    expect(parseSse(stream.body).at(-1)).toMatchObject({ event: 'error', data: { code: 'GENERATION_FAILED' } });

    // Nothing refunds it again: not the sweeper, not a redelivered webhook, not Stripe's own charge.refunded.
    expect(await t.app.payments!.retryRefunds()).toBe(0);
    await stripe.deliver(t.app, stripe.sessionEvent('checkout.session.completed', sessionId));
    await stripe.deliver(t.app, stripe.chargeRefundedEvent(paymentIntent));
    await t.app.generation.idle();
    expect(atStripe(paymentIntent).refunds).toHaveLength(1);
    expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({
      status: 'refunded',
      refundReason: payment!.refundReason,
    });
  });

  it('keeps a refund that failed due, and the retry refunds it once', async () => {
    stripe.fail('create_refund', { status: 500, message: 'An unknown error occurred' });
    const { sessionId, reportId, paymentIntent } = await paidReport();
    expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({
      status: 'succeeded',
      refundAttempts: 1,
      lastRefundError: 'An unknown error occurred',
    });
    expect(atStripe(paymentIntent).refunds).toHaveLength(0);
    expect(t.logs.find((l) => l.msg === 'refund failed; it will be retried' && l.report_id === reportId)).toMatchObject(
      {
        attempt: 1,
        status: 500,
        amount_pence: 299,
      },
    );
    expect((await t.app.repos.payments.listRefundsDue()).map((p) => p.stripeCheckoutSessionId)).toContain(sessionId);

    expect(await t.app.payments!.retryRefunds()).toBe(1);
    const { refunds, calls } = atStripe(paymentIntent);
    expect(refunds).toHaveLength(1);
    expect(calls.map((c) => [c.idempotencyKey, c.status])).toEqual([
      [refundKey(reportId, 0), 500],
      [refundKey(reportId, 1), 200],
    ]);
    expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({
      status: 'refunded',
      refundReason: 'report generation failed',
    });
    expect(await t.app.payments!.retryRefunds()).toBe(0);
  });

  it('does not refund twice when an attempt went through but answered 500', async () => {
    stripe.fail('create_refund', { status: 500, afterEffect: true });
    const { sessionId, reportId, paymentIntent } = await paidReport();
    expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({
      status: 'succeeded',
      refundAttempts: 1,
    });
    expect(atStripe(paymentIntent).refunds).toHaveLength(1);

    expect(await t.app.payments!.retryRefunds()).toBe(1);
    expect(atStripe(paymentIntent).refunds).toHaveLength(1);
    expect(atStripe(paymentIntent).calls.map((c) => [c.idempotencyKey, c.status])).toEqual([
      [refundKey(reportId, 0), 500],
      [refundKey(reportId, 1), 400],
    ]);
    expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({ status: 'refunded' });
  });

  it('refunds once when the failure hook and the sweeper run at the same time', async () => {
    stripe.fail('create_refund', { status: 500 });
    const { sessionId, reportId, paymentIntent } = await paidReport();
    const [first, , third] = await Promise.all([
      t.app.payments!.retryRefunds(),
      t.app.payments!.refundForReport({ reportId, userId: student.userId, reason: 'internal' }),
      t.app.payments!.retryRefunds(),
    ]);
    expect([first, third]).toEqual([1, 1]);
    expect(atStripe(paymentIntent).refunds).toHaveLength(1);
    expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({ status: 'refunded' });
  });

  it('records on the retry a refund that was made but could not be stored, without refunding again', async () => {
    // The first change of a payment to `refunded` fails in the database (once: the sequence is not transactional).
    await database.query('CREATE SEQUENCE refund_store_fails');
    await database.query(`CREATE FUNCTION refund_store_fails() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'refunded' AND nextval('refund_store_fails') = 1 THEN RAISE EXCEPTION 'simulated database failure'; END IF;
        RETURN NEW;
      END $$`);
    await database.query(
      'CREATE TRIGGER payments_refund_store_fails BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION refund_store_fails()',
    );
    try {
      const { sessionId, reportId, paymentIntent } = await paidReport();
      expect(atStripe(paymentIntent).refunds).toHaveLength(1);
      expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({
        status: 'succeeded',
        refundAttempts: 0,
      });
      expect(
        t.logs.some(
          (l) => l.msg === 'refund made but not recorded; the retry will find it refunded' && l.report_id === reportId,
        ),
      ).toBe(true);

      expect(await t.app.payments!.retryRefunds()).toBe(1);
      expect(atStripe(paymentIntent).refunds).toHaveLength(1);
      expect(atStripe(paymentIntent).calls.map((c) => [c.idempotencyKey, c.replayed])).toEqual([
        [refundKey(reportId, 0), false],
        [refundKey(reportId, 0), true],
      ]);
      expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({ status: 'refunded' });
    } finally {
      await database.query('DROP TRIGGER payments_refund_store_fails ON payments');
    }
  });

  it('leaves reports without a payment alone', async () => {
    const before = stripe.requests.length;
    await t.app.payments!.refundForReport({
      reportId: '00000000-0000-4000-8000-000000000000',
      userId: student.userId,
      reason: 'internal',
    });
    await t.app.payments!.refundForReport({ reportId: 'not-a-uuid', userId: student.userId, reason: 'internal' });
    expect(stripe.requests.length).toBe(before);
  });
});

describe('the refund sweeper', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it(`retries refunds still due every ${REFUND_RETRY_INTERVAL_MS / 60_000} minutes, and stops on close`, async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const swept = await buildTestApp(database, stripe.env(failingGemini()));
    try {
      stripe.fail('create_refund', { status: 503 });
      const { sessionId, paymentIntent } = await paidReport(swept.app);
      expect(await swept.app.repos.payments.findBySession(sessionId)).toMatchObject({
        status: 'succeeded',
        refundAttempts: 1,
      });
      // Only this app's interval was made under fake timers: advancing them runs its sweeper alone.
      vi.advanceTimersByTime(REFUND_RETRY_INTERVAL_MS);
      await vi.waitFor(async () => {
        expect(await swept.app.repos.payments.findBySession(sessionId)).toMatchObject({ status: 'refunded' });
      });
      expect(atStripe(paymentIntent).refunds).toHaveLength(1);
    } finally {
      await swept.close();
    }
    expect(vi.getTimerCount()).toBe(0);
  });
});
