import type { ResetPasswordDeps } from '../domain/auth/reset-password.js';
import { resetPassword, temporaryPassword } from '../domain/auth/reset-password.js';

/** Where the command reads and writes; injected so that tests drive it. */
export interface UserCommandIo {
  /** The whole of standard input (only read with `--stdin`). */
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = 'Usage: npm run user -- reset-password EMAIL [--stdin]';
/** Shortest password accepted from stdin, as at sign-up. */
const MIN_PASSWORD_LENGTH = 8;

/**
 * `npm run user -- reset-password EMAIL [--stdin]`, the operator's password reset for local accounts. By default it
 * sets and prints a temporary password, for the operator to pass on through the channel the student wrote from;
 * with `--stdin` it sets the password read from standard input instead (nothing secret on the command line or in
 * shell history). Either way every sign-in of the account ends. Returns the exit code.
 */
export async function runUserCommand(
  argv: readonly string[],
  deps: ResetPasswordDeps,
  io: UserCommandIo,
): Promise<number> {
  const [command, email, ...flags] = argv;
  const fromStdin = flags.includes('--stdin');
  if (command !== 'reset-password' || !email || flags.some((flag) => flag !== '--stdin')) {
    io.err(USAGE);
    return 2;
  }
  const password = fromStdin ? ((await io.readStdin()).split(/\r?\n/)[0] ?? '') : temporaryPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    io.err(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    return 2;
  }
  if (!(await resetPassword(deps, email, password))) {
    io.err(`No local account has the email ${email}.`);
    return 1;
  }
  io.out(
    fromStdin
      ? `Password set for ${email}; every sign-in of the account has ended.`
      : `Temporary password for ${email}: ${password}\nEvery sign-in of the account has ended. Ask the student to sign in with it.`,
  );
  return 0;
}
