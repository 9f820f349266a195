import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Database } from '@uksmr/database';
import { runUserCommand, type UserCommandIo } from '../src/cli/user-command.js';
import { InvalidCredentialsError, TokenRejectedError } from '../src/domain/auth/errors.js';
import { createLocalAccounts } from '../src/domain/auth/local-accounts.js';
import { createPasswordHasher } from '../src/domain/auth/password.js';
import { createRefreshTokens } from '../src/domain/auth/refresh-tokens.js';
import { temporaryPassword } from '../src/domain/auth/reset-password.js';
import { createSessionTokens } from '../src/domain/auth/tokens.js';
import { testDatabase } from './support/app.js';

const SECRET = 'cli-secret-cli-secret-cli-secret-cli-0123';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.close();
});

function setup() {
  const repos = createRepositories(database);
  const passwords = createPasswordHasher({ N: 1024, r: 8, p: 1 });
  const now = () => new Date();
  const accounts = createLocalAccounts({
    users: repos.users,
    sessions: repos.sessions,
    tokens: createSessionTokens({ secret: SECRET, now }),
    refreshTokens: createRefreshTokens(SECRET),
    passwords,
    now,
  });
  const output: string[] = [];
  const errors: string[] = [];
  const io = (stdin = ''): UserCommandIo => ({
    readStdin: () => Promise.resolve(stdin),
    out: (line) => output.push(line),
    err: (line) => errors.push(line),
  });
  const run = (argv: string[], stdin?: string) =>
    runUserCommand(argv, { users: repos.users, sessions: repos.sessions, passwords }, io(stdin));
  return { accounts, output, errors, run };
}

describe('npm run user -- reset-password', () => {
  it('sets and prints a temporary password, ends every sign-in, and the old password stops working', async () => {
    const { accounts, output, run } = setup();
    const before = await accounts.signup('forgot@example.com', 'the old password');
    expect(await run(['reset-password', 'Forgot@Example.com'])).toBe(0);
    const printed = /Temporary password for Forgot@Example\.com: ([\w-]{16})\n/.exec(output[0])?.[1];
    expect(printed).toBeDefined();
    await expect(accounts.refreshWith(before.refreshToken)).rejects.toEqual(new TokenRejectedError('session-revoked'));
    await expect(accounts.authenticate(before.token)).rejects.toEqual(new TokenRejectedError('session-revoked'));
    await expect(accounts.login('forgot@example.com', 'the old password')).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    expect((await accounts.login('forgot@example.com', printed!)).user.email).toBe('forgot@example.com');
  });

  it('sets a password read from stdin without printing it', async () => {
    const { accounts, output, run } = setup();
    await accounts.signup('stdin@example.com', 'the old password');
    expect(await run(['reset-password', 'stdin@example.com', '--stdin'], 'chosen by operator\n')).toBe(0);
    expect(output.join('\n')).not.toContain('chosen by operator');
    expect((await accounts.login('stdin@example.com', 'chosen by operator')).user.email).toBe('stdin@example.com');
  });

  it.each([
    [[], 2, /Usage/],
    [['reset-password'], 2, /Usage/],
    [['delete-user', 'a@example.com'], 2, /Usage/],
    [['reset-password', 'a@example.com', '--force'], 2, /Usage/],
    [['reset-password', 'nobody@example.com'], 1, /No local account has the email nobody@example.com/],
  ])('refuses %j with exit %i', async (argv, code, message) => {
    const { errors, run } = setup();
    expect(await run(argv)).toBe(code);
    expect(errors.join('\n')).toMatch(message);
  });

  it('refuses a short password from stdin', async () => {
    const { errors, run } = setup();
    expect(await run(['reset-password', 'a@example.com', '--stdin'], 'short\n')).toBe(2);
    expect(errors[0]).toMatch(/at least 8/);
    expect(await run(['reset-password', 'a@example.com', '--stdin'], '')).toBe(2);
  });

  it('makes temporary passwords of 16 characters that differ', () => {
    const a = temporaryPassword();
    expect(a).toMatch(/^[\w-]{16}$/);
    expect(temporaryPassword()).not.toBe(a);
  });
});
