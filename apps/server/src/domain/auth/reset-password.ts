import { randomBytes } from 'node:crypto';
import { normaliseEmail } from './email.js';
import type { PasswordHasher } from './password.js';
import type { SessionStore, UserStore } from './stores.js';

/** What a password reset needs. */
export interface ResetPasswordDeps {
  readonly users: Pick<UserStore, 'findLocalByEmail' | 'setPasswordHash'>;
  readonly sessions: Pick<SessionStore, 'revokeAllForUser'>;
  readonly passwords: Pick<PasswordHasher, 'hash'>;
}

/** A temporary password: 16 base64url characters (96 random bits), easy to read out and type. */
export function temporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Sets a new password for the local account of `email` and ends all its sign-ins (every tab, every device).
 * False when no local account has that email.
 */
export async function resetPassword(
  { users, sessions, passwords }: ResetPasswordDeps,
  email: string,
  password: string,
): Promise<boolean> {
  const user = await users.findLocalByEmail(normaliseEmail(email));
  if (!user) return false;
  await users.setPasswordHash(user.userId, await passwords.hash(password));
  await sessions.revokeAllForUser(user.userId);
  return true;
}
