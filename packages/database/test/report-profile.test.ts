import { describe, expect, it } from 'vitest';
import { targets, useRepositories } from './support/databases.js';

describe.each(targets)('the profile a report is written for (migration 004) on $name ($where)', (target) => {
  const db = useRepositories(target);
  const profile = { level: 'postgraduate_taught', intake: '2027-09', city: 'London', nationality: 'IN' } as const;

  it('stores the subject id and the profile, and returns them on get and in both lists', async () => {
    const userId = await db.newUser();
    const created = await db.repos.reports.create({
      userId,
      subject: 'MSc Data Science',
      subjectId: 'data-science-ai',
      profile,
    });
    expect(created).toMatchObject({ subjectId: 'data-science-ai', profile });
    expect(await db.repos.reports.getForOwner(userId, created.reportId)).toMatchObject({
      subjectId: 'data-science-ai',
      profile,
    });
    for (const withContent of [true, false]) {
      const page = await db.repos.reports.listForOwner(userId, { limit: 10, offset: 0, withContent });
      expect(page.reports[0]).toMatchObject({ subjectId: 'data-science-ai', profile });
    }
  });

  it('leaves every part null when unknown, also for a partial profile', async () => {
    const userId = await db.newUser();
    const bare = await db.repos.reports.create({ userId, subject: 'Nursing' });
    expect(bare).toMatchObject({
      subjectId: null,
      profile: { level: null, intake: null, city: null, nationality: null },
    });
    const partial = await db.repos.reports.create({ userId, subject: 'Nursing', profile: { intake: '2028-01' } });
    expect(partial.profile).toEqual({ level: null, intake: '2028-01', city: null, nationality: null });
  });

  it.each([
    ['level', 'diploma'],
    ['intake', 'September 2027'],
    ['intake', '2027-13'],
    ['nationality', 'US'],
    ['city', 'x'.repeat(101)],
  ])('refuses a stored %s of %j', async (column, value) => {
    const userId = await db.newUser();
    await expect(
      db.handle.db.query(`INSERT INTO reports (user_id, subject, ${column}) VALUES ($1, 'Law', $2)`, [userId, value]),
    ).rejects.toMatchObject({ code: '23514' });
  });
});
