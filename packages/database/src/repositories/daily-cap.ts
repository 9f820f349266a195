import type { Database, Transaction } from '../types.js';

/** The cap one user's new reports are held to. */
export interface DailyCap {
  readonly userId: string;
  /** Start of the window (24 h before now). */
  readonly since: Date;
  /** Most reports (and open checkouts) the user may have started in the window. */
  readonly max: number;
}

/**
 * Runs `start` (which creates one report, or one checkout) only while the user is under the cap, as one atomic
 * step: in one transaction it locks the user's row (so a user's concurrent requests take turns, on every
 * instance), counts the reports created in the window (soft-deleted ones included) plus the open checkouts
 * (pending payments without a report yet), and runs `start` on the same transaction. Returns null, having changed
 * nothing, when the cap is reached.
 */
export async function withinDailyCap<T>(
  database: Database,
  { userId, since, max }: DailyCap,
  start: (tx: Transaction) => Promise<T>,
): Promise<T | null> {
  return database.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM users WHERE user_id = $1 FOR UPDATE', [userId]);
    const { rows } = await tx.query<{ started: number }>(
      `SELECT (SELECT count(*) FROM reports WHERE user_id = $1 AND created_at >= $2)
            + (SELECT count(*) FROM payments WHERE user_id = $1 AND created_at >= $2
                 AND status = 'pending' AND report_id IS NULL) AS started`,
      [userId, since],
    );
    if (Number(rows[0]?.started ?? 0) >= max) return null;
    return start(tx);
  });
}
