import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase } from './support/app.js';
import { NEEDS_SERVER, TEST_DATABASE_URL, sharedDatabases, throwawayPostgres } from './support/postgres.js';
import { startStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.js';
import { bearer, signUp } from './support/users.js';

const CAP = { REPORTS_PER_USER_PER_DAY: '20', RATE_LIMIT_REQUESTS_PER_MINUTE: '1000' };

interface Target {
  readonly name: string;
  readonly skip: boolean;
  open(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const database = await testDatabase();
      return { database, dispose: () => database.close() };
    },
  },
  {
    name: TEST_DATABASE_URL ? 'PostgreSQL' : `PostgreSQL ${NEEDS_SERVER}`,
    skip: !TEST_DATABASE_URL,
    async open() {
      const throwaway = await throwawayPostgres(TEST_DATABASE_URL!);
      const [database] = await sharedDatabases(throwaway.url, 1);
      return {
        database,
        dispose: async () => {
          await database.close();
          await throwaway.drop();
        },
      };
    },
  },
];

/** Thirty POST /reports at once for one user; their status codes. */
async function thirtyAtOnce(app: Awaited<ReturnType<typeof buildTestApp>>['app'], token: string): Promise<number[]> {
  const responses = await Promise.all(
    Array.from({ length: 30 }, () =>
      app.inject({ method: 'POST', url: '/reports', headers: bearer(token), payload: { subject: 'Nursing' } }),
    ),
  );
  return responses.map((response) => response.statusCode);
}

for (const target of targets)
  describe.skipIf(target.skip)(`the daily cap under 30 concurrent requests on ${target.name}`, () => {
    let database: Database;
    let opened: Awaited<ReturnType<Target['open']>>;
    let stripe: StripeStandIn;
    beforeAll(async () => {
      opened = await target.open();
      database = opened.database;
      stripe = await startStripeStandIn();
    });
    afterAll(async () => {
      await stripe.close();
      await opened.dispose();
    });

    it('payments off: exactly 20 reports are made, the other 10 answer 429 DAILY_LIMIT_REACHED', async () => {
      const t = await buildTestApp(database, { ...CAP, ENABLE_PAYMENTS: 'false' });
      const user = await signUp(t.app);
      const statuses = await thirtyAtOnce(t.app, user.token);
      await t.app.generation.idle();
      expect(statuses.filter((status) => status === 201)).toHaveLength(20);
      expect(statuses.filter((status) => status === 429)).toHaveLength(10);
      const { rows } = await database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM reports WHERE user_id = $1',
        [user.userId],
      );
      expect(rows[0].n).toBe(20);
      await t.close();
      // Twenty whole reports are written before the count: about 5 s on a quiet machine, over 30 s under heavy load.
    }, 120_000);

    it('payments on: open checkouts count, so exactly 20 checkouts are opened', async () => {
      const t = await buildTestApp(database, stripe.env(CAP));
      const user = await signUp(t.app);
      const statuses = await thirtyAtOnce(t.app, user.token);
      expect(statuses.filter((status) => status === 200)).toHaveLength(20);
      expect(statuses.filter((status) => status === 429)).toHaveLength(10);
      const { rows } = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM payments WHERE user_id = $1 AND status = 'pending'",
        [user.userId],
      );
      expect(rows[0].n).toBe(20);
      await t.close();
    });
  });
