import { describe, expect, it } from 'vitest';
import { targets } from './support/databases.js';

describe.each(targets)('ping on $name ($where)', (target) => {
  it('answers while the database is open and fails once it is closed', async () => {
    const handle = await target.open();
    const { db } = handle;
    await expect(db.ping()).resolves.toBeUndefined();
    await handle.dispose();
    await expect(db.ping()).rejects.toThrow();
  });
});
