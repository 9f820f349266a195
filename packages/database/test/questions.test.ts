import { describe, expect, it } from 'vitest';
import { askWithinLimit } from '../src/repositories/questions.js';
import { daysAgo, targets, useRepositories } from './support/databases.js';

describe.each(targets)('follow-up questions on $name', (target) => {
  const db = useRepositories(target);

  /** A completed report of a new user. */
  async function completedReport(): Promise<{ userId: string; reportId: string }> {
    const userId = await db.newUser();
    const { reportId } = await db.repos.reports.create({ userId, subject: 'Nursing' });
    await db.repos.reports.claim(reportId);
    await db.repos.reports.complete(reportId, { content: {}, citations: [], generationMetadata: {} });
    return { userId, reportId };
  }

  const ask = (userId: string, reportId: string, text: string, max = 3) =>
    askWithinLimit(db.handle.db, { userId, reportId, text, max });

  it('asks on the owner’s completed report only: another user, a pending report and a non-UUID are refused', async () => {
    const { userId, reportId } = await completedReport();
    expect(await ask(userId, reportId, 'Can my wife come?')).toMatchObject({
      kind: 'asked',
      question: { status: 'pending', reportId, userId },
    });
    expect(await ask(await db.newUser(), reportId, 'Can my wife come?')).toEqual({ kind: 'not-found' });
    expect(await ask(userId, 'not-a-uuid', 'x')).toEqual({ kind: 'not-found' });
    const pending = await db.repos.reports.create({ userId, subject: 'Law' });
    expect(await ask(userId, pending.reportId, 'x')).toEqual({ kind: 'not-completed', status: 'pending' });
  });

  it('lets no more than the limit through when five questions arrive at once, and does not count failed ones', async () => {
    const { userId, reportId } = await completedReport();
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((i) => ask(userId, reportId, `Question ${i}?`)));
    expect(outcomes.filter((o) => o.kind === 'asked')).toHaveLength(3);
    expect(outcomes.filter((o) => o.kind === 'limit-reached')).toHaveLength(2);
    const [first] = await db.repos.questions.listForOwner(userId, reportId);
    await db.repos.questions.claim(first.questionId);
    expect(await db.repos.questions.fail(first.questionId, 'no answer')).toBe(true);
    expect(await ask(userId, reportId, 'Again?')).toMatchObject({ kind: 'asked' });
    expect(await ask(userId, reportId, 'One more?')).toMatchObject({ kind: 'limit-reached', asked: 3 });
  });

  it('moves pending → answering → answered once, and shows the question to its owner only', async () => {
    const { userId, reportId } = await completedReport();
    const asked = await ask(userId, reportId, 'What is a CAS?');
    if (asked.kind !== 'asked') throw new Error(asked.kind);
    const id = asked.question.questionId;
    const claims = await Promise.all([1, 2, 3].map(() => db.repos.questions.claim(id)));
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    expect(
      await db.repos.questions.complete(id, {
        answer: 'A CAS is … [1]',
        citations: [{ id: 1 }],
        generationMetadata: {},
      }),
    ).toBe(true);
    expect(await db.repos.questions.complete(id, { answer: 'again', citations: [], generationMetadata: {} })).toBe(
      false,
    );
    expect(await db.repos.questions.getForOwner(userId, reportId, id)).toMatchObject({
      status: 'answered',
      answer: 'A CAS is … [1]',
      citations: [{ id: 1 }],
    });
    expect(await db.repos.questions.getForOwner(await db.newUser(), reportId, id)).toBeNull();
    expect(await db.repos.questions.getForOwner(userId, reportId, 'nope')).toBeNull();
  });

  it('hides a soft-deleted report’s questions and erases them with it', async () => {
    const { userId, reportId } = await completedReport();
    const asked = await ask(userId, reportId, 'How long is the Graduate visa?');
    if (asked.kind !== 'asked') throw new Error(asked.kind);
    await db.repos.questionEvents.append(asked.question.questionId, 'status', { status: 'answering' });
    await db.handle.db.query('UPDATE reports SET deleted_at = $2 WHERE report_id = $1', [reportId, daysAgo(61)]);
    expect(await db.repos.questions.listForOwner(userId, reportId)).toEqual([]);
    expect(await db.repos.questions.getForOwner(userId, reportId, asked.question.questionId)).toBeNull();
    expect(await db.repos.reports.eraseDeleted(daysAgo(60))).toBeGreaterThanOrEqual(1);
    const left = await db.handle.db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM report_questions WHERE report_id = $1) + (SELECT count(*) FROM question_events WHERE question_id = $2) AS n',
      [reportId, asked.question.questionId],
    );
    expect(Number(left.rows[0].n)).toBe(0);
  });

  it('fails questions abandoned in answering and lists those left pending', async () => {
    const { userId, reportId } = await completedReport();
    const a = await ask(userId, reportId, 'a?');
    const b = await ask(userId, reportId, 'b?');
    if (a.kind !== 'asked' || b.kind !== 'asked') throw new Error('not asked');
    await db.repos.questions.claim(a.question.questionId);
    const later = new Date(Date.now() + 60_000);
    expect((await db.repos.questions.failStale(later, 'stale')).map((q) => q.questionId)).toEqual([
      a.question.questionId,
    ]);
    expect(await db.repos.questions.listPendingBefore(later)).toContain(b.question.questionId);
  });
});
