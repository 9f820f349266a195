import type { PaymentRow, PaymentStatus, Queryable } from '../types.js';
import { changed, firstRow, isUuid, jsonParam } from './sql.js';

/** A `payments` row as the drivers return it. */
interface PaymentRecord {
  payment_id: string;
  user_id: string;
  report_id: string | null;
  stripe_checkout_session_id: string;
  stripe_payment_intent_id: string | null;
  amount_pence: number;
  currency: 'gbp';
  status: PaymentStatus;
  refund_reason: string | null;
  refund_attempts: number;
  last_refund_error: string | null;
  created_at: Date;
  succeeded_at: Date | null;
  refunded_at: Date | null;
  updated_at: Date;
  metadata: Record<string, unknown>;
}

function toPayment(row: PaymentRecord): PaymentRow {
  return {
    paymentId: row.payment_id,
    userId: row.user_id,
    reportId: row.report_id,
    stripeCheckoutSessionId: row.stripe_checkout_session_id,
    stripePaymentIntentId: row.stripe_payment_intent_id,
    amountPence: row.amount_pence,
    currency: row.currency,
    status: row.status,
    refundReason: row.refund_reason,
    refundAttempts: row.refund_attempts,
    lastRefundError: row.last_refund_error,
    createdAt: row.created_at,
    succeededAt: row.succeeded_at,
    refundedAt: row.refunded_at,
    updatedAt: row.updated_at,
    metadata: row.metadata,
  };
}

/** Stripe Checkout payments, one per Checkout Session; each pays for at most one report. */
export interface PaymentsRepository {
  createPending(input: {
    userId: string;
    checkoutSessionId: string;
    amountPence: number;
    metadata?: Record<string, unknown>;
  }): Promise<PaymentRow>;
  /** The owner's payment of this Checkout Session; null for anyone else. */
  findBySessionForOwner(userId: string, sessionId: string): Promise<PaymentRow | null>;
  /** The payment of a Checkout Session (webhooks, which carry no user). */
  findBySession(sessionId: string): Promise<PaymentRow | null>;
  findByReport(reportId: string): Promise<PaymentRow | null>;
  /** The payment made through this PaymentIntent (a refund reported by Stripe); null when none is. */
  findByPaymentIntent(paymentIntentId: string): Promise<PaymentRow | null>;
  /** Marks a `pending` payment `succeeded` and returns it; null from any other status (a repeated webhook). */
  markSucceeded(sessionId: string, paymentIntentId: string): Promise<PaymentRow | null>;
  /** Links the payment to its report; false when it already has one (a second report for one payment). */
  linkReport(paymentId: string, reportId: string): Promise<boolean>;
  /** Marks a `pending` payment `failed`; false from any other status. */
  markFailed(sessionId: string): Promise<boolean>;
  /** Marks a `succeeded` payment `refunded`; false from any other status. */
  markRefunded(paymentId: string, reason: string): Promise<boolean>;
  /** Counts a failed refund attempt of a `succeeded` payment and keeps its error; false otherwise. */
  recordRefundFailure(paymentId: string, error: string): Promise<boolean>;
  /** Succeeded payments whose report failed, oldest first (at most `limit`, default 100). */
  listRefundsDue(limit?: number): Promise<PaymentRow[]>;
}

/** The payments repository over `q`. */
export function paymentsRepository(q: Queryable): PaymentsRepository {
  const one = async (sql: string, params: readonly unknown[]): Promise<PaymentRow | null> => {
    const row = firstRow(await q.query<PaymentRecord>(sql, params));
    return row && toPayment(row);
  };
  return {
    async createPending({ userId, checkoutSessionId, amountPence, metadata = {} }) {
      const row = await one(
        `INSERT INTO payments (user_id, stripe_checkout_session_id, amount_pence, metadata)
         VALUES ($1, $2, $3, $4::jsonb) RETURNING *`,
        [userId, checkoutSessionId, amountPence, jsonParam(metadata)],
      );
      return row!;
    },
    findBySessionForOwner: (userId, sessionId) =>
      one('SELECT * FROM payments WHERE stripe_checkout_session_id = $1 AND user_id = $2', [sessionId, userId]),
    findBySession: (sessionId) => one('SELECT * FROM payments WHERE stripe_checkout_session_id = $1', [sessionId]),
    async findByReport(reportId) {
      if (!isUuid(reportId)) return null;
      return one('SELECT * FROM payments WHERE report_id = $1', [reportId]);
    },
    findByPaymentIntent: (paymentIntentId) =>
      one('SELECT * FROM payments WHERE stripe_payment_intent_id = $1', [paymentIntentId]),
    markSucceeded: (sessionId, paymentIntentId) =>
      one(
        `UPDATE payments SET status = 'succeeded', stripe_payment_intent_id = $2, succeeded_at = now()
         WHERE stripe_checkout_session_id = $1 AND status = 'pending' RETURNING *`,
        [sessionId, paymentIntentId],
      ),
    async linkReport(paymentId, reportId) {
      return changed(
        await q.query('UPDATE payments SET report_id = $2 WHERE payment_id = $1 AND report_id IS NULL', [
          paymentId,
          reportId,
        ]),
      );
    },
    async markFailed(sessionId) {
      return changed(
        await q.query(
          `UPDATE payments SET status = 'failed' WHERE stripe_checkout_session_id = $1 AND status = 'pending'`,
          [sessionId],
        ),
      );
    },
    async markRefunded(paymentId, reason) {
      return changed(
        await q.query(
          `UPDATE payments SET status = 'refunded', refund_reason = $2, refunded_at = now()
           WHERE payment_id = $1 AND status = 'succeeded'`,
          [paymentId, reason],
        ),
      );
    },
    async recordRefundFailure(paymentId, error) {
      return changed(
        await q.query(
          `UPDATE payments SET refund_attempts = refund_attempts + 1, last_refund_error = $2
           WHERE payment_id = $1 AND status = 'succeeded'`,
          [paymentId, error],
        ),
      );
    },
    async listRefundsDue(limit = 100) {
      const result = await q.query<PaymentRecord>(
        `SELECT p.* FROM payments p JOIN reports r ON r.report_id = p.report_id
         WHERE r.status = 'failed' AND p.status = 'succeeded'
         ORDER BY p.created_at LIMIT $1`,
        [limit],
      );
      return result.rows.map(toPayment);
    },
  };
}
