import type Stripe from 'stripe';
import { orderMetadata, type OrderRequest } from './order.js';

/** The currency of every payment (the database allows no other). */
export const CURRENCY = 'gbp';

/** What one Checkout Session is for: the subject as the query rules read it ("Nursing"), its id and the profile. */
export interface CheckoutRequest extends OrderRequest {
  readonly userId: string;
  /** `REPORT_PRICE_GBP` in pence. */
  readonly pricePence: number;
  /** `APP_URL`, without a trailing slash. */
  readonly appUrl: string;
}

/** The web app's page Stripe returns to after payment; Stripe fills in `{CHECKOUT_SESSION_ID}`. */
export function successUrl(appUrl: string): string {
  return `${appUrl}/chat/success?session_id={CHECKOUT_SESSION_ID}`;
}

/** The web app's page Stripe returns to when the student cancels. */
export function cancelUrl(appUrl: string): string {
  return `${appUrl}/chat?payment=cancelled`;
}

/**
 * The parameters of a Checkout Session for one report: payment mode, one line item in GBP named after the
 * subject, the user as `client_reference_id`, and `user_id`, `country` and the order (subject, subject id,
 * profile) as metadata (also on the PaymentIntent, so that a refund in Stripe's dashboard shows what it was for).
 */
export function checkoutSessionParams({
  userId,
  pricePence,
  appUrl,
  ...order
}: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  const { subject } = order;
  const metadata = { user_id: userId, ...orderMetadata(order), country: 'UK' };
  return {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: CURRENCY,
          unit_amount: pricePence,
          product_data: { name: `UK study & migration report: ${subject}` },
        },
      },
    ],
    client_reference_id: userId,
    metadata,
    payment_intent_data: { metadata },
    success_url: successUrl(appUrl),
    cancel_url: cancelUrl(appUrl),
  };
}
