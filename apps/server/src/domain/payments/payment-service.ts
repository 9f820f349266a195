import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { createRepositories, type Database, type PaymentStatus, type Repositories } from '@uksmr/database';
import type { BaseLogger } from 'pino';
import type { FailureHook } from '../generation/generation-service.js';
import { checkoutSessionParams, CURRENCY } from './checkout.js';
import { describeProviderError, PaymentProviderError } from './errors.js';
import { retrievedSessionAction, verifyEvent, type PaymentAction } from './events.js';
import { PaymentLedger, type EventRef } from './ledger.js';
import { orderMetadata, type OrderRequest } from './order.js';
import { Refunder } from './refunds.js';
import type { ReportChange } from '../reports/read-cache.js';

/** What the payment service runs on. */
export interface PaymentServiceDeps {
  readonly database: Database;
  readonly stripe: Stripe;
  /** `STRIPE_WEBHOOK_SECRET`. */
  readonly webhookSecret: string;
  /** `REPORT_PRICE_GBP` in pence. */
  readonly pricePence: number;
  /** `APP_URL`, without a trailing slash. */
  readonly appUrl: string;
  readonly logger: Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
  /** Starts generating a report that was just paid for (after the commit). */
  readonly startGeneration: (reportId: string) => void;
  /** Told at once, after commit, of the report a payment created (the read cache forgets the owner's lists). */
  readonly onReportChanged?: (change: ReportChange) => void;
}

/** A new Checkout Session: where to send the student, and its id. */
export interface Checkout {
  readonly checkoutUrl: string;
  readonly sessionId: string;
}

/** A payment as the success page sees it. */
export interface PaymentView {
  readonly status: PaymentStatus;
  readonly reportId: string | null;
}

/** How a webhook or a success-page look ended (for the logs and tests). */
export type PaymentOutcome = 'fulfilled' | 'failed' | 'refunded' | 'unchanged' | 'duplicate' | 'unknown' | 'ignored';

/** A handled webhook event. */
export interface HandledEvent {
  readonly eventId: string;
  readonly type: string;
  readonly outcome: PaymentOutcome;
}

/** Where a payment was confirmed: Stripe's webhook, or the success page asking Stripe first. */
type Via = 'webhook' | 'success_page';

/**
 * Payments for reports: Stripe Checkout Sessions, verified webhooks, exactly-once fulfilment (from the webhook
 * and from the success page, whichever comes first), and refunds of paid reports that fail.
 */
export class PaymentService {
  private readonly repos: Repositories;
  private readonly ledger: PaymentLedger;
  private readonly refunder: Refunder;
  private retrying: Promise<number> | null = null;

  constructor(private readonly deps: PaymentServiceDeps) {
    this.repos = createRepositories(deps.database);
    this.ledger = new PaymentLedger(deps.database);
    this.refunder = new Refunder({ stripe: deps.stripe, repos: this.repos, logger: deps.logger });
  }

  /**
   * Creates a Checkout Session for one report (the order: subject, subject id, profile) and stores the pending
   * payment with the order in its metadata. No report exists
   * until Stripe confirms the payment.
   *
   * @param payments where the pending payment is stored: by default the database; the daily cap passes the
   *   transaction in which it counted the user's open checkouts.
   * @throws {PaymentProviderError} when Stripe cannot be reached or refuses.
   */
  async createCheckout(
    { userId, ...order }: OrderRequest & { userId: string },
    payments: Repositories['payments'] = this.repos.payments,
  ): Promise<Checkout> {
    const { stripe, pricePence, appUrl, logger } = this.deps;
    let session: Stripe.Checkout.Session;
    try {
      session = await stripe.checkout.sessions.create(checkoutSessionParams({ userId, ...order, pricePence, appUrl }), {
        idempotencyKey: `checkout-${randomUUID()}`,
      });
    } catch (error) {
      throw new PaymentProviderError('checkout', error);
    }
    if (!session.url) throw new PaymentProviderError('checkout', new Error(`session ${session.id} has no url`));
    await payments.createPending({
      userId,
      checkoutSessionId: session.id,
      amountPence: pricePence,
      metadata: { ...orderMetadata(order), country: 'UK' },
    });
    logger.info(
      { user_id: userId, session_id: session.id, amount_pence: pricePence, currency: CURRENCY },
      'checkout created',
    );
    return { checkoutUrl: session.url, sessionId: session.id };
  }

  /**
   * Verifies and applies one webhook delivery. A database error propagates (the route answers 500 and Stripe
   * delivers again; the event was not recorded).
   *
   * @throws {WebhookSignatureError} / {WebhookPayloadError} for a delivery that is not a signed Stripe event.
   */
  async handleWebhook(body: Buffer | undefined, signature: string | undefined): Promise<HandledEvent> {
    const event = verifyEvent(this.deps.stripe.webhooks, body, signature, this.deps.webhookSecret);
    const outcome = await this.apply(event.action, { id: event.id, type: event.type }, 'webhook');
    this.deps.logger.info({ event_id: event.id, type: event.type, outcome }, 'stripe event handled');
    return { eventId: event.id, type: event.type, outcome };
  }

