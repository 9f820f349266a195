/** The feature flags the application knows, each named after its environment variable. */
export type FeatureFlag = 'ENABLE_SUPABASE' | 'ENABLE_PAYMENTS';

/** Every feature flag, in a stable order. */
export const FEATURE_FLAGS: readonly FeatureFlag[] = Object.freeze(['ENABLE_SUPABASE', 'ENABLE_PAYMENTS']);

/** The value of `ENVIRONMENT_MODE`. */
export type EnvironmentMode = 'dev' | 'test' | 'production';

/** Every environment mode, in a stable order. */
export const ENVIRONMENT_MODES: readonly EnvironmentMode[] = Object.freeze(['dev', 'test', 'production']);

/**
 * The value of each flag in each mode when its variable is unset: dev has both off, test has Supabase on and
 * payments off, production has both on.
 */
export const FLAG_PRESETS: Readonly<Record<EnvironmentMode, Readonly<Record<FeatureFlag, boolean>>>> = Object.freeze({
  dev: Object.freeze({ ENABLE_SUPABASE: false, ENABLE_PAYMENTS: false }),
  test: Object.freeze({ ENABLE_SUPABASE: true, ENABLE_PAYMENTS: false }),
  production: Object.freeze({ ENABLE_SUPABASE: true, ENABLE_PAYMENTS: true }),
});
