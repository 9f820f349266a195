import type { AuthProviderKind, Queryable, User } from '../types.js';
import { changed, firstRow, isUuid } from './sql.js';

/** A `users` row as the drivers return it. */
interface UserRecord {
  user_id: string;
  external_id: string;
  auth_provider: AuthProviderKind;
  email: string | null;
  password_hash: string | null;
  created_at: Date;
  updated_at: Date;
  last_login_at: Date | null;
}

function toUser(row: UserRecord): User {
  return {
    userId: row.user_id,
    externalId: row.external_id,
    authProvider: row.auth_provider,
    email: row.email,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

/** Accounts: local ones (e-mail and password hash) and those of an outside provider (Clerk). */
export interface UsersRepository {
  /** Creates a local account (`external_id` = `local:<user_id>`); null when a local account has this e-mail (any case). */
  createLocal(input: { email: string; passwordHash: string }): Promise<User | null>;
  /** The local account with this e-mail, compared case-insensitively. */
  findLocalByEmail(email: string): Promise<User | null>;
  findById(userId: string): Promise<User | null>;
  /** Inserts the user of an outside provider, or updates its provider and e-mail when `externalId` is known. */
  upsertExternal(input: { externalId: string; authProvider: AuthProviderKind; email: string | null }): Promise<User>;
  /** Records a sign-in now; false for an unknown user. */
  touchLogin(userId: string): Promise<boolean>;
  /** Replaces the password hash of a local account (an operator's password reset); false for an unknown user. */
  setPasswordHash(userId: string, passwordHash: string): Promise<boolean>;
}

/** The users repository over `q`. */
export function usersRepository(q: Queryable): UsersRepository {
  return {
    async createLocal({ email, passwordHash }) {
      const result = await q.query<UserRecord>(
        `WITH new_user AS (SELECT gen_random_uuid() AS user_id)
         INSERT INTO users (user_id, external_id, auth_provider, email, password_hash)
         SELECT user_id, 'local:' || user_id, 'local', $1, $2 FROM new_user
         ON CONFLICT (lower(email)) WHERE auth_provider = 'local' DO NOTHING
         RETURNING *`,
        [email, passwordHash],
      );
      const row = firstRow(result);
      return row && toUser(row);
    },
    async findLocalByEmail(email) {
      const result = await q.query<UserRecord>(
        `SELECT * FROM users WHERE auth_provider = 'local' AND lower(email) = lower($1)`,
        [email],
      );
      const row = firstRow(result);
      return row && toUser(row);
    },
    async findById(userId) {
      if (!isUuid(userId)) return null;
      const row = firstRow(await q.query<UserRecord>('SELECT * FROM users WHERE user_id = $1', [userId]));
      return row && toUser(row);
    },
    async upsertExternal({ externalId, authProvider, email }) {
      const result = await q.query<UserRecord>(
        `INSERT INTO users (external_id, auth_provider, email) VALUES ($1, $2, $3)
         ON CONFLICT (external_id) DO UPDATE SET auth_provider = EXCLUDED.auth_provider, email = EXCLUDED.email
         RETURNING *`,
        [externalId, authProvider, email],
      );
      return toUser(result.rows[0]);
    },
    async touchLogin(userId) {
      if (!isUuid(userId)) return false;
      return changed(await q.query('UPDATE users SET last_login_at = now() WHERE user_id = $1', [userId]));
    },
    async setPasswordHash(userId, passwordHash) {
      if (!isUuid(userId)) return false;
      return changed(
        await q.query(`UPDATE users SET password_hash = $2 WHERE user_id = $1 AND auth_provider = 'local'`, [
          userId,
          passwordHash,
        ]),
      );
    },
  };
}
