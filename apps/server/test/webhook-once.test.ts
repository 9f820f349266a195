import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { backends, sharedDatabases, throwawayPostgres } from './support/postgres.js';
import { startStripeStandIn, type StandInEvent, type StripeStandIn } from './support/stripe-stand-in.js';
import { signUp } from './support/users.js';

for (const { name, url: serverUrl, skip } of backends)
  describe.skipIf(skip)(`exactly-once fulfilment on ${name}`, () => {
    let stripe: StripeStandIn;
    let databases: Database[];
    let drop: (() => Promise<void>) | undefined;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      stripe = await startStripeStandIn();
      const throwaway = serverUrl ? await throwawayPostgres(serverUrl) : undefined;
      drop = throwaway ? () => throwaway.drop() : undefined;
      databases = await sharedDatabases(throwaway?.url, 2);
      a = await buildTestApp(databases[0], stripe.env());
      b = await buildTestApp(databases[1], stripe.env());
    });
    afterAll(async () => {
      await a.app.generation.idle();
      await b.app.generation.idle();
      await a.close();
      await b.close();
      for (const database of new Set(databases)) await database.close();
      await drop?.();
      await stripe.close();
    });

    /** A new student with a Checkout Session (created on instance A). */
    async function checkout(subject = 'Nursing'): Promise<{ userId: string; sessionId: string }> {
      const { userId } = await signUp(a.app);
      const { session_id } = await a.app.payments!.createCheckout({ userId, subject });
      return { userId, sessionId: session_id };
    }

    /** The student's reports, their payment, and the recorded events of the session. */
    async function outcome(userId: string, sessionId: string) {
      await a.app.generation.idle();
      await b.app.generation.idle();
      const db = databases[0];
      const reports = await db.query<{ report_id: string; status: string }>(
        'SELECT report_id, status FROM reports WHERE user_id = $1',
        [userId],
      );
      const payment = await a.app.repos.payments.findBySession(sessionId);
      return { reports: reports.rows, payment };
    }

    /** How many 'payment succeeded' and 'generation started' lines both instances logged for `sessionId`'s report. */
    function logged(sessionId: string, reportId: string) {
      const logs = [...a.logs, ...b.logs];
      return {
        succeeded: logs.filter((l) => l.msg === 'payment succeeded' && l.session_id === sessionId).length,
        started: logs.filter((l) => l.msg === 'generation started' && l.report_id === reportId).length,
      };
    }

    /** Expects exactly one report, paid by the session's payment, generated once. */
    async function expectOneReport(userId: string, sessionId: string): Promise<void> {
      const { reports, payment } = await outcome(userId, sessionId);
      expect(reports).toHaveLength(1);
      expect(reports[0].status).toBe('completed');
      expect(payment).toMatchObject({ status: 'succeeded', reportId: reports[0].report_id });
      expect(logged(sessionId, reports[0].report_id)).toEqual({ succeeded: 1, started: 1 });
    }

    /** Delivers `event` to `app` and expects 200. */
    async function deliver(t: TestApp, event: StandInEvent): Promise<void> {
      const response = await stripe.deliver(t.app, event);
      expect(response.statusCode, response.body).toBe(200);
    }

    it('creates one report when the same event arrives five times in a row', async () => {
      const { userId, sessionId } = await checkout();
      stripe.pay(sessionId);
      const event = stripe.sessionEvent('checkout.session.completed', sessionId);
      for (let i = 0; i < 5; i++) await deliver(a, event);
      await expectOneReport(userId, sessionId);
      const outcomes = a.logs
        .filter((l) => l.msg === 'stripe event handled' && l.event_id === event.id)
        .map((l) => l.outcome);
      expect(outcomes).toEqual(['fulfilled', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      const { rows } = await databases[0].query<{ n: number }>(
        'SELECT count(*)::int AS n FROM stripe_events WHERE event_id = $1',
        [event.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('creates one report when the same event arrives five times at once', async () => {
      const { userId, sessionId } = await checkout('Law');
      stripe.pay(sessionId);
      const event = stripe.sessionEvent('checkout.session.completed', sessionId);
      await Promise.all(Array.from({ length: 5 }, () => deliver(a, event)));
      await expectOneReport(userId, sessionId);
    });

    it('creates one report when the event reaches two instances at once', async () => {
      const { userId, sessionId } = await checkout('Pharmacy');
      stripe.pay(sessionId);
      const event = stripe.sessionEvent('checkout.session.completed', sessionId);
      await Promise.all([a, b, a, b, a, b].map((t) => deliver(t, event)));
      await expectOneReport(userId, sessionId);
    });

    it('creates one report from different events of one session, on two instances, and the success page', async () => {
      const { userId, sessionId } = await checkout('Architecture');
      stripe.pay(sessionId);
      const completed = stripe.sessionEvent('checkout.session.completed', sessionId);
      const succeeded = stripe.sessionEvent('checkout.session.async_payment_succeeded', sessionId);
      await Promise.all([
        deliver(a, completed),
        deliver(b, succeeded),
        deliver(b, completed),
        a.app.payments!.statusForOwner(userId, sessionId),
        b.app.payments!.statusForOwner(userId, sessionId),
      ]);
      await expectOneReport(userId, sessionId);
    });

    it('changes nothing when checkout.session.expired comes after completed', async () => {
      const { userId, sessionId } = await checkout('Psychology');
      stripe.pay(sessionId);
      await deliver(a, stripe.sessionEvent('checkout.session.completed', sessionId));
      const expired = stripe.sessionEvent('checkout.session.expired', sessionId);
      await deliver(b, expired);
      await expectOneReport(userId, sessionId);
      expect(b.logs.find((l) => l.msg === 'stripe event handled' && l.event_id === expired.id)).toMatchObject({
        outcome: 'unchanged',
      });
    });

    it('rolls a webhook back on a database failure in its middle, and the redelivery completes it exactly once', async () => {
      const db = databases[0];
      // A trigger that raises on the first report insert only: the sequence is not transactional, so the
      // rollback does not re-arm it. The failure hits after the event was recorded and the payment marked paid.
      await db.query('CREATE SEQUENCE IF NOT EXISTS fail_once_seq');
      await db.query(`CREATE OR REPLACE FUNCTION fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('fail_once_seq') = 1 THEN RAISE EXCEPTION 'simulated database failure'; END IF;
        RETURN NEW;
      END $$`);
      await db.query(
        'CREATE TRIGGER reports_fail_once BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION fail_once()',
      );
      try {
        const { userId, sessionId } = await checkout('Economics');
        stripe.pay(sessionId);
        const event = stripe.sessionEvent('checkout.session.completed', sessionId);
        const failed = await stripe.deliver(a.app, event);
        expect(failed.statusCode).toBe(500);
        expect(failed.json()).toMatchObject({ code: 'INTERNAL_ERROR' });
        expect(failed.body).not.toContain('simulated');
        const { rows } = await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM stripe_events WHERE event_id = $1',
          [event.id],
        );
        expect(rows[0].n).toBe(0);
        expect(await outcome(userId, sessionId)).toMatchObject({
          reports: [],
          payment: { status: 'pending', reportId: null },
        });

        await deliver(b, event);
        await deliver(a, event);
        await expectOneReport(userId, sessionId);
      } finally {
        await db.query('DROP TRIGGER reports_fail_once ON reports');
      }
    });
  });

describe('payments that do not go through', () => {
  let stripe: StripeStandIn;
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    stripe = await startStripeStandIn();
    database = await testDatabase();
    t = await buildTestApp(database, stripe.env());
  });
  afterAll(async () => {
    await t.app.generation.idle();
    await t.close();
    await database.close();
    await stripe.close();
  });

  async function checkout(): Promise<{ userId: string; sessionId: string }> {
    const { userId } = await signUp(t.app);
    const { session_id } = await t.app.payments!.createCheckout({ userId, subject: 'Nursing' });
    return { userId, sessionId: session_id };
  }

  async function state(userId: string, sessionId: string) {
    const { rows } = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE user_id = $1', [
      userId,
    ]);
    return { reports: rows[0].n, status: (await t.app.repos.payments.findBySession(sessionId))!.status };
  }

  async function outcomeOf(event: StandInEvent): Promise<unknown> {
    const response = await stripe.deliver(t.app, event);
    expect(response.statusCode).toBe(200);
    return t.logs.find((l) => l.msg === 'stripe event handled' && l.event_id === event.id)?.outcome;
  }

  it('stores no report for a cancelled checkout, and fails the payment when the session expires', async () => {
    const { userId, sessionId } = await checkout();
    expect(await state(userId, sessionId)).toEqual({ reports: 0, status: 'pending' });
    stripe.expire(sessionId);
    expect(await outcomeOf(stripe.sessionEvent('checkout.session.expired', sessionId))).toBe('failed');
    expect(await state(userId, sessionId)).toEqual({ reports: 0, status: 'failed' });
    expect(t.logs.find((l) => l.msg === 'payment failed' && l.session_id === sessionId)).toMatchObject({
      event_type: 'checkout.session.expired',
    });
  });

  it('waits for an asynchronous payment, and fails it when it fails', async () => {
    const { userId, sessionId } = await checkout();
    stripe.payLater(sessionId);
    expect(await outcomeOf(stripe.sessionEvent('checkout.session.completed', sessionId))).toBe('ignored');
    expect(await state(userId, sessionId)).toEqual({ reports: 0, status: 'pending' });
    expect(await outcomeOf(stripe.sessionEvent('checkout.session.async_payment_failed', sessionId))).toBe('failed');
    expect(await state(userId, sessionId)).toEqual({ reports: 0, status: 'failed' });
  });

  it('fulfils an asynchronous payment when it succeeds', async () => {
    const { userId, sessionId } = await checkout();
    stripe.payLater(sessionId);
    await outcomeOf(stripe.sessionEvent('checkout.session.completed', sessionId));
    stripe.settle(sessionId);
    expect(await outcomeOf(stripe.sessionEvent('checkout.session.async_payment_succeeded', sessionId))).toBe(
      'fulfilled',
    );
    await t.app.generation.idle();
    expect(await state(userId, sessionId)).toEqual({ reports: 1, status: 'succeeded' });
  });

  it('marks a payment refunded when Stripe reports its charge fully refunded, and ignores a partial refund', async () => {
    const { sessionId } = await checkout();
    const paymentIntent = stripe.pay(sessionId).payment_intent!;
    await outcomeOf(stripe.sessionEvent('checkout.session.completed', sessionId));
    await t.app.generation.idle();
    expect(await outcomeOf(stripe.chargeRefundedEvent(paymentIntent, false))).toBe('ignored');
    const full = stripe.chargeRefundedEvent(paymentIntent);
    expect(await outcomeOf(full)).toBe('refunded');
    expect(await t.app.repos.payments.findBySession(sessionId)).toMatchObject({
      status: 'refunded',
      refundReason: 'refunded in Stripe',
    });
    expect(t.logs.find((l) => l.msg === 'payment refunded' && l.event_id === full.id)).toMatchObject({
      amount_pence: 299,
    });
    expect(await outcomeOf(stripe.chargeRefundedEvent(paymentIntent))).toBe('unchanged');
    expect(await outcomeOf(stripe.chargeRefundedEvent('pi_not_ours'))).toBe('unchanged');
    await stripe.deliver(t.app, full);
    expect(
      t.logs.filter((l) => l.msg === 'stripe event handled' && l.event_id === full.id).map((l) => l.outcome),
    ).toEqual(['refunded', 'duplicate']);
  });

  it('answers 200 for a paid session that is not ours, and stores nothing', async () => {
    const foreign = stripe.event('checkout.session.completed', {
      id: 'cs_test_foreign',
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'paid',
      payment_intent: { id: 'pi_foreign', object: 'payment_intent' },
    });
    expect(await outcomeOf(foreign)).toBe('unknown');
    expect(
      t.logs.some((l) => l.msg === 'paid checkout session is not ours' && l.session_id === 'cs_test_foreign'),
    ).toBe(true);
  });
});
