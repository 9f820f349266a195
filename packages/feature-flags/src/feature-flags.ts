import { FEATURE_FLAGS, type FeatureFlag } from './flags.js';
import type { FlagSource, FlagState, ResolvedFlags } from './resolve.js';

/** What is reported each time a flag is evaluated. */
export interface FlagEvaluation {
  readonly flag: FeatureFlag;
  readonly value: boolean;
  readonly source: FlagSource;
}

/** Receives every flag evaluation, e.g. `(entry) => logger.debug(entry, 'feature flag evaluated')`. */
export type FlagEvaluationListener = (entry: FlagEvaluation) => void;

/** Read access to the resolved flags. */
export interface FeatureFlags {
  /** Whether `flag` is on; reports the evaluation to the listener given at creation. */
  isEnabled(flag: FeatureFlag): boolean;
  /** The value and origin of every flag (frozen); does not report evaluations. */
  snapshot(): ResolvedFlags;
}

/**
 * Wraps resolved flags for the application to read.
 *
 * @param resolved the output of `resolveFlags`
 * @param log called with `{ flag, value, source }` on every `isEnabled` call
 * @throws {TypeError} from `isEnabled` for a name that is not a feature flag (only reachable from untyped callers)
 */
export function createFeatureFlags(resolved: ResolvedFlags, log?: FlagEvaluationListener): FeatureFlags {
  const flags = Object.freeze(
    Object.fromEntries(
      FEATURE_FLAGS.map((flag) => [
        flag,
        Object.freeze({ value: resolved[flag].value, source: resolved[flag].source }),
      ]),
    ) as Record<FeatureFlag, FlagState>,
  );
  return Object.freeze({
    isEnabled(flag: FeatureFlag): boolean {
      if (!FEATURE_FLAGS.includes(flag)) throw new TypeError(`unknown feature flag ${JSON.stringify(flag)}`);
      const { value, source } = flags[flag];
      log?.({ flag, value, source });
      return value;
    },
    snapshot: (): ResolvedFlags => flags,
  });
}
