import Stripe from 'stripe';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkoutSessionParams } from '../src/domain/payments/checkout.js';
import { describeProviderError, PaymentProviderError } from '../src/domain/payments/errors.js';
import { stripeAddress } from '../src/domain/payments/stripe-client.js';
import type * as Events from '../src/domain/payments/events.js';
import type * as Errors from '../src/domain/payments/errors.js';

let verifyEvent: typeof Events.verifyEvent;
let retrievedSessionAction: typeof Events.retrievedSessionAction;
let WebhookPayloadError: typeof Errors.WebhookPayloadError;
let WebhookSignatureError: typeof Errors.WebhookSignatureError;

// `events.ts` (and the errors it throws) imported afresh, so that its module-level Zod schemas are built within this
// run: Stryker does not reload modules between mutant runs, and a schema built before the mutant was active would
// hide it.
beforeAll(async () => {
  vi.resetModules();
  ({ verifyEvent, retrievedSessionAction } = await import('../src/domain/payments/events.js'));
  ({ WebhookPayloadError, WebhookSignatureError } = await import('../src/domain/payments/errors.js'));
});

const secret = 'whsec_unit_test';
const { webhooks } = new Stripe('sk_test_unit');

/** Signs and verifies an event of `type` around `object`. */
function verify(type: string, object: Record<string, unknown>) {
  const payload = JSON.stringify({ id: 'evt_unit', object: 'event', type, data: { object } });
  return verifyEvent(
    webhooks,
    Buffer.from(payload),
    Stripe.webhooks.generateTestHeaderString({ payload, secret }),
    secret,
  );
}

const paidSession = {
  id: 'cs_test_1',
  object: 'checkout.session',
  status: 'complete',
  payment_status: 'paid',
  payment_intent: 'pi_1',
};

describe('reading Stripe events', () => {
  it('fulfils a paid completed session, whether its PaymentIntent is an id or expanded', () => {
    expect(verify('checkout.session.completed', paidSession)).toEqual({
      id: 'evt_unit',
      type: 'checkout.session.completed',
      action: { kind: 'fulfil', sessionId: 'cs_test_1', paymentIntentId: 'pi_1' },
    });
    const expanded = verify('checkout.session.async_payment_succeeded', {
      ...paidSession,
      payment_intent: { id: 'pi_2', object: 'payment_intent' },
    });
    expect(expanded.action).toEqual({ kind: 'fulfil', sessionId: 'cs_test_1', paymentIntentId: 'pi_2' });
  });

  it('waits on a completed session that is not paid yet, and ignores a paid one without a PaymentIntent', () => {
    expect(verify('checkout.session.completed', { ...paidSession, payment_status: 'unpaid' }).action).toMatchObject({
      kind: 'ignore',
    });
    expect(verify('checkout.session.completed', { ...paidSession, payment_intent: null }).action).toEqual({
      kind: 'ignore',
      why: 'the paid session has no PaymentIntent',
    });
  });

  it('fails a payment on expiry or a failed asynchronous payment', () => {
    for (const type of ['checkout.session.expired', 'checkout.session.async_payment_failed']) {
      expect(verify(type, { ...paidSession, payment_status: 'unpaid' }).action).toEqual({
        kind: 'fail',
        sessionId: 'cs_test_1',
      });
    }
  });

  it('reads charge.refunded: full refunds only, with a PaymentIntent', () => {
    expect(verify('charge.refunded', { refunded: true, payment_intent: 'pi_1' }).action).toEqual({
      kind: 'refunded',
      paymentIntentId: 'pi_1',
    });
    expect(verify('charge.refunded', { refunded: false, payment_intent: 'pi_1' }).action).toMatchObject({
      kind: 'ignore',
    });
    expect(verify('charge.refunded', { refunded: true, payment_intent: null }).action).toEqual({
      kind: 'ignore',
      why: 'the charge has no PaymentIntent',
    });
    expect(() => verify('charge.refunded', { refunded: 'yes' })).toThrow(WebhookPayloadError);
  });

  it('refuses a signed thin (v2) event notification as a bad delivery', () => {
    const payload = JSON.stringify({
      id: 'evt_thin',
      object: 'v2.core.event',
      type: 'v1.billing.meter.error_report_triggered',
    });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(() => verifyEvent(webhooks, Buffer.from(payload), header, secret)).toThrow(WebhookSignatureError);
  });
});

