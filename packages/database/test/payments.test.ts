import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { targets, uniqueEmail, useRepositories } from './support/databases.js';

describe.each(targets)('payments and Stripe events on $name ($where)', (target) => {
  const db = useRepositories(target);

  const sessionId = () => `cs_test_${randomUUID()}`;

  /** A succeeded payment of a new user, with its report. */
  async function paidReport() {
    const userId = await db.newUser();
    const checkoutSessionId = sessionId();
    const pending = await db.repos.payments.createPending({ userId, checkoutSessionId, amountPence: 299 });
    const paid = (await db.repos.payments.markSucceeded(checkoutSessionId, `pi_${randomUUID()}`))!;
    const report = await db.repos.reports.create({ userId, subject: 'Pharmacy' });
    await db.repos.payments.linkReport(pending.paymentId, report.reportId);
    return { userId, payment: paid, report };
  }

  describe('payments', () => {
    it('creates a pending payment in pence and pounds sterling', async () => {
      const userId = await db.newUser();
      const checkoutSessionId = sessionId();
      const payment = await db.repos.payments.createPending({
        userId,
        checkoutSessionId,
        amountPence: 299,
        metadata: { subject: 'Nursing' },
      });
      expect(payment).toMatchObject({
        userId,
        reportId: null,
        stripeCheckoutSessionId: checkoutSessionId,
        stripePaymentIntentId: null,
        amountPence: 299,
        currency: 'gbp',
        status: 'pending',
        refundReason: null,
        refundAttempts: 0,
        lastRefundError: null,
        succeededAt: null,
        refundedAt: null,
        metadata: { subject: 'Nursing' },
      });
      const plain = await db.repos.payments.createPending({ userId, checkoutSessionId: sessionId(), amountPence: 1 });
      expect(plain.metadata).toEqual({});
    });

    it('refuses a zero amount and a second payment for one Checkout Session', async () => {
      const userId = await db.newUser();
      await expect(
        db.repos.payments.createPending({ userId, checkoutSessionId: sessionId(), amountPence: 0 }),
      ).rejects.toMatchObject({ code: '23514' });
      const checkoutSessionId = sessionId();
      await db.repos.payments.createPending({ userId, checkoutSessionId, amountPence: 299 });
      await expect(
        db.repos.payments.createPending({ userId, checkoutSessionId, amountPence: 299 }),
      ).rejects.toMatchObject({
        code: '23505',
      });
    });

    it('finds a payment by session (for its owner only) and by report', async () => {
      const { userId, payment, report } = await paidReport();
      const session = payment.stripeCheckoutSessionId;
      expect(await db.repos.payments.findBySessionForOwner(userId, session)).toMatchObject({
        paymentId: payment.paymentId,
      });
      expect(await db.repos.payments.findBySessionForOwner(await db.newUser(), session)).toBeNull();
      expect(await db.repos.payments.findBySession(session)).toMatchObject({ reportId: report.reportId });
      expect(await db.repos.payments.findBySession('cs_unknown')).toBeNull();
      expect(await db.repos.payments.findByReport(report.reportId)).toMatchObject({ paymentId: payment.paymentId });
      expect(await db.repos.payments.findByReport(randomUUID())).toBeNull();
      expect(await db.repos.payments.findByReport('not-a-uuid')).toBeNull();
      // A UUID with anything before or after it is no UUID (the query would fail on it, not find nothing).
      expect(await db.repos.payments.findByReport(`${report.reportId}0`)).toBeNull();
      expect(await db.repos.payments.findByReport(`0${report.reportId}`)).toBeNull();
      expect(await db.repos.payments.findByReport(report.reportId.toUpperCase())).toMatchObject({
        paymentId: payment.paymentId,
      });
    });

    it('succeeds once: a repeated confirmation gets null', async () => {
      const userId = await db.newUser();
      const checkoutSessionId = sessionId();
      await db.repos.payments.createPending({ userId, checkoutSessionId, amountPence: 299 });
      const paid = await db.repos.payments.markSucceeded(checkoutSessionId, 'pi_1');
      expect(paid).toMatchObject({ status: 'succeeded', stripePaymentIntentId: 'pi_1' });
      expect(paid!.succeededAt).toBeInstanceOf(Date);
      expect(await db.repos.payments.markSucceeded(checkoutSessionId, 'pi_1')).toBeNull();
      expect(await db.repos.payments.markFailed(checkoutSessionId)).toBe(false);
    });

    it('lets one of several concurrent confirmations win', async () => {
      const checkoutSessionId = sessionId();
      await db.repos.payments.createPending({ userId: await db.newUser(), checkoutSessionId, amountPence: 299 });
      const results = await Promise.all(
        [1, 2, 3].map(() => db.repos.payments.markSucceeded(checkoutSessionId, 'pi_x')),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('fails a pending payment only', async () => {
      const checkoutSessionId = sessionId();
      await db.repos.payments.createPending({ userId: await db.newUser(), checkoutSessionId, amountPence: 299 });
      expect(await db.repos.payments.markFailed(checkoutSessionId)).toBe(true);
      expect(await db.repos.payments.markFailed(checkoutSessionId)).toBe(false);
      expect(await db.repos.payments.markSucceeded(checkoutSessionId, 'pi_late')).toBeNull();
    });

    it('pays for one report only: a second link is refused, and a report cannot be paid twice', async () => {
      const { userId, payment, report } = await paidReport();
      const second = await db.repos.reports.create({ userId, subject: 'again' });
      expect(await db.repos.payments.linkReport(payment.paymentId, second.reportId)).toBe(false);
      expect(await db.repos.payments.findByReport(second.reportId)).toBeNull();
      const other = await db.repos.payments.createPending({ userId, checkoutSessionId: sessionId(), amountPence: 299 });
      await expect(db.repos.payments.linkReport(other.paymentId, report.reportId)).rejects.toMatchObject({
        code: '23505',
      });
    });

    it('lists succeeded payments whose report failed, and refunds each once', async () => {
      const failed = await paidReport();
      const completed = await paidReport();
      await db.repos.reports.claim(failed.report.reportId);
      await db.repos.reports.fail(failed.report.reportId, 'model error');
      await db.repos.reports.claim(completed.report.reportId);
      await db.repos.reports.complete(completed.report.reportId, {
        content: {},
        citations: [],
        generationMetadata: {},
      });

      const due = await db.repos.payments.listRefundsDue();
      expect(due.map((p) => p.paymentId)).toContain(failed.payment.paymentId);
      expect(due.map((p) => p.paymentId)).not.toContain(completed.payment.paymentId);

      expect(await db.repos.payments.recordRefundFailure(failed.payment.paymentId, 'stripe down')).toBe(true);
      expect(await db.repos.payments.recordRefundFailure(failed.payment.paymentId, 'stripe still down')).toBe(true);
      expect(await db.repos.payments.findByReport(failed.report.reportId)).toMatchObject({
        refundAttempts: 2,
        lastRefundError: 'stripe still down',
      });

      expect(await db.repos.payments.markRefunded(failed.payment.paymentId, 'generation failed')).toBe(true);
      expect(await db.repos.payments.markRefunded(failed.payment.paymentId, 'again')).toBe(false);
      expect(await db.repos.payments.recordRefundFailure(failed.payment.paymentId, 'late')).toBe(false);
      const refunded = (await db.repos.payments.findByReport(failed.report.reportId))!;
      expect(refunded).toMatchObject({ status: 'refunded', refundReason: 'generation failed' });
      expect(refunded.refundedAt).toBeInstanceOf(Date);
      expect(refunded.updatedAt.getTime()).toBeGreaterThanOrEqual(refunded.createdAt.getTime());
      expect((await db.repos.payments.listRefundsDue()).map((p) => p.paymentId)).not.toContain(
        failed.payment.paymentId,
      );
    });

    it('lists at most `limit` refunds, oldest first', async () => {
      const first = await paidReport();
      const second = await paidReport();
      for (const { report } of [first, second]) await db.repos.reports.fail(report.reportId, 'boom');
      const due = await db.repos.payments.listRefundsDue(100);
      const order = due.map((p) => p.paymentId);
      expect(order.indexOf(first.payment.paymentId)).toBeLessThan(order.indexOf(second.payment.paymentId));
      expect(await db.repos.payments.listRefundsDue(1)).toHaveLength(1);
    });

    it('keeps a user with payments from being deleted', async () => {
      const { userId } = await paidReport();
      await expect(db.handle.db.query('DELETE FROM users WHERE user_id = $1', [userId])).rejects.toMatchObject({
        code: '23503',
      });
    });
  });

  describe('Stripe events', () => {
    it('records an event once; a redelivery is recognised', async () => {
      const eventId = `evt_${randomUUID()}`;
      expect(await db.repos.stripeEvents.recordOnce(eventId, 'checkout.session.completed')).toBe(true);
      expect(await db.repos.stripeEvents.recordOnce(eventId, 'checkout.session.completed')).toBe(false);
      const concurrent = `evt_${randomUUID()}`;
      const results = await Promise.all([1, 2, 3].map(() => db.repos.stripeEvents.recordOnce(concurrent, 'x')));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  it('finds a succeeded payment by its PaymentIntent, and nothing for an unknown or pending one', async () => {
    const userId = (await db.repos.users.createLocal({ email: uniqueEmail(), passwordHash: 'h' }))!.userId;
    const checkoutSessionId = `cs_test_${randomUUID()}`;
    const paymentIntentId = `pi_${randomUUID()}`;
    const pending = await db.repos.payments.createPending({ userId, checkoutSessionId, amountPence: 299 });
    expect(await db.repos.payments.findByPaymentIntent(paymentIntentId)).toBeNull();
    await db.repos.payments.markSucceeded(checkoutSessionId, paymentIntentId);
    expect(await db.repos.payments.findByPaymentIntent(paymentIntentId)).toMatchObject({
      paymentId: pending.paymentId,
      status: 'succeeded',
      stripePaymentIntentId: paymentIntentId,
    });
    expect(await db.repos.payments.findByPaymentIntent(`pi_${randomUUID()}`)).toBeNull();
  });
});
