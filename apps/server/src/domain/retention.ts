import type { Repositories } from '@uksmr/database';
import type { ReportChange } from './reports/read-cache.js';

/** Reports are soft-deleted (expired) 30 days after creation: `expires_at`. */
export const ERASE_AFTER_DELETE_DAYS = 60;

/** The two retention jobs. */
export type RetentionJob = 'expire-reports' | 'delete-expired-reports';

/** What a retention run changed. */
export interface RetentionResult {
  readonly job: RetentionJob;
  readonly count: number;
}

/**
 * Runs one retention job. `expire-reports` soft-deletes reports past `expires_at` and marks them expired;
 * `delete-expired-reports` erases rows soft-deleted more than 60 days earlier (90 days after creation).
 * Both are idempotent: a second run at the same time changes nothing more. `onReportsChanged` is told when a run
 * changed anything.
 */
export async function runRetention(
  job: RetentionJob,
  repos: Repositories,
  now: Date,
  onReportsChanged?: (change: ReportChange) => void,
): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - ERASE_AFTER_DELETE_DAYS * 24 * 60 * 60 * 1000);
  const count =
    job === 'expire-reports' ? await repos.reports.expireDue(now) : await repos.reports.eraseDeleted(cutoff);
  // Which reports changed is not returned: the read cache forgets everything (a run a day).
  if (count > 0) onReportsChanged?.({});
  return { job, count };
}
