import { parseBoolean, BOOLEAN_EXPECTATION } from './boolean.js';
import { FEATURE_FLAGS, FLAG_PRESETS, type EnvironmentMode, type FeatureFlag } from './flags.js';

/** Where a flag's value came from: the mode's preset or an explicit environment variable. */
export type FlagSource = 'preset' | 'environment';

/** One flag's resolved value and its origin. */
export interface FlagState {
  readonly value: boolean;
  readonly source: FlagSource;
}

/** The value and origin of every flag. */
export type ResolvedFlags = Readonly<Record<FeatureFlag, FlagState>>;

/** Thrown when a flag's variable holds something other than a boolean word. */
export class FlagValueError extends Error {
  /** The variable that holds the bad value. */
  readonly variable: FeatureFlag;

  /**
   * @param variable the flag whose variable holds a bad value
   * @param value the text it holds
   */
  constructor(variable: FeatureFlag, value: string) {
    super(`${variable}: expected ${BOOLEAN_EXPECTATION}, got ${JSON.stringify(value)}`);
    this.name = 'FlagValueError';
    this.variable = variable;
  }
}

/**
 * Resolves every flag for a mode: an explicit, non-blank variable wins over the mode's preset.
 *
 * @param mode the environment mode whose presets apply
 * @param env the environment variables (usually `process.env`); blank values count as unset
 * @throws {FlagValueError} when a variable is set to something other than a boolean word
 */
export function resolveFlags(mode: EnvironmentMode, env: Readonly<Record<string, string | undefined>>): ResolvedFlags {
  const entries = FEATURE_FLAGS.map((flag): [FeatureFlag, FlagState] => {
    const text = env[flag]?.trim();
    if (text === undefined || text === '') {
      return [flag, Object.freeze({ value: FLAG_PRESETS[mode][flag], source: 'preset' })];
    }
    const value = parseBoolean(text);
    if (value === undefined) throw new FlagValueError(flag, text);
    return [flag, Object.freeze({ value, source: 'environment' })];
  });
  return Object.freeze(Object.fromEntries(entries) as Record<FeatureFlag, FlagState>);
}
