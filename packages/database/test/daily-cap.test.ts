import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withinDailyCap } from '../src/repositories/daily-cap.js';
import { reportsRepository } from '../src/repositories/reports.js';
import { paymentsRepository } from '../src/repositories/payments.js';
import { daysAgo, targets, useRepositories } from './support/databases.js';

describe.each(targets)('the daily cap on $name ($where)', (target) => {
  const db = useRepositories(target);

  it('30 concurrent starts with a cap of 20 make exactly 20 reports', async () => {
    const userId = await db.newUser();
    const cap = { userId, since: daysAgo(1), max: 20 };
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        withinDailyCap(db.handle.db, cap, (tx) => reportsRepository(tx).create({ userId, subject: 'Nursing' })),
      ),
    );
    expect(outcomes.filter((report) => report !== null)).toHaveLength(20);
    expect(await db.repos.reports.countCreatedSince(userId, daysAgo(1))).toBe(20);
  });

  it('counts open checkouts, so 30 concurrent checkouts with a cap of 20 open exactly 20', async () => {
    const userId = await db.newUser();
    const cap = { userId, since: daysAgo(1), max: 20 };
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        withinDailyCap(db.handle.db, cap, (tx) =>
          paymentsRepository(tx).createPending({
            userId,
            checkoutSessionId: `cs_test_${randomUUID()}`,
            amountPence: 299,
          }),
        ),
      ),
    );
    expect(outcomes.filter((payment) => payment !== null)).toHaveLength(20);
    // The cap is reached: a report is refused too, and nothing is stored.
    expect(
      await withinDailyCap(db.handle.db, cap, (tx) => reportsRepository(tx).create({ userId, subject: 'Law' })),
    ).toBeNull();
    expect(await db.repos.reports.countCreatedSince(userId, daysAgo(1))).toBe(0);
  });

  it('leaves failed checkouts and other users out of the count', async () => {
    const userId = await db.newUser();
    const other = await db.newUser();
    const failed = `cs_test_${randomUUID()}`;
    await db.repos.payments.createPending({ userId, checkoutSessionId: failed, amountPence: 299 });
    await db.repos.payments.markFailed(failed);
    await db.repos.reports.create({ userId: other, subject: 'Law' });
    const made = await withinDailyCap(db.handle.db, { userId, since: daysAgo(1), max: 1 }, (tx) =>
      reportsRepository(tx).create({ userId, subject: 'Law' }),
    );
    expect(made).not.toBeNull();
  });
});