  /**
   * The owner's payment of a Checkout Session, or null for anyone else's. A pending one is first looked up at
   * Stripe and, when paid, fulfilled through the same path as the webhook (fulfil on both, as Stripe advises).
   */
  async statusForOwner(userId: string, sessionId: string): Promise<PaymentView | null> {
    const payment = await this.repos.payments.findBySessionForOwner(userId, sessionId);
    if (!payment) return null;
    if (payment.status !== 'pending') return { status: payment.status, reportId: payment.reportId };
    const action = await this.retrieve(sessionId);
    if (action.kind === 'ignore') return { status: payment.status, reportId: payment.reportId };
    await this.apply(action, null, 'success_page');
    const latest = (await this.repos.payments.findBySessionForOwner(userId, sessionId))!;
    return { status: latest.status, reportId: latest.reportId };
  }

  /** The action of the session as Stripe has it now; `ignore` when Stripe cannot say (the webhook will). */
  private async retrieve(sessionId: string): Promise<PaymentAction> {
    try {
      return retrievedSessionAction(await this.deps.stripe.checkout.sessions.retrieve(sessionId));
    } catch (error) {
      this.deps.logger.warn(
        { session_id: sessionId, ...describeProviderError(error) },
        'checkout session lookup failed',
      );
      return { kind: 'ignore', why: 'Stripe could not be asked' };
    }
  }

  /** Applies an action once per event; generation starts after the fulfilment is committed. */
  private async apply(action: PaymentAction, event: EventRef | null, via: Via): Promise<PaymentOutcome> {
    const { logger } = this.deps;
    const eventId = event?.id ?? null;
    switch (action.kind) {
      case 'fulfil': {
        const applied = await this.ledger.fulfil(action.sessionId, action.paymentIntentId, event);
        if (applied.duplicate) return 'duplicate';
        const { result } = applied;
        if (result.kind === 'unknown') {
          logger.warn({ session_id: action.sessionId, event_id: eventId }, 'paid checkout session is not ours');
          return 'unknown';
        }
        if (result.kind === 'not-pending') return 'unchanged';
        const { payment, report } = result;
        logger.info(
          {
            payment_id: payment.paymentId,
            report_id: report.reportId,
            user_id: payment.userId,
            session_id: action.sessionId,
            payment_intent_id: action.paymentIntentId,
            amount_pence: payment.amountPence,
            currency: payment.currency,
            event_id: eventId,
            via,
          },
          'payment succeeded',
        );
        this.deps.onReportChanged?.({ userId: report.userId, reportId: report.reportId });
        this.deps.startGeneration(report.reportId);
        return 'fulfilled';
      }
      case 'fail': {
        const applied = await this.ledger.fail(action.sessionId, event);
        if (applied.duplicate) return 'duplicate';
        if (!applied.result) return 'unchanged';
        logger.info(
          { session_id: action.sessionId, event_id: eventId, event_type: event?.type ?? null, via },
          'payment failed',
        );
        return 'failed';
      }
      case 'refunded': {
        const applied = await this.ledger.refunded(action.paymentIntentId, 'refunded in Stripe', event);
        if (applied.duplicate) return 'duplicate';
        if (!applied.result) return 'unchanged';
        const payment = applied.result;
        logger.info(
          {
            payment_id: payment.paymentId,
            report_id: payment.reportId,
            amount_pence: payment.amountPence,
            currency: payment.currency,
            event_id: eventId,
          },
          'payment refunded',
        );
        return 'refunded';
      }
      case 'ignore':
        logger.debug({ event_id: eventId, event_type: event?.type ?? null, why: action.why }, 'stripe event ignored');
        return 'ignored';
    }
  }

  /** The generation service's failure hook: refunds the payment of a failed paid report, once; never throws. */
  readonly refundForReport: FailureHook = async ({ reportId, reason }) => {
    try {
      const payment = await this.repos.payments.findByReport(reportId);
      if (payment?.status !== 'succeeded') return;
      await this.refunder.refund(payment, reportId, `report generation failed (${reason})`);
    } catch (error) {
      this.deps.logger.error({ report_id: reportId, err: error }, 'refund not attempted; it will be retried');
    }
  };

  /** Retries every refund still due; one run at a time. Returns how many refunds went through. */
  retryRefunds(): Promise<number> {
    this.retrying ??= this.refunder.retryDue().finally(() => {
      this.retrying = null;
    });
    return this.retrying;
  }

  /** Resolves when a running refund retry has ended (graceful shutdown). */
  async idle(): Promise<void> {
    await this.retrying?.catch(() => undefined);
  }
}
