import type { Repositories } from '@uksmr/database';

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
 * Both are idempotent: a second run at the same time changes nothing more.
 */
export async function runRetention(job: RetentionJob, repos: Repositories, now: Date): Promise<RetentionResult> {
  if (job === 'expire-reports') return { job, count: await repos.reports.expireDue(now) };
  const cutoff = new Date(now.getTime() - ERASE_AFTER_DELETE_DAYS * 24 * 60 * 60 * 1000);
  return { job, count: await repos.reports.eraseDeleted(cutoff) };
}
