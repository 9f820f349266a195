import Stripe from 'stripe';

/** What a Stripe call was doing when it failed. */
export type ProviderOperation = 'checkout' | 'retrieve' | 'refund';

/** The loggable facts of a failed Stripe call: never the request body, never card data. */
export interface ProviderFailure {
  readonly type: string;
  readonly code?: string;
  readonly status?: number;
  readonly stripe_request_id?: string;
  readonly message: string;
}

/** Describes any error thrown by the Stripe SDK (or the network under it) for the logs. */
export function describeProviderError(error: unknown): ProviderFailure {
  if (error instanceof Stripe.errors.StripeError) {
    return {
      type: error.type,
      ...(error.code ? { code: error.code } : {}),
      ...(error.statusCode ? { status: error.statusCode } : {}),
      ...(error.requestId ? { stripe_request_id: error.requestId } : {}),
      message: error.message,
    };
  }
  return {
    type: error instanceof Error ? error.name : 'unknown',
    message: String(error instanceof Error ? error.message : error),
  };
}

/** Stripe could not be reached or refused a call. */
export class PaymentProviderError extends Error {
  /** The loggable facts of the failure. */
  readonly failure: ProviderFailure;

  /**
   * @param operation what the call was doing.
   * @param cause the SDK's error.
   */
  constructor(
    readonly operation: ProviderOperation,
    cause: unknown,
  ) {
    const failure = describeProviderError(cause);
    super(`Stripe ${operation} failed: ${failure.message}`, { cause });
    this.name = 'PaymentProviderError';
    this.failure = failure;
  }
}

/** A webhook whose `Stripe-Signature` is missing, malformed, wrong or too old, or whose body is not the signed one. */
export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/** A webhook body that is empty, or signed but not a Stripe event in JSON. */
export class WebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookPayloadError';
  }
}