describe('verifying a webhook delivery', () => {
  const payload = JSON.stringify({
    id: 'evt_unit',
    object: 'event',
    type: 'checkout.session.completed',
    data: { object: paidSession },
  });
  const signed = (body: string) => Stripe.webhooks.generateTestHeaderString({ payload: body, secret });

  it('refuses an empty or missing body before looking at the signature', () => {
    expect(() => verifyEvent(webhooks, Buffer.alloc(0), signed(payload), secret)).toThrow(
      new WebhookPayloadError('The request body is empty.'),
    );
    expect(() => verifyEvent(webhooks, undefined, signed(payload), secret)).toThrow(
      new WebhookPayloadError('The request body is empty.'),
    );
  });

  it('refuses a missing, wrong or foreign signature, and a body that is not the signed one', () => {
    expect(() => verifyEvent(webhooks, Buffer.from(payload), undefined, secret)).toThrow(
      new WebhookSignatureError('The Stripe-Signature header is missing.'),
    );
    expect(() => verifyEvent(webhooks, Buffer.from(payload), '', secret)).toThrow(WebhookSignatureError);
    expect(() => verifyEvent(webhooks, Buffer.from(payload), 't=1,v1=00', secret)).toThrow(WebhookSignatureError);
    const foreign = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' });
    expect(() => verifyEvent(webhooks, Buffer.from(payload), foreign, secret)).toThrow(WebhookSignatureError);
    expect(() => verifyEvent(webhooks, Buffer.from(`${payload} `), signed(payload), secret)).toThrow(
      WebhookSignatureError,
    );
  });

  it('refuses a signature older than five minutes and accepts one just inside them', () => {
    const now = Math.floor(Date.now() / 1000);
    const at = (timestamp: number) => Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
    expect(() => verifyEvent(webhooks, Buffer.from(payload), at(now - 330), secret)).toThrow(WebhookSignatureError);
    expect(verifyEvent(webhooks, Buffer.from(payload), at(now - 270), secret).id).toBe('evt_unit');
  });

  it('refuses a signed body that is not JSON, or not a Stripe event', () => {
    expect(() => verifyEvent(webhooks, Buffer.from('not json'), signed('not json'), secret)).toThrow(
      new WebhookPayloadError('The signed body is not valid JSON.'),
    );
    const notEvent = JSON.stringify({ id: 'evt_unit', type: 'checkout.session.completed' });
    expect(() => verifyEvent(webhooks, Buffer.from(notEvent), signed(notEvent), secret)).toThrow(
      new WebhookPayloadError('The signed body is not a Stripe event.'),
    );
    const noId = JSON.stringify({ id: '', type: 'checkout.session.completed', data: { object: {} } });
    expect(() => verifyEvent(webhooks, Buffer.from(noId), signed(noId), secret)).toThrow(
      new WebhookPayloadError('The signed body is not a Stripe event.'),
    );
  });

  it('refuses an event whose object is not what its type promises, naming the type', () => {
    expect(() => verify('checkout.session.completed', { id: 'cs_1' })).toThrow(
      new WebhookPayloadError('The checkout.session.completed event does not carry the expected object.'),
    );
    expect(() => verify('checkout.session.expired', { id: '', payment_status: 'unpaid' })).toThrow(WebhookPayloadError);
  });

  it('says why it ignores an event', () => {
    expect(verify('checkout.session.completed', { ...paidSession, payment_status: 'unpaid' }).action).toEqual({
      kind: 'ignore',
      why: 'the session is not paid yet',
    });
    expect(verify('charge.refunded', { refunded: false, payment_intent: 'pi_1' }).action).toEqual({
      kind: 'ignore',
      why: 'the charge is only partly refunded',
    });
    expect(verify('customer.created', { id: 'cus_1' }).action).toEqual({
      kind: 'ignore',
      why: 'not an event payments handle',
    });
    expect(verify('charge.refunded', { refunded: true, payment_intent: { id: 'pi_9' } }).action).toEqual({
      kind: 'refunded',
      paymentIntentId: 'pi_9',
    });
  });
});

describe('reading a Checkout Session retrieved from Stripe', () => {
  it('fulfils a paid one, fails an expired one, and waits on an open one', () => {
    expect(retrievedSessionAction(paidSession)).toMatchObject({ kind: 'fulfil' });
    expect(retrievedSessionAction({ ...paidSession, status: 'expired', payment_status: 'unpaid' })).toEqual({
      kind: 'fail',
      sessionId: 'cs_test_1',
    });
    expect(retrievedSessionAction({ ...paidSession, status: 'open', payment_status: 'unpaid' })).toEqual({
      kind: 'ignore',
      why: 'the session is not paid yet',
    });
    expect(retrievedSessionAction({ ...paidSession, status: null })).toEqual({
      kind: 'fulfil',
      sessionId: 'cs_test_1',
      paymentIntentId: 'pi_1',
    });
    expect(retrievedSessionAction({ ...paidSession, id: '' })).toEqual({
      kind: 'ignore',
      why: 'not a Checkout Session',
    });
    expect(retrievedSessionAction({ id: 42 })).toEqual({ kind: 'ignore', why: 'not a Checkout Session' });
  });
});

describe('the Stripe client and its errors', () => {
  it('turns STRIPE_API_BASE into the SDK’s host, port and protocol', () => {
    expect(stripeAddress('http://127.0.0.1:12111')).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
    expect(stripeAddress('http://stripe-mock')).toEqual({ host: 'stripe-mock', port: 80, protocol: 'http' });
    expect(stripeAddress('https://api.example.test/')).toEqual({
      host: 'api.example.test',
      port: 443,
      protocol: 'https',
    });
  });

  it('describes SDK errors and other failures for the logs', () => {
    const sdk = new Stripe.errors.StripeInvalidRequestError({
      message: 'No such refund',
      code: 'resource_missing',
      statusCode: 404,
      requestId: 'req_1',
    });
    expect(describeProviderError(sdk)).toEqual({
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      status: 404,
      stripe_request_id: 'req_1',
      message: 'No such refund',
    });
    expect(describeProviderError(new TypeError('boom'))).toEqual({ type: 'TypeError', message: 'boom' });
    expect(describeProviderError('text')).toEqual({ type: 'unknown', message: 'text' });
    const wrapped = new PaymentProviderError('checkout', sdk);
    expect(wrapped).toMatchObject({ operation: 'checkout', cause: sdk, failure: { code: 'resource_missing' } });
    expect(wrapped.message).toBe('Stripe checkout failed: No such refund');
  });

  it('names the product after the subject and prices it in pence', () => {
    const params = checkoutSessionParams({
      userId: 'u1',
      subject: 'Law',
      pricePence: 299,
      appUrl: 'http://localhost:3000',
    });
    expect(params.line_items).toEqual([
      {
        quantity: 1,
        price_data: { currency: 'gbp', unit_amount: 299, product_data: { name: 'UK study & migration report: Law' } },
      },
    ]);
    expect(params.success_url).toBe('http://localhost:3000/chat/success?session_id={CHECKOUT_SESSION_ID}');
  });
});
