import { text } from 'node:stream/consumers';
import { ConfigError, loadConfig } from '@uksmr/config';
import { createDatabase, createRepositories } from '@uksmr/database';
import { createPasswordHasher } from '../domain/auth/password.js';
import { runUserCommand } from './user-command.js';

/**
 * Entry point of `npm run user -- …` (see `runUserCommand`). Uses the same configuration and database as the
 * server; with the embedded database (no DATABASE_URL) stop the server first, as PGlite has one process at a time.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await createDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    dataDir: config.dataDir,
  });
  try {
    const repos = createRepositories(database);
    return await runUserCommand(
      process.argv.slice(2),
      { users: repos.users, sessions: repos.sessions, passwords: createPasswordHasher() },
      {
        readStdin: () => text(process.stdin),
        out: (line) => process.stdout.write(`${line}\n`),
        err: (line) => process.stderr.write(`${line}\n`),
      },
    );
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? 'Configuration error' : 'Failed'}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
