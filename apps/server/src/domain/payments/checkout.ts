import type Stripe from 'stripe';

/** The currency of every payment (the database allows no other). */
export const CURRENCY = 'gbp';

/** What one Checkout Session is for. */
export interface CheckoutRequest {
  readonly userId: string;
  /** The subject as the query rules read it ("Nursing"). */
  readonly subject: string;
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
 * subject, the user as `client_reference_id`, and `user_id`/`subject`/`country` as metadata (also on the
 * PaymentIntent, so that a refund in Stripe's dashboard shows what it was for).
 */
export function checkoutSessionParams({ userId, subject, pricePence, appUrl }: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  const metadata = { user_id: userId, subject, country: 'UK' };
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
