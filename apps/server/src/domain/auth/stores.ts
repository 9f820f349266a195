import type { SessionsRepository, UsersRepository } from '@uksmr/database';

/** The user operations sign-in needs (from `@uksmr/database`'s users repository). */
export type UserStore = Pick<
  UsersRepository,
  'createLocal' | 'findLocalByEmail' | 'findById' | 'upsertExternal' | 'touchLogin' | 'setPasswordHash'
>;

/** The revocable-session operations local sign-in needs (the sessions repository). */
export type SessionStore = Pick<
  SessionsRepository,
  'create' | 'isActive' | 'revoke' | 'rotate' | 'useRefresh' | 'revokeAllForUser'
>;
