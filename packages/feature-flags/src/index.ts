/**
 * Feature flags `ENABLE_SUPABASE` and `ENABLE_PAYMENTS`: mode presets, explicit overrides and logged evaluation.
 * Pure: no dependencies and no I/O.
 *
 * @packageDocumentation
 */
export { BOOLEAN_EXPECTATION, parseBoolean } from './boolean.js';
export { ENVIRONMENT_MODES, FEATURE_FLAGS, FLAG_PRESETS } from './flags.js';
export type { EnvironmentMode, FeatureFlag } from './flags.js';
export { FlagValueError, resolveFlags } from './resolve.js';
export type { FlagSource, FlagState, ResolvedFlags } from './resolve.js';
export { createFeatureFlags } from './feature-flags.js';
export type { FeatureFlags, FlagEvaluation, FlagEvaluationListener } from './feature-flags.js';
