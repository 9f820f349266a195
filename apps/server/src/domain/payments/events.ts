import type Stripe from 'stripe';
import { z } from 'zod';
import { WebhookPayloadError, WebhookSignatureError } from './errors.js';

/** Oldest signature timestamp accepted, in seconds (Stripe's default, and the contract's). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** A reference Stripe sends as an id, or as the expanded object. */
const idRef = z.union([z.string(), z.object({ id: z.string() }).transform((expanded) => expanded.id)]);

/** The fields of a Checkout Session that payments read. */
const sessionSchema = z.object({
  id: z.string().min(1),
  status: z.string().nullish(),
  payment_status: z.string(),
  payment_intent: idRef.nullish(),
});

/** The fields of a Charge that payments read. */
const chargeSchema = z.object({ refunded: z.boolean(), payment_intent: idRef.nullish() });

/** The envelope of every Stripe event. */
const eventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

/** What an event (or a retrieved Checkout Session) asks payments to do. */
export type PaymentAction =
  | { readonly kind: 'fulfil'; readonly sessionId: string; readonly paymentIntentId: string }
  | { readonly kind: 'fail'; readonly sessionId: string }
  | { readonly kind: 'refunded'; readonly paymentIntentId: string }
  | { readonly kind: 'ignore'; readonly why: string };

/** A verified Stripe event and what it asks for. */
export interface PaymentEvent {
  readonly id: string;
  readonly type: string;
  readonly action: PaymentAction;
}

const ignore = (why: string): PaymentAction => ({ kind: 'ignore', why });

/** Paid: fulfil; anything else (an asynchronous payment still on its way): wait for the next event. */
function paidAction(session: z.infer<typeof sessionSchema>): PaymentAction {
  if (session.payment_status !== 'paid') return ignore('the session is not paid yet');
  if (!session.payment_intent) return ignore('the paid session has no PaymentIntent');
  return { kind: 'fulfil', sessionId: session.id, paymentIntentId: session.payment_intent };
}

/** The action of a Checkout Session read from Stripe (success page): paid → fulfil, expired → fail. */
export function retrievedSessionAction(session: unknown): PaymentAction {
  const parsed = sessionSchema.safeParse(session);
  if (!parsed.success) return ignore('not a Checkout Session');
  if (parsed.data.status === 'expired') return { kind: 'fail', sessionId: parsed.data.id };
  return paidAction(parsed.data);
}

/** Reads the event's object with `schema`, or refuses the (signed, yet unreadable) body. */
function read<T>(schema: z.ZodType<T>, event: z.infer<typeof eventSchema>): T {
  const parsed = schema.safeParse(event.data.object);
  if (!parsed.success) throw new WebhookPayloadError(`The ${event.type} event does not carry the expected object.`);
  return parsed.data;
}

/**
 * The action of an event: a completed or asynchronously succeeded session that is paid → fulfil; a failed
 * asynchronous payment or an expired session → fail; a fully refunded charge → refunded; anything else → ignore.
 */
function eventAction(event: z.infer<typeof eventSchema>): PaymentAction {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return paidAction(read(sessionSchema, event));
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return { kind: 'fail', sessionId: read(sessionSchema, event).id };
    case 'charge.refunded': {
      const charge = read(chargeSchema, event);
      if (!charge.refunded) return ignore('the charge is only partly refunded');
      if (!charge.payment_intent) return ignore('the charge has no PaymentIntent');
      return { kind: 'refunded', paymentIntentId: charge.payment_intent };
    }
    default:
      return ignore('not an event payments handle');
  }
}

/**
 * Verifies a webhook with Stripe's scheme (HMAC-SHA256 of `<timestamp>.<raw body>`, any of the `v1` signatures,
 * at most {@link SIGNATURE_TOLERANCE_SECONDS} old) and reads it.
 *
 * @throws {WebhookPayloadError} for an empty body, and for a signed body that is not a Stripe event in JSON.
 * @throws {WebhookSignatureError} for a missing, malformed, wrong or old signature, or a body that is not the signed one.
 */
export function verifyEvent(
  webhooks: Stripe['webhooks'],
  body: Buffer | undefined,
  signature: string | undefined,
  secret: string,
): PaymentEvent {
  if (!body || body.length === 0) throw new WebhookPayloadError('The request body is empty.');
  if (!signature) throw new WebhookSignatureError('The Stripe-Signature header is missing.');
  let parsed: unknown;
  try {
    parsed = webhooks.constructEvent(body, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    // The body is parsed only once the signature holds; anything else the check throws is a bad header (the SDK
    // throws a plain Error, not StripeSignatureVerificationError, for an empty `v1=`).
    if (error instanceof SyntaxError) throw new WebhookPayloadError('The signed body is not valid JSON.');
    throw new WebhookSignatureError((error as Error).message);
  }
  const event = eventSchema.safeParse(parsed);
  if (!event.success) throw new WebhookPayloadError('The signed body is not a Stripe event.');
  return { id: event.data.id, type: event.data.type, action: eventAction(event.data) };
}
