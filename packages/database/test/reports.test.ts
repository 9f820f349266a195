import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../src/types.js';
import { createRepositories } from '../src/repositories/index.js';
import { daysAgo, targets, useRepositories } from './support/databases.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(targets)('reports and their events on $name ($where)', (target) => {
  const db = useRepositories(target);

  /** A report created `days` ago (expires_at follows from created_at), optionally soft-deleted at `deletedAt`. */
  async function oldReport(userId: string, days: number, deletedAt: Date | null = null): Promise<string> {
    const { rows } = await db.handle.db.query<{ report_id: string }>(
      'INSERT INTO reports (user_id, subject, created_at, deleted_at) VALUES ($1, $2, $3, $4) RETURNING report_id',
      [userId, `old ${days}`, daysAgo(days), deletedAt],
    );
    return rows[0].report_id;
  }

  /** The report's row, deleted or not. */
  async function raw(reportId: string): Promise<{ status: string; deleted_at: Date | null } | undefined> {
    const { rows } = await db.handle.db.query<{ status: string; deleted_at: Date | null }>(
      'SELECT status, deleted_at FROM reports WHERE report_id = $1',
      [reportId],
    );
    return rows[0];
  }

  describe('reports', () => {
    it('creates a pending UK report that expires 30 days after creation', async () => {
      const userId = await db.newUser();
      const report = await db.repos.reports.create({ userId, subject: 'Nursing' });
      expect(report).toMatchObject({
        userId,
        subject: 'Nursing',
        country: 'UK',
        status: 'pending',
        content: null,
        citations: null,
        generationMetadata: null,
        errorMessage: null,
        startedAt: null,
        completedAt: null,
        deletedAt: null,
      });
      expect(report.expiresAt.getTime() - report.createdAt.getTime()).toBe(30 * DAY_MS);
    });

    it('refuses a country other than the UK and a subject longer than 200 characters', async () => {
      const userId = await db.newUser();
      await expect(
        db.handle.db.query(`INSERT INTO reports (user_id, subject, country) VALUES ($1, 's', 'FR')`, [userId]),
      ).rejects.toMatchObject({ code: '23514' });
      await expect(db.repos.reports.create({ userId, subject: 'x'.repeat(201) })).rejects.toMatchObject({
        code: '22001',
      });
    });

    it('shows a report to its owner only, and not once soft-deleted', async () => {
      const owner = await db.newUser();
      const stranger = await db.newUser();
      const report = await db.repos.reports.create({ userId: owner, subject: 'Law' });
      expect(await db.repos.reports.getForOwner(owner, report.reportId)).toEqual(report);
      expect(await db.repos.reports.getForOwner(stranger, report.reportId)).toBeNull();
      expect(await db.repos.reports.getForOwner(owner, 'not-a-uuid')).toBeNull();
      expect(await db.repos.reports.softDeleteForOwner(stranger, report.reportId)).toBe(false);
      expect(await db.repos.reports.softDeleteForOwner(owner, 'not-a-uuid')).toBe(false);
      expect(await db.repos.reports.softDeleteForOwner(owner, report.reportId)).toBe(true);
      expect(await db.repos.reports.softDeleteForOwner(owner, report.reportId)).toBe(false);
      expect(await db.repos.reports.getForOwner(owner, report.reportId)).toBeNull();
    });

    it('lists the owner’s live reports newest first, by page and status, with the total', async () => {
      const owner = await db.newUser();
      const other = await db.newUser();
      const ids: string[] = [];
      for (let days = 5; days >= 1; days -= 1) ids.push(await oldReport(owner, days));
      await oldReport(owner, 0.5, new Date());
      await db.repos.reports.create({ userId: other, subject: 'not mine' });
      await db.handle.db.query(`UPDATE reports SET status = 'failed' WHERE report_id = $1`, [ids[0]]);

      const firstPage = await db.repos.reports.listForOwner(owner, { limit: 2, offset: 0 });
      expect(firstPage.total).toBe(5);
      expect(firstPage.reports.map((r) => r.reportId)).toEqual([ids[4], ids[3]]);
      const lastPage = await db.repos.reports.listForOwner(owner, { limit: 2, offset: 4 });
      expect(lastPage.reports.map((r) => r.reportId)).toEqual([ids[0]]);
      const failed = await db.repos.reports.listForOwner(owner, { limit: 10, offset: 0, status: 'failed' });
      expect(failed).toMatchObject({ total: 1, reports: [{ reportId: ids[0], status: 'failed' }] });
      expect(await db.repos.reports.listForOwner(await db.newUser(), { limit: 10, offset: 0 })).toEqual({
        reports: [],
        total: 0,
      });
    });

    it('lists without the stored result when asked for a light list', async () => {
      const userId = await db.newUser();
      const report = await db.repos.reports.create({ userId, subject: 'Law' });
      await db.repos.reports.claim(report.reportId);
      await db.repos.reports.complete(report.reportId, {
        content: { a: 1 },
        citations: [{ id: 1 }],
        generationMetadata: { m: 1 },
      });
      const full = await db.repos.reports.listForOwner(userId, { limit: 1, offset: 0 });
      expect(full.reports[0]).toMatchObject({ status: 'completed', content: { a: 1 }, citations: [{ id: 1 }] });
      const light = await db.repos.reports.listForOwner(userId, { limit: 1, offset: 0, withContent: false });
      expect(light.reports[0]).toMatchObject({
        reportId: report.reportId,
        status: 'completed',
        content: null,
        citations: null,
        generationMetadata: null,
      });
      expect(light.reports[0].completedAt).toBeInstanceOf(Date);
    });

    it('counts the reports started since a moment, soft-deleted ones included', async () => {
      const userId = await db.newUser();
      await oldReport(userId, 2);
      await oldReport(userId, 0.5, new Date());
      await db.repos.reports.create({ userId, subject: 'now' });
      expect(await db.repos.reports.countCreatedSince(userId, daysAgo(1))).toBe(2);
      expect(await db.repos.reports.countCreatedSince(userId, daysAgo(3))).toBe(3);
      expect(await db.repos.reports.countCreatedSince(await db.newUser(), daysAgo(3))).toBe(0);
    });

    it('moves through pending → generating → completed, each step once', async () => {
      const userId = await db.newUser();
      const { reportId } = await db.repos.reports.create({ userId, subject: 'Computer Science' });
      const result = {
        content: { executive_summary: ['a', 'b'] },
        citations: [{ id: 1, url: 'https://www.gov.uk/student-visa' }],
        generationMetadata: { provider: 'kb', tokens_used: 0 },
      };
      expect(await db.repos.reports.complete(reportId, result)).toBe(false);
      const claimed = await db.repos.reports.claim(reportId);
      expect(claimed).toMatchObject({ reportId, status: 'generating' });
      expect(claimed!.startedAt).toBeInstanceOf(Date);
      expect(await db.repos.reports.claim(reportId)).toBeNull();
      expect(await db.repos.reports.complete(reportId, result)).toBe(true);
      expect(await db.repos.reports.complete(reportId, result)).toBe(false);
      expect(await db.repos.reports.fail(reportId, 'too late')).toBe(false);
      const done = await db.repos.reports.getForOwner(userId, reportId);
      expect(done).toMatchObject({ status: 'completed', errorMessage: null, ...result });
      expect(done!.completedAt).toBeInstanceOf(Date);
      expect(done!.updatedAt.getTime()).toBeGreaterThanOrEqual(claimed!.updatedAt.getTime());
    });

    it('fails a pending or generating report only', async () => {
      const userId = await db.newUser();
      const pending = await db.repos.reports.create({ userId, subject: 'a' });
      expect(await db.repos.reports.fail(pending.reportId, 'no capacity')).toBe(true);
      expect(await db.repos.reports.getForOwner(userId, pending.reportId)).toMatchObject({
        status: 'failed',
        errorMessage: 'no capacity',
      });
      expect(await db.repos.reports.claim(pending.reportId)).toBeNull();
      const generating = await db.repos.reports.create({ userId, subject: 'b' });
      await db.repos.reports.claim(generating.reportId);
      expect(await db.repos.reports.fail(generating.reportId, 'timeout')).toBe(true);
      expect(await db.repos.reports.fail(generating.reportId, 'again')).toBe(false);
    });

    it('lets exactly one of five concurrent claims win', async () => {
      const { reportId } = await db.repos.reports.create({ userId: await db.newUser(), subject: 'Economics' });
      const claims = await Promise.all([1, 2, 3, 4, 5].map(() => db.repos.reports.claim(reportId)));
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
    });

    it('fails the generations that started before a moment, and returns them', async () => {
      const userId = await db.newUser();
      const stale = await db.repos.reports.create({ userId, subject: 'stale' });
      const fresh = await db.repos.reports.create({ userId, subject: 'fresh' });
      await db.repos.reports.claim(stale.reportId);
      await db.repos.reports.claim(fresh.reportId);
      await db.handle.db.query(`UPDATE reports SET started_at = now() - interval '10 minutes' WHERE report_id = $1`, [
        stale.reportId,
      ]);
      const failed = await db.repos.reports.failStale(new Date(Date.now() - 5 * 60 * 1000), 'generation timed out');
      expect(failed.map((r) => r.reportId)).toEqual([stale.reportId]);
      expect(failed[0]).toMatchObject({ status: 'failed', errorMessage: 'generation timed out' });
      expect(await db.repos.reports.getForOwner(userId, fresh.reportId)).toMatchObject({ status: 'generating' });
    });

    it('lists the live reports left pending since before a moment, oldest first', async () => {
      const userId = await db.newUser();
      const stuck = await db.repos.reports.create({ userId, subject: 'stuck' });
      const recent = await db.repos.reports.create({ userId, subject: 'recent' });
      const started = await db.repos.reports.create({ userId, subject: 'started' });
      await db.repos.reports.claim(started.reportId);
      await db.handle.db.query(
        `UPDATE reports SET created_at = now() - interval '10 minutes' WHERE report_id = ANY($1)`,
        [[stuck.reportId, started.reportId]],
      );
      const pending = await db.repos.reports.listPendingBefore(new Date(Date.now() - 60_000));
      expect(pending).toContain(stuck.reportId);
      expect(pending).not.toContain(recent.reportId);
      expect(pending).not.toContain(started.reportId);
      expect(await db.repos.reports.listPendingBefore(new Date(Date.now() - 60_000), 0)).toEqual([]);
    });

    it('expires reports 30 days after creation (deleted_at = expires_at): not at 29 days, yes at 31, failed ones stay failed', async () => {
      const userId = await db.newUser();
      const young = await oldReport(userId, 29);
      const due = await oldReport(userId, 31);
      const failedDue = await oldReport(userId, 31);
      await db.repos.reports.fail(failedDue, 'boom');
      const now = new Date();
      expect(await db.repos.reports.expireDue(now)).toBe(2);
      expect(await raw(young)).toEqual({ status: 'pending', deleted_at: null });
      // Soft-deleted as of the moment they expired, so erasure falls 90 days after creation.
      const expiredAt = async (id: string) =>
        (await db.handle.db.query<{ expires_at: Date }>('SELECT expires_at FROM reports WHERE report_id = $1', [id]))
          .rows[0].expires_at;
      expect(await raw(due)).toEqual({ status: 'expired', deleted_at: await expiredAt(due) });
      expect(await raw(failedDue)).toEqual({ status: 'failed', deleted_at: await expiredAt(failedDue) });
      expect(await db.repos.reports.getForOwner(userId, due)).toBeNull();
      expect(await db.repos.reports.expireDue()).toBe(0);
    });

    it('erases reports soft-deleted more than 60 days ago: not at 89 days after creation, yes at 91', async () => {
      const userId = await db.newUser();
      const kept = await oldReport(userId, 89, daysAgo(59));
      const erased = await oldReport(userId, 91, daysAgo(61));
      const live = await oldReport(userId, 91);
      const payment = await db.repos.payments.createPending({
        userId,
        checkoutSessionId: `cs_${randomUUID()}`,
        amountPence: 299,
      });
      await db.repos.payments.linkReport(payment.paymentId, erased);
      await db.repos.reportEvents.append(erased, 'status', { status: 'pending' });

      expect(await db.repos.reports.eraseDeleted(daysAgo(60))).toBe(1);
      expect(await raw(kept)).toBeDefined();
      expect(await raw(erased)).toBeUndefined();
      expect(await raw(live)).toBeDefined();
      expect(await db.repos.reportEvents.listAfter(erased, 0)).toEqual([]);
      expect(await db.repos.payments.findBySession(payment.stripeCheckoutSessionId)).toMatchObject({ reportId: null });
    });

    it('works inside a transaction and is rolled back with it', async () => {
      const userId = await db.newUser();
      let created: ReportRow | undefined;
      await expect(
        db.handle.db.transaction(async (tx) => {
          created = await createRepositories(tx).reports.create({ userId, subject: 'rolled back' });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await db.repos.reports.getForOwner(userId, created!.reportId)).toBeNull();
    });
  });

  describe('stored result as JSON text', () => {
    it('reads content, citations and metadata unparsed when asked, in a get and in a whole list', async () => {
      const userId = await db.newUser();
      const { reportId } = await db.repos.reports.create({ userId, subject: 'json text' });
      await db.repos.reports.claim(reportId);
      await db.repos.reports.complete(reportId, {
        content: { a: 'x"y' },
        citations: [{ id: 1 }],
        generationMetadata: null,
      });
      const row = await db.repos.reports.getForOwner(userId, reportId, { jsonAsText: true });
      expect(JSON.parse(row!.content as string)).toEqual({ a: 'x"y' });
      expect(JSON.parse(row!.citations as string)).toEqual([{ id: 1 }]);
      expect(row!.generationMetadata).toBeNull();
      const page = await db.repos.reports.listForOwner(userId, { limit: 5, offset: 0, jsonAsText: true });
      expect(typeof page.reports[0].content).toBe('string');
    });
  });

  describe('report events', () => {
    it('appends with seq 1, 2, … per report and lists those after a seq', async () => {
      const userId = await db.newUser();
      const a = await db.repos.reports.create({ userId, subject: 'a' });
      const b = await db.repos.reports.create({ userId, subject: 'b' });
      expect(await db.repos.reportEvents.append(a.reportId, 'status', { status: 'generating' })).toBe(1);
      expect(await db.repos.reportEvents.append(a.reportId, 'section', { key: 'executive_summary' })).toBe(2);
      expect(await db.repos.reportEvents.append(b.reportId, 'status', { status: 'generating' })).toBe(1);
      expect(await db.repos.reportEvents.append(a.reportId, 'delta', 'plain text')).toBe(3);
      expect(await db.repos.reportEvents.append(a.reportId, 'empty', null)).toBe(4);
      expect(await db.repos.reportEvents.listAfter(a.reportId, 1)).toEqual([
        { reportId: a.reportId, seq: 2, event: 'section', data: { key: 'executive_summary' } },
        { reportId: a.reportId, seq: 3, event: 'delta', data: 'plain text' },
        { reportId: a.reportId, seq: 4, event: 'empty', data: null },
      ]);
      expect(await db.repos.reportEvents.listAfter(a.reportId, 4)).toEqual([]);
    });

    it('gives concurrent appends distinct consecutive seqs', async () => {
      const { reportId } = await db.repos.reports.create({ userId: await db.newUser(), subject: 'busy' });
      const seqs = await Promise.all(
        Array.from({ length: 10 }, (_, i) => db.repos.reportEvents.append(reportId, 'delta', { text: String(i) })),
      );
      expect([...seqs].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('refuses an event of an unknown report, and clears a report’s events', async () => {
      await expect(db.repos.reportEvents.append(randomUUID(), 'status', {})).rejects.toMatchObject({ code: '23503' });
      const { reportId } = await db.repos.reports.create({ userId: await db.newUser(), subject: 'c' });
      await db.repos.reportEvents.append(reportId, 'status', {});
      await db.repos.reportEvents.append(reportId, 'status', {});
      expect(await db.repos.reportEvents.clear(reportId)).toBe(2);
      expect(await db.repos.reportEvents.listAfter(reportId, 0)).toEqual([]);
    });

    it('keeps only the terminal row once a report is finished, after the seq a reader already has', async () => {
      const { reportId } = await db.repos.reports.create({ userId: await db.newUser(), subject: 'finished' });
      for (const event of ['status', 'section', 'delta']) await db.repos.reportEvents.append(reportId, event, {});
      expect(await db.repos.reportEvents.appendFinal(reportId, 'complete', {})).toBe(4);
      expect(await db.repos.reportEvents.listAfter(reportId, 0)).toEqual([
        { reportId, seq: 4, event: 'complete', data: {} },
      ]);
      expect(await db.repos.reportEvents.listAfter(reportId, 3)).toHaveLength(1);
    });

    it('sweeps the events of finished reports once their last event is old, never those of a report in generation', async () => {
      const userId = await db.newUser();
      const finished = await db.repos.reports.create({ userId, subject: 'done long ago' });
      const running = await db.repos.reports.create({ userId, subject: 'still running' });
      await db.repos.reports.claim(running.reportId);
      await db.repos.reports.fail(finished.reportId, 'failed');
      for (const reportId of [finished.reportId, running.reportId]) {
        await db.repos.reportEvents.append(reportId, 'status', {});
        await db.repos.reportEvents.append(reportId, 'error', {});
      }
      expect(await db.repos.reportEvents.clearFinished(new Date(Date.now() - 60_000))).toBe(0);
      expect(await db.repos.reportEvents.clearFinished(new Date(Date.now() + 60_000))).toBe(2);
      expect(await db.repos.reportEvents.listAfter(finished.reportId, 0)).toEqual([]);
      expect(await db.repos.reportEvents.listAfter(running.reportId, 0)).toHaveLength(2);
    });
  });
});
