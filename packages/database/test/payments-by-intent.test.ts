import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../src/repositories/index.js';
import { targets, uniqueEmail, type TestDatabase } from './support/databases.js';

describe.each(targets)('payments by PaymentIntent on $name', (target) => {
  let handle: TestDatabase;
  let repos: Repositories;
  beforeAll(async () => {
    handle = await target.open();
    repos = createRepositories(handle.db);
  });
  afterAll(() => handle.dispose());

  it('finds a succeeded payment by its PaymentIntent, and nothing for an unknown or pending one', async () => {
    const userId = (await repos.users.createLocal({ email: uniqueEmail(), passwordHash: 'h' }))!.userId;
    const checkoutSessionId = `cs_test_${randomUUID()}`;
    const paymentIntentId = `pi_${randomUUID()}`;
    const pending = await repos.payments.createPending({ userId, checkoutSessionId, amountPence: 299 });
    expect(await repos.payments.findByPaymentIntent(paymentIntentId)).toBeNull();
    await repos.payments.markSucceeded(checkoutSessionId, paymentIntentId);
    expect(await repos.payments.findByPaymentIntent(paymentIntentId)).toMatchObject({
      paymentId: pending.paymentId,
      status: 'succeeded',
      stripePaymentIntentId: paymentIntentId,
    });
    expect(await repos.payments.findByPaymentIntent(`pi_${randomUUID()}`)).toBeNull();
  });
});
