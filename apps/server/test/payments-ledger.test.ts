import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Database, type Repositories } from '@uksmr/database';
import { PaymentLedger } from '../src/domain/payments/ledger.js';
import { testDatabase } from './support/app.js';

describe('the payment ledger', () => {
  let database: Database;
  let repos: Repositories;
  let ledger: PaymentLedger;

  beforeAll(async () => {
    database = await testDatabase();
    repos = createRepositories(database);
    ledger = new PaymentLedger(database);
  });
  afterAll(() => database.close());

  /** A pending payment of a new user for `metadata`; its Checkout Session id. */
  async function pending(
    metadata: Record<string, unknown> = { subject: 'Law', subject_id: 'law', level: 'undergraduate' },
  ) {
    const user = await repos.users.createLocal({ email: `${randomUUID()}@example.test`, passwordHash: 'h' });
    const sessionId = `cs_${randomUUID()}`;
    await repos.payments.createPending({
      userId: user!.userId,
      checkoutSessionId: sessionId,
      amountPence: 299,
      metadata,
    });
    return { sessionId, userId: user!.userId };
  }

  it('fulfils a pending payment once: succeeded, one report for its order, linked', async () => {
    const { sessionId, userId } = await pending();
    const applied = await ledger.fulfil(sessionId, 'pi_1', {
      id: `evt_${randomUUID()}`,
      type: 'checkout.session.completed',
    });
    expect(applied.duplicate).toBe(false);
    if (applied.duplicate || applied.result.kind !== 'fulfilled')
      throw new Error(`not fulfilled: ${JSON.stringify(applied)}`);
    const { payment, report } = applied.result;
    expect(payment).toMatchObject({
      status: 'succeeded',
      stripePaymentIntentId: 'pi_1',
      reportId: report.reportId,
      userId,
    });
    expect(report).toMatchObject({
      userId,
      subject: 'Law',
      subjectId: 'law',
      profile: { level: 'undergraduate', intake: null },
    });
    expect(await repos.payments.findBySession(sessionId)).toMatchObject({
      status: 'succeeded',
      reportId: report.reportId,
    });

    // The same session again (the success page after the webhook): not pending, no second report.
    const again = await ledger.fulfil(sessionId, 'pi_1', null);
    expect(again).toEqual({
      duplicate: false,
      result: { kind: 'not-pending', payment: expect.objectContaining({ reportId: report.reportId }) },
    });
  });

  it('does nothing for an event it has recorded, and records an event only with its work', async () => {
    const { sessionId } = await pending();
    const event = { id: `evt_${randomUUID()}`, type: 'checkout.session.completed' };
    expect((await ledger.fulfil(sessionId, 'pi_2', event)).duplicate).toBe(false);
    expect(await ledger.fulfil(sessionId, 'pi_2', event)).toEqual({ duplicate: true });
    expect(await ledger.fail(sessionId, event)).toEqual({ duplicate: true });
    expect(await repos.stripeEvents.recordOnce(event.id, event.type)).toBe(false);

    // A fulfilment whose work throws (no subject) rolls back, leaving its event unrecorded for redelivery.
    const broken = await pending({ level: 'undergraduate' });
    const brokenEvent = { id: `evt_${randomUUID()}`, type: 'checkout.session.completed' };
    await expect(ledger.fulfil(broken.sessionId, 'pi_3', brokenEvent)).rejects.toThrow(/has no subject/);
    expect(await repos.payments.findBySession(broken.sessionId)).toMatchObject({ status: 'pending', reportId: null });
    expect(await repos.stripeEvents.recordOnce(brokenEvent.id, brokenEvent.type)).toBe(true);
  });

  it('answers unknown for a session that is not ours', async () => {
    expect(await ledger.fulfil(`cs_${randomUUID()}`, 'pi_x', null)).toEqual({
      duplicate: false,
      result: { kind: 'unknown' },
    });
  });

  it('fails a pending payment only', async () => {
    const { sessionId } = await pending();
    expect(await ledger.fail(sessionId, null)).toEqual({ duplicate: false, result: true });
    expect(await repos.payments.findBySession(sessionId)).toMatchObject({ status: 'failed' });
    expect(await ledger.fail(sessionId, null)).toEqual({ duplicate: false, result: false });
    const failed = await ledger.fulfil(sessionId, 'pi_4', null);
    expect(failed).toEqual({
      duplicate: false,
      result: { kind: 'not-pending', payment: expect.objectContaining({ status: 'failed' }) },
    });
  });

  it('marks the succeeded payment of a PaymentIntent refunded, once', async () => {
    const { sessionId } = await pending();
    await ledger.fulfil(sessionId, 'pi_5', null);
    const refunded = await ledger.refunded('pi_5', 'requested_by_customer', {
      id: `evt_${randomUUID()}`,
      type: 'charge.refunded',
    });
    expect(refunded).toEqual({
      duplicate: false,
      result: expect.objectContaining({ stripeCheckoutSessionId: sessionId }),
    });
    expect(await repos.payments.findBySession(sessionId)).toMatchObject({
      status: 'refunded',
      refundReason: 'requested_by_customer',
    });
    expect(await ledger.refunded('pi_5', 'again', null)).toEqual({ duplicate: false, result: null });
    expect(await ledger.refunded('pi_unknown', 'none', null)).toEqual({ duplicate: false, result: null });
  });
});
