import { randomUUID } from 'node:crypto';
import type { Queryable } from '../types.js';
import { changed, firstRow, isUuid } from './sql.js';

/** What presenting a refresh token of `generation` did to its session. */
export type RefreshOutcome =
  /** The session was active at that generation: it moved on to `generation` and now expires at `expiresAt`. */
  | { readonly kind: 'rotated'; readonly userId: string; readonly generation: number; readonly expiresAt: Date }
  /** The generation was already used: a replay, so the session (the whole family) has been revoked now. */
  | { readonly kind: 'reused' }
  /** Unknown, revoked or expired session: nothing changed. */
  | { readonly kind: 'inactive' };

/** Refresh sessions of local accounts: a token is valid while its session is active. */
export interface SessionsRepository {
  create(input: { userId: string; expiresAt: Date }): Promise<{ sessionId: string }>;
  /** True when the session exists for this user, is not revoked and has not expired at `now`. */
  isActive(sessionId: string, userId: string, now?: Date): Promise<boolean>;
  /** Revokes the session; false when it was unknown or already revoked. */
  revoke(sessionId: string): Promise<boolean>;
  /**
   * In one statement, revokes the active session (recording its successor) and creates a new one expiring at
   * `expiresAt`; null when the old one was not active, so a token can be refreshed only once.
   */
  rotate(sessionId: string, userId: string, expiresAt: Date): Promise<{ sessionId: string } | null>;
  /**
   * Uses the refresh token of `generation`: when the session is active at exactly that generation it moves on by one
   * and its expiry becomes `idleExpiresAt`, but never later than `maxAgeMs` after the sign-in; when the session is
   * active at a later generation, the token was used before and the session is revoked (reuse detection).
   */
  useRefresh(input: {
    sessionId: string;
    generation: number;
    idleExpiresAt: Date;
    maxAgeMs: number;
    now: Date;
  }): Promise<RefreshOutcome>;
  /** Revokes every active session of the user (a password reset); returns how many. */
  revokeAllForUser(userId: string): Promise<number>;
}

/** The sessions repository over `q`. */
export function sessionsRepository(q: Queryable): SessionsRepository {
  return {
    async create({ userId, expiresAt }) {
      const result = await q.query<{ session_id: string }>(
        'INSERT INTO auth_sessions (user_id, expires_at) VALUES ($1, $2) RETURNING session_id',
        [userId, expiresAt],
      );
      return { sessionId: result.rows[0].session_id };
    },
    async isActive(sessionId, userId, now = new Date()) {
      if (!isUuid(sessionId) || !isUuid(userId)) return false;
      const result = await q.query(
        `SELECT 1 FROM auth_sessions
         WHERE session_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > $3`,
        [sessionId, userId, now],
      );
      return result.rows.length > 0;
    },
    async revoke(sessionId) {
      if (!isUuid(sessionId)) return false;
      return changed(
        await q.query('UPDATE auth_sessions SET revoked_at = now() WHERE session_id = $1 AND revoked_at IS NULL', [
          sessionId,
        ]),
      );
    },
    async rotate(sessionId, userId, expiresAt) {
      if (!isUuid(sessionId) || !isUuid(userId)) return null;
      const result = await q.query<{ session_id: string }>(
        `WITH old AS (
           UPDATE auth_sessions SET revoked_at = now(), replaced_by = $4
           WHERE session_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()
           RETURNING user_id
         )
         INSERT INTO auth_sessions (session_id, user_id, expires_at) SELECT $4, user_id, $3 FROM old
         RETURNING session_id`,
        [sessionId, userId, expiresAt, randomUUID()],
      );
      const row = firstRow(result);
      return row && { sessionId: row.session_id };
    },
    async useRefresh({ sessionId, generation, idleExpiresAt, maxAgeMs, now }) {
      if (!isUuid(sessionId) || !Number.isSafeInteger(generation)) return { kind: 'inactive' };
      const rotated = firstRow(
        await q.query<{ user_id: string; refresh_generation: number; expires_at: Date }>(
          `UPDATE auth_sessions
           SET refresh_generation = refresh_generation + 1,
               expires_at = LEAST($3::timestamptz, created_at + $4 * interval '1 millisecond')
           WHERE session_id = $1 AND refresh_generation = $2 AND revoked_at IS NULL AND expires_at > $5
           RETURNING user_id, refresh_generation, expires_at`,
          [sessionId, generation, idleExpiresAt, maxAgeMs, now],
        ),
      );
      if (rotated) {
        return {
          kind: 'rotated',
          userId: rotated.user_id,
          generation: rotated.refresh_generation,
          expiresAt: new Date(rotated.expires_at),
        };
      }
      const replay = await q.query(
        `UPDATE auth_sessions SET revoked_at = $3
         WHERE session_id = $1 AND refresh_generation > $2 AND revoked_at IS NULL AND expires_at > $3`,
        [sessionId, generation, now],
      );
      return changed(replay) ? { kind: 'reused' } : { kind: 'inactive' };
    },
    async revokeAllForUser(userId) {
      if (!isUuid(userId)) return 0;
      const result = await q.query(
        'UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
        [userId],
      );
      return result.rowCount;
    },
  };
}
