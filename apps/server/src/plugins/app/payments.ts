import fp from 'fastify-plugin';
import type { Repositories } from '@uksmr/database';
import type { FailureHook } from '../../domain/generation/generation-service.js';
import { PaymentProviderError } from '../../domain/payments/errors.js';
import { PaymentService, type HandledEvent, type PaymentView } from '../../domain/payments/payment-service.js';
import { createStripeClient } from '../../domain/payments/stripe-client.js';
import type { OrderRequest } from '../../domain/payments/order.js';
import { ApiError } from '../../errors.js';

/** Payments as the routes and the generation service use them. */
export interface PaymentsApi {
  /**
   * Creates a Stripe Checkout Session for one report (the order: subject, subject id, profile) and stores a pending
   * payment (502 when Stripe fails); `payments` lets the daily-cap transaction store it.
   */
  createCheckout(
    input: OrderRequest & { userId: string },
    payments?: Repositories['payments'],
  ): Promise<{ checkout_url: string; session_id: string }>;
  /** Refunds the payment of a failed report, once. */
  refundForReport: FailureHook;
  /** Verifies and applies one delivery of Stripe's webhook (raw body, `Stripe-Signature` header). */
  handleWebhook(body: Buffer | undefined, signature: string | undefined): Promise<HandledEvent>;
  /** The owner's payment of a Checkout Session (fulfilled first when Stripe says it is paid); null for anyone else. */
  statusForOwner(userId: string, sessionId: string): Promise<PaymentView | null>;
  /** Retries every refund still due now (the sweeper does this every {@link REFUND_RETRY_INTERVAL_MS}). */
  retryRefunds(): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Present only when ENABLE_PAYMENTS is on (typed as it is: absent otherwise). `buildApp` checks it once and hands
     * it to the routes and the generation service that need it.
     */
    readonly payments?: PaymentsApi;
  }
}

/** How often refunds that failed are retried. */
export const REFUND_RETRY_INTERVAL_MS = 5 * 60_000;

/** The 502 a student sees when Stripe cannot start a payment. */
export function paymentProviderError(): ApiError {
  return new ApiError(
    502,
    'PAYMENT_PROVIDER_ERROR',
    'Payment provider unavailable',
    'We could not start the payment with our payment provider. You have not been charged; please try again in a moment.',
  );
}

/**
 * Payments (ENABLE_PAYMENTS on only): decorates `app.payments` over the official Stripe client
 * (`STRIPE_API_BASE` when set) and retries refunds still due on an interval for the app's lifetime.
 */
export default fp(
  (app, _options, done) => {
    if (!app.services.flags.isEnabled('ENABLE_PAYMENTS')) return done();
    const { stripeSecretKey, stripeWebhookSecret, stripeApiBase, reportPricePence, appUrl } = app.config;
    if (!stripeSecretKey || !stripeWebhookSecret) {
      return done(new Error('ENABLE_PAYMENTS needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET'));
    }
    const service = new PaymentService({
      database: app.services.database,
      stripe: createStripeClient({ secretKey: stripeSecretKey, apiBase: stripeApiBase }),
      webhookSecret: stripeWebhookSecret,
      pricePence: reportPricePence,
      appUrl,
      logger: app.log,
      startGeneration: (reportId) => app.generation.start(reportId),
      onReportChanged: (change) => app.reportCache.changed(change),
    });
    const payments: PaymentsApi = {
      async createCheckout(input, store) {
        try {
          const checkout = await service.createCheckout(input, store);
          app.metrics.countPayment('checkout_created');
          return { checkout_url: checkout.checkoutUrl, session_id: checkout.sessionId };
        } catch (error) {
          app.metrics.countPayment('checkout_failed');
          if (!(error instanceof PaymentProviderError)) throw error;
          app.log.error({ user_id: input.userId, ...error.failure }, 'checkout not created');
          throw paymentProviderError();
        }
      },
      refundForReport: service.refundForReport,
      handleWebhook: async (body, signature) => {
        const handled = await service.handleWebhook(body, signature);
        app.metrics.countPayment(handled.outcome);
        return handled;
      },
      statusForOwner: (userId, sessionId) => service.statusForOwner(userId, sessionId),
      retryRefunds: () => service.retryRefunds(),
    };
    app.decorate('payments', payments);
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', (next) => {
      timer = setInterval(() => {
        service.retryRefunds().catch((error: unknown) => app.log.error({ err: error }, 'refund retry failed'));
      }, REFUND_RETRY_INTERVAL_MS).unref();
      next();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await service.idle();
    });
    done();
  },
  { name: 'payments', dependencies: ['services', 'metrics', 'report-cache'] },
);
