import Stripe from 'stripe';
import type { PaymentRow, Repositories } from '@uksmr/database';
import type { BaseLogger } from 'pino';
import { describeProviderError } from './errors.js';

/** How a refund attempt ended. */
export type RefundOutcome = 'refunded' | 'failed';

/**
 * The idempotency key of one refund attempt: per report, and per attempt, because Stripe replays the saved
 * response (a 500 included) to a repeated key for 24 hours. Two attempts can still never refund twice: each
 * asks for the whole amount, and Stripe refuses to refund a charge that is already refunded.
 */
export function refundKey(reportId: string, attempt: number): string {
  return `refund-${reportId}-${attempt}`;
}

/** Stripe's answer to a refund of a charge that is already fully refunded (an earlier attempt went through). */
function alreadyRefunded(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'charge_already_refunded';
}

/** What the refunder works with. */
export interface RefunderDeps {
  readonly stripe: Stripe;
  readonly repos: Repositories;
  readonly logger: Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
}

/**
 * Refunds paid reports that failed, in full. A failed attempt is counted on the payment with its error, and the
 * payment stays `succeeded`, so `listRefundsDue()` finds it again until a refund goes through.
 */
export class Refunder {
  constructor(private readonly deps: RefunderDeps) {}

  /** Refunds `payment` (which paid for `reportId`) and marks it refunded with `reason`; never throws. */
  async refund(payment: PaymentRow, reportId: string, reason: string): Promise<RefundOutcome> {
    const { stripe, repos, logger } = this.deps;
    const context = { payment_id: payment.paymentId, report_id: reportId, user_id: payment.userId };
    let refundId: string | null = null;
    try {
      if (!payment.stripePaymentIntentId) throw new Error('the payment has no PaymentIntent');
      const refund = await stripe.refunds.create(
        {
          payment_intent: payment.stripePaymentIntentId,
          metadata: { report_id: reportId, payment_id: payment.paymentId },
        },
        { idempotencyKey: refundKey(reportId, payment.refundAttempts) },
      );
      if (refund.status === 'failed' || refund.status === 'canceled')
        throw new Error(`the refund ${refund.id} is ${refund.status}`);
      refundId = refund.id;
    } catch (error) {
      if (!alreadyRefunded(error)) return this.failed(payment, context, error);
    }
    try {
      if (await repos.payments.markRefunded(payment.paymentId, reason)) {
        logger.info(
          { ...context, refund_id: refundId, amount_pence: payment.amountPence, currency: payment.currency, reason },
          'payment refunded',
        );
      }
      return 'refunded';
    } catch (error) {
      logger.error(
        { ...context, refund_id: refundId, err: error },
        'refund made but not recorded; the retry will find it refunded',
      );
      return 'failed';
    }
  }

  /** Counts and logs a failed attempt; the payment stays due for the retry. */
  private async failed(payment: PaymentRow, context: Record<string, string>, error: unknown): Promise<RefundOutcome> {
    const { repos, logger } = this.deps;
    const failure = describeProviderError(error);
    logger.error(
      { ...context, attempt: payment.refundAttempts + 1, amount_pence: payment.amountPence, ...failure },
      'refund failed; it will be retried',
    );
    await repos.payments
      .recordRefundFailure(payment.paymentId, failure.message)
      .catch((storeError: unknown) => logger.error({ ...context, err: storeError }, 'refund failure not recorded'));
    return 'failed';
  }

  /** Retries every refund still due (a succeeded payment whose report failed); returns how many went through. */
  async retryDue(): Promise<number> {
    let refunded = 0;
    for (const payment of await this.deps.repos.payments.listRefundsDue()) {
      if ((await this.refund(payment, payment.reportId!, 'report generation failed')) === 'refunded') refunded += 1;
    }
    return refunded;
  }
}
