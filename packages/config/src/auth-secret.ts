import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file inside `DATA_DIR` that keeps the generated dev/test `AUTH_SECRET`. */
export const AUTH_SECRET_FILE = 'auth-secret';

function readExistingSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Returns the `AUTH_SECRET` kept in `dataDir/auth-secret`, creating it first (32 random bytes, base64url, file
 * mode 0600, directory created as needed) when it is missing or empty. For dev and test only: production must set
 * `AUTH_SECRET` itself.
 *
 * @param dataDir the absolute `DATA_DIR`
 */
export function ensureDevAuthSecret(dataDir: string): string {
  const file = join(dataDir, AUTH_SECRET_FILE);
  const existing = readExistingSecret(file);
  if (existing !== undefined) return existing;
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
