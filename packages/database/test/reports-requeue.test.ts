import { describe, expect, it } from 'vitest';
import { daysAgo, targets, useRepositories } from './support/databases.js';

describe.each(targets)('handing back and requeueing generations on $name ($where)', (target) => {
  const db = useRepositories(target);

  it('hands a generating report back to pending, which is then listed at once whatever its age', async () => {
    const userId = await db.newUser();
    const report = await db.repos.reports.create({ userId, subject: 'Nursing' });
    expect(await db.repos.reports.handBack(report.reportId)).toBe(false); // still pending: nothing to hand back
    await db.repos.reports.claim(report.reportId);
    expect(await db.repos.reports.handBack(report.reportId)).toBe(true);
    expect(await db.repos.reports.listPendingBefore(daysAgo(1))).toContain(report.reportId);
    expect(await db.repos.reports.claim(report.reportId)).not.toBeNull();
  });

  it('requeues an abandoned generation once; the second time it is left for failStale', async () => {
    const userId = await db.newUser();
    const report = await db.repos.reports.create({ userId, subject: 'Law' });
    await db.repos.reports.claim(report.reportId);
    const later = new Date(Date.now() + 60_000);
    expect((await db.repos.reports.requeueStale(later)).map((r) => r.reportId)).toContain(report.reportId);
    await db.repos.reportEvents.append(report.reportId, 'status', { status: 'pending', requeued: true });
    await db.repos.reports.claim(report.reportId);
    expect((await db.repos.reports.requeueStale(later)).map((r) => r.reportId)).not.toContain(report.reportId);
    expect((await db.repos.reports.failStale(later, 'failed')).map((r) => r.reportId)).toContain(report.reportId);
  });
});
