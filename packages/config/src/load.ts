import { resolve } from 'node:path';
import { resolveFlags, type EnvironmentMode } from '@uksmr/feature-flags';
import type { z } from 'zod';
import { toAppConfig, type AppConfig } from './app-config.js';
import { ensureDevAuthSecret } from './auth-secret.js';
import { readEnvFile } from './env-file.js';
import { ConfigError, configIssue } from './errors.js';
import { findRefusals } from './refusals.js';
import {
  configSchema,
  configVariables,
  isDerivedDefault,
  type ConfigVariable,
  type VariableName,
} from './variables.js';
import { readAppVersion } from './version.js';

/** Where `loadConfig` reads from besides the environment. */
export interface LoadConfigOptions {
  /** A dotenv file (relative to `cwd`) that must exist, or `false` for none; default: `cwd/.env` when present. */
  readonly envFile?: string | false;
  /** Directory of the default `.env` and of relative `DATA_DIR` / `LOG_DIR`; default: `process.cwd()`. */
  readonly cwd?: string;
}

type RawValues = Partial<Record<VariableName, string>>;

/** The trimmed, non-blank value of every known variable; the environment wins over the file. */
function collectRaw(env: NodeJS.ProcessEnv, file: Readonly<Record<string, string | undefined>>): RawValues {
  const raw: RawValues = {};
  for (const { name } of configVariables) {
    const value = (env[name] ?? file[name])?.trim();
    if (value) raw[name] = value;
  }
  return raw;
}

/** `raw` with each missing variable set to its default in `mode`; `$NAME` in a default stands for that value. */
function withDefaults(raw: RawValues, mode: EnvironmentMode): RawValues {
  const filled: RawValues = { ...raw };
  for (const { name, defaults } of configVariables) filled[name] ??= defaults[mode];
  for (const { name } of configVariables) {
    filled[name] = filled[name]?.replace(
      /\$([A-Z][A-Z0-9_]*)/g,
      (reference, variable: VariableName) => filled[variable] ?? reference,
    );
  }
  return filled;
}

/**
 * One issue per variable the schema refused, in table order. An unset variable whose default refers to another
 * (`APP_URL` to `PORT`) is skipped: its default fails only through that variable, which is reported itself.
 */
function schemaIssues(error: z.ZodError, raw: RawValues, mode: EnvironmentMode) {
  const refused = new Set(error.issues.map((issue) => issue.path[0]));
  const derived = ({ name, defaults }: ConfigVariable) => raw[name] === undefined && isDerivedDefault(defaults[mode]);
  return configVariables
    .filter((variable) => refused.has(variable.name) && !derived(variable))
    .map(({ name, expected }) => configIssue(name, expected));
}

/**
 * Reads, validates and freezes the configuration.
 *
 * Values come from `env`, then from the dotenv file; blank values count as unset, and every unset variable takes its
 * default for `ENVIRONMENT_MODE`. In dev and test a missing `AUTH_SECRET` (with `AUTH_PROVIDER=local`) is generated
 * once and kept in `DATA_DIR/auth-secret`.
 *
 * @param env the environment, `process.env` by default
 * @param options the dotenv file and working directory
 * @throws {ConfigError} naming every malformed variable, one per line; once all are well-formed, naming every
 *   refused one (missing or weak secrets in production, a feature without its settings)
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): AppConfig {
  const cwd = resolve(options.cwd ?? process.cwd());
  const raw = collectRaw(env, readEnvFile(options.envFile, cwd));
  const modeResult = configSchema.shape.ENVIRONMENT_MODE.safeParse(raw.ENVIRONMENT_MODE ?? 'dev');
  const mode = modeResult.success ? modeResult.data : 'dev';

  const parsed = configSchema.safeParse(withDefaults(raw, mode));
  if (!parsed.success) throw new ConfigError(schemaIssues(parsed.error, raw, mode));
  const values = parsed.data;
  const refused = findRefusals(values);
  if (refused.length > 0) throw new ConfigError(refused);

  const dataDir = resolve(cwd, values.DATA_DIR);
  const generateSecret = mode !== 'production' && values.AUTH_PROVIDER === 'local';
  return toAppConfig(values, {
    flags: resolveFlags(mode, raw),
    cwd,
    authSecret: values.AUTH_SECRET ?? (generateSecret ? ensureDevAuthSecret(dataDir) : undefined),
    version: readAppVersion(),
  });
}
