import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { targets, useRepositories } from './support/databases.js';

describe.each(targets)('question reads with ids that are not UUIDs on $name ($where)', (target) => {
  const db = useRepositories(target);

  it('lists and gets nothing for a report or question id that is not a UUID, without asking the database', async () => {
    const userId = await db.newUser();
    // PostgreSQL would refuse such an id in a uuid comparison (22P02): the repository answers without a query.
    await expect(db.handle.db.query('SELECT $1::uuid', ['not-a-uuid'])).rejects.toMatchObject({ code: '22P02' });
    expect(await db.repos.questions.listForOwner(userId, 'not-a-uuid')).toEqual([]);
    expect(await db.repos.questions.listForOwner(userId, `${randomUUID()}0`)).toEqual([]);
    expect(await db.repos.questions.getForOwner(userId, 'not-a-uuid', randomUUID())).toBeNull();
    expect(await db.repos.questions.getForOwner(userId, randomUUID(), 'not-a-uuid')).toBeNull();
  });
});
