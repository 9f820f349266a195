import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../src/repositories/index.js';
import { targets, uniqueEmail, useRepositories } from './support/databases.js';

describe.each(targets)('users and sessions on $name ($where)', (target) => {
  const db = useRepositories(target);

  describe('users', () => {
    it('creates a local account with external_id local:<user_id>', async () => {
      const email = uniqueEmail();
      const user = await db.repos.users.createLocal({ email, passwordHash: 'hash-1' });
      expect(user).toMatchObject({ email, passwordHash: 'hash-1', authProvider: 'local', lastLoginAt: null });
      expect(user!.externalId).toBe(`local:${user!.userId}`);
      expect(user!.createdAt).toBeInstanceOf(Date);
      expect(await db.repos.users.findById(user!.userId)).toEqual(user);
    });

    it('refuses a second local account for the same e-mail in any case, with null', async () => {
      const email = uniqueEmail();
      await db.repos.users.createLocal({ email, passwordHash: 'h' });
      expect(await db.repos.users.createLocal({ email: email.toUpperCase(), passwordHash: 'h2' })).toBeNull();
      // Also inside a transaction, which a unique violation would have aborted.
      const inTx = await db.handle.db.transaction(async (tx) => {
        const again = await createRepositories(tx).users.createLocal({ email, passwordHash: 'h3' });
        const other = await createRepositories(tx).users.createLocal({ email: uniqueEmail(), passwordHash: 'h4' });
        return { again, other };
      });
      expect(inTx.again).toBeNull();
      expect(inTx.other).not.toBeNull();
    });

    it('finds a local account by e-mail case-insensitively, and nothing else', async () => {
      const email = uniqueEmail();
      const user = await db.repos.users.createLocal({ email, passwordHash: 'h' });
      expect(await db.repos.users.findLocalByEmail(email.toUpperCase())).toEqual(user);
      expect(await db.repos.users.findLocalByEmail(uniqueEmail())).toBeNull();
      await db.repos.users.upsertExternal({
        externalId: `user_${randomUUID()}`,
        authProvider: 'google',
        email: `x${email}`,
      });
      expect(await db.repos.users.findLocalByEmail(`x${email}`)).toBeNull();
    });

    it('returns null for an unknown or malformed user id', async () => {
      expect(await db.repos.users.findById(randomUUID())).toBeNull();
      expect(await db.repos.users.findById('not-a-uuid')).toBeNull();
    });

    it('inserts an outside identity, then updates its provider and e-mail', async () => {
      const externalId = `user_${randomUUID()}`;
      const first = await db.repos.users.upsertExternal({
        externalId,
        authProvider: 'google',
        email: 'a@example.test',
      });
      expect(first).toMatchObject({ externalId, authProvider: 'google', email: 'a@example.test', passwordHash: null });
      const second = await db.repos.users.upsertExternal({ externalId, authProvider: 'email', email: null });
      expect(second).toMatchObject({ userId: first.userId, authProvider: 'email', email: null });
      expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    });

    it('refuses an unknown auth provider and a local account without a password', async () => {
      await expect(
        db.handle.db.query(`INSERT INTO users (external_id, auth_provider) VALUES ('x', 'myspace')`),
      ).rejects.toMatchObject({ code: '23514' });
      await expect(
        db.handle.db.query(
          `INSERT INTO users (external_id, auth_provider, email) VALUES ('y', 'local', 'y@example.test')`,
        ),
      ).rejects.toMatchObject({ code: '23514' });
    });

    it('records a sign-in and moves updated_at', async () => {
      const user = (await db.repos.users.createLocal({ email: uniqueEmail(), passwordHash: 'h' }))!;
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await db.repos.users.touchLogin(user.userId)).toBe(true);
      const after = (await db.repos.users.findById(user.userId))!;
      expect(after.lastLoginAt).toBeInstanceOf(Date);
      expect(after.updatedAt.getTime()).toBeGreaterThan(user.updatedAt.getTime());
      expect(await db.repos.users.touchLogin(randomUUID())).toBe(false);
      expect(await db.repos.users.touchLogin('nope')).toBe(false);
    });
  });

  describe('sessions', () => {
    const inOneHour = () => new Date(Date.now() + 60 * 60 * 1000);

    it('is active until it expires, for its own user only', async () => {
      const userId = await db.newUser();
      const expiresAt = inOneHour();
      const { sessionId } = await db.repos.sessions.create({ userId, expiresAt });
      expect(await db.repos.sessions.isActive(sessionId, userId)).toBe(true);
      expect(await db.repos.sessions.isActive(sessionId, await db.newUser())).toBe(false);
      expect(await db.repos.sessions.isActive(sessionId, userId, new Date(expiresAt.getTime() - 1))).toBe(true);
      expect(await db.repos.sessions.isActive(sessionId, userId, expiresAt)).toBe(false);
      expect(await db.repos.sessions.isActive(randomUUID(), userId)).toBe(false);
      expect(await db.repos.sessions.isActive('garbage', userId)).toBe(false);
      expect(await db.repos.sessions.isActive(sessionId, 'garbage')).toBe(false);
    });

    it('is no longer active once revoked; revoking twice changes nothing', async () => {
      const userId = await db.newUser();
      const { sessionId } = await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      expect(await db.repos.sessions.revoke(sessionId)).toBe(true);
      expect(await db.repos.sessions.isActive(sessionId, userId)).toBe(false);
      expect(await db.repos.sessions.revoke(sessionId)).toBe(false);
      expect(await db.repos.sessions.revoke('garbage')).toBe(false);
    });

    it('rotates an active session once: the old one is revoked and points at its successor', async () => {
      const userId = await db.newUser();
      const { sessionId } = await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      const rotated = await db.repos.sessions.rotate(sessionId, userId, inOneHour());
      expect(rotated).not.toBeNull();
      expect(rotated!.sessionId).not.toBe(sessionId);
      expect(await db.repos.sessions.isActive(sessionId, userId)).toBe(false);
      expect(await db.repos.sessions.isActive(rotated!.sessionId, userId)).toBe(true);
      const { rows } = await db.handle.db.query<{ replaced_by: string }>(
        'SELECT replaced_by FROM auth_sessions WHERE session_id = $1',
        [sessionId],
      );
      expect(rows[0].replaced_by).toBe(rotated!.sessionId);
      expect(await db.repos.sessions.rotate(sessionId, userId, inOneHour())).toBeNull();
    });

    it('does not rotate a session of another user, an expired one, or a malformed id', async () => {
      const userId = await db.newUser();
      const { sessionId } = await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      expect(await db.repos.sessions.rotate(sessionId, await db.newUser(), inOneHour())).toBeNull();
      expect(await db.repos.sessions.isActive(sessionId, userId)).toBe(true);
      const expired = await db.repos.sessions.create({ userId, expiresAt: new Date(Date.now() - 1000) });
      expect(await db.repos.sessions.rotate(expired.sessionId, userId, inOneHour())).toBeNull();
      expect(await db.repos.sessions.rotate('garbage', userId, inOneHour())).toBeNull();
    });

    it('lets only one of several concurrent rotations win', async () => {
      const userId = await db.newUser();
      const { sessionId } = await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map(() => db.repos.sessions.rotate(sessionId, userId, inOneHour())),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('uses each refresh generation once and revokes the session when an older one comes back', async () => {
      const userId = await db.newUser();
      const now = new Date();
      const { sessionId } = await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      const later = new Date(now.getTime() + 2 * 60 * 60 * 1000);
      const use = (generation: number, at = now) =>
        db.repos.sessions.useRefresh({
          sessionId,
          generation,
          idleExpiresAt: later,
          maxAgeMs: 30 * 86_400_000,
          now: at,
        });
      expect(await use(0)).toEqual({ kind: 'rotated', userId, generation: 1, expiresAt: later });
      expect(await use(1)).toEqual({ kind: 'rotated', userId, generation: 2, expiresAt: later });
      expect(await use(5)).toEqual({ kind: 'inactive' });
      expect(await db.repos.sessions.isActive(sessionId, userId)).toBe(true);
      // Generation 1 again: a replay. The whole session ends, and even its current generation is refused.
      expect(await use(1)).toEqual({ kind: 'reused' });
      expect(await db.repos.sessions.isActive(sessionId, userId)).toBe(false);
      expect(await use(2)).toEqual({ kind: 'inactive' });
      expect(await use(1)).toEqual({ kind: 'inactive' });
    });

    it('never extends a refresh session past its absolute age, nor uses an expired or malformed one', async () => {
      const userId = await db.newUser();
      const { sessionId } = await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      const now = new Date();
      const far = new Date(now.getTime() + 10 * 86_400_000);
      const capped = await db.repos.sessions.useRefresh({
        sessionId,
        generation: 0,
        idleExpiresAt: far,
        maxAgeMs: 60_000,
        now,
      });
      expect(capped.kind).toBe('rotated');
      const cap = capped.kind === 'rotated' ? capped.expiresAt.getTime() : 0;
      expect(cap).toBeLessThanOrEqual(now.getTime() + 60_000 + 5_000);
      const afterCap = new Date(cap + 1);
      expect(
        await db.repos.sessions.useRefresh({
          sessionId,
          generation: 1,
          idleExpiresAt: far,
          maxAgeMs: 60_000,
          now: afterCap,
        }),
      ).toEqual({ kind: 'inactive' });
      expect(
        await db.repos.sessions.useRefresh({
          sessionId,
          generation: 0,
          idleExpiresAt: far,
          maxAgeMs: 60_000,
          now: afterCap,
        }),
      ).toEqual({ kind: 'inactive' });
      expect(
        await db.repos.sessions.useRefresh({
          sessionId: 'garbage',
          generation: 0,
          idleExpiresAt: far,
          maxAgeMs: 1,
          now,
        }),
      ).toEqual({ kind: 'inactive' });
      expect(
        await db.repos.sessions.useRefresh({ sessionId, generation: 0.5, idleExpiresAt: far, maxAgeMs: 1, now }),
      ).toEqual({ kind: 'inactive' });
    });

    it('revokes every session of one user, and sets a new password hash for a local account only', async () => {
      const userId = await db.newUser();
      const other = await db.newUser();
      const a = await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      const kept = await db.repos.sessions.create({ userId: other, expiresAt: inOneHour() });
      expect(await db.repos.sessions.revokeAllForUser(userId)).toBe(2);
      expect(await db.repos.sessions.isActive(a.sessionId, userId)).toBe(false);
      expect(await db.repos.sessions.isActive(kept.sessionId, other)).toBe(true);
      expect(await db.repos.sessions.revokeAllForUser('garbage')).toBe(0);
      const local = await db.repos.users.createLocal({ email: `reset-${Date.now()}@example.com`, passwordHash: 'old' });
      expect(await db.repos.users.setPasswordHash(local!.userId, 'new')).toBe(true);
      expect((await db.repos.users.findById(local!.userId))!.passwordHash).toBe('new');
      expect(await db.repos.users.setPasswordHash('garbage', 'new')).toBe(false);
    });

    it('disappears with its user', async () => {
      const userId = await db.newUser();
      const { sessionId } = await db.repos.sessions.create({ userId, expiresAt: inOneHour() });
      await db.handle.db.query('DELETE FROM users WHERE user_id = $1', [userId]);
      const { rows } = await db.handle.db.query('SELECT 1 FROM auth_sessions WHERE session_id = $1', [sessionId]);
      expect(rows).toEqual([]);
    });
  });
});
