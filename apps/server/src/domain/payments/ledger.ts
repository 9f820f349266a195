import { createRepositories, type Database, type PaymentRow, type ReportRow, type Repositories } from '@uksmr/database';
import { orderFromMetadata } from './order.js';

/** The Stripe event a change comes from; none when the success page found the payment first. */
export interface EventRef {
  readonly id: string;
  readonly type: string;
}

/** What applying a change did: nothing when its event was handled before, else the change's own result. */
export type Applied<T> = { readonly duplicate: true } | { readonly duplicate: false; readonly result: T };

/** What a fulfilment did. */
export type Fulfilment =
  | { readonly kind: 'fulfilled'; readonly payment: PaymentRow; readonly report: ReportRow }
  /** The payment was fulfilled before (another event, instance or the success page), or it failed. */
  | { readonly kind: 'not-pending'; readonly payment: PaymentRow }
  /** No payment of ours has this Checkout Session. */
  | { readonly kind: 'unknown' };

/**
 * The database side of payments. Each change runs in one transaction together with the record of the event
 * that caused it, so an event is recorded exactly when its work is committed: a rolled-back attempt leaves it
 * unrecorded for Stripe's redelivery, and a redelivered (or concurrently delivered) event finds it recorded.
 */
export class PaymentLedger {
  constructor(private readonly database: Database) {}

  /** Runs `work` in a transaction that first records `event` (when given); nothing runs for a recorded event. */
  private once<T>(event: EventRef | null, work: (repos: Repositories) => Promise<T>): Promise<Applied<T>> {
    return this.database.transaction(async (tx) => {
      const repos = createRepositories(tx);
      if (event && !(await repos.stripeEvents.recordOnce(event.id, event.type))) return { duplicate: true };
      return { duplicate: false, result: await work(repos) };
    });
  }

  /**
   * Marks a pending payment succeeded, creates its report and links the two. The status change happens only
   * from `pending` (concurrent attempts wait on the row and then find it succeeded) and `report_id` is unique,
   * so a second report is impossible, however often and wherever this runs.
   */
  fulfil(sessionId: string, paymentIntentId: string, event: EventRef | null): Promise<Applied<Fulfilment>> {
    return this.once(event, async (repos): Promise<Fulfilment> => {
      const paid = await repos.payments.markSucceeded(sessionId, paymentIntentId);
      if (!paid) {
        const payment = await repos.payments.findBySession(sessionId);
        return payment ? { kind: 'not-pending', payment } : { kind: 'unknown' };
      }
      // Only the one transaction whose status change won gets here, and a pending payment has no report yet.
      const report = await repos.reports.create({
        userId: paid.userId,
        ...orderFromMetadata(paid.metadata, paid.paymentId),
      });
      await repos.payments.linkReport(paid.paymentId, report.reportId);
      return { kind: 'fulfilled', payment: { ...paid, reportId: report.reportId }, report };
    });
  }

  /** Marks a pending payment failed (expired or failed asynchronous payment); false from any other status. */
  fail(sessionId: string, event: EventRef | null): Promise<Applied<boolean>> {
    return this.once(event, (repos) => repos.payments.markFailed(sessionId));
  }

  /** Marks the succeeded payment of a PaymentIntent refunded (a refund Stripe reports); null when nothing changed. */
  refunded(paymentIntentId: string, reason: string, event: EventRef | null): Promise<Applied<PaymentRow | null>> {
    return this.once(event, async (repos) => {
      const payment = await repos.payments.findByPaymentIntent(paymentIntentId);
      return payment && (await repos.payments.markRefunded(payment.paymentId, reason)) ? payment : null;
    });
  }
}
