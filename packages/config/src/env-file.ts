import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads the variables of a dotenv file with Node's own parser (`util.parseEnv`).
 *
 * @param envFile `false` to read nothing; a path (relative to `cwd`) that must exist; or `undefined` for `cwd/.env`
 *   when it exists
 * @param cwd the directory relative paths start from
 */
export function readEnvFile(
  envFile: string | false | undefined,
  cwd: string,
): Readonly<Record<string, string | undefined>> {
  if (envFile === false) return {};
  const path = resolve(cwd, envFile ?? '.env');
  if (envFile === undefined && !existsSync(path)) return {};
  return parseEnv(readFileSync(path, 'utf8'));
}
