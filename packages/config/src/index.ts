/**
 * Typed, validated configuration of every variable in the HTTP contract's start-up table, and the generated
 * `.env.example` and environment documentation.
 *
 * @packageDocumentation
 */
export { loadConfig } from './load.js';
export type { LoadConfigOptions } from './load.js';
export type { AppConfig, AuthProvider, CronMode, LogLevel } from './app-config.js';
export { ConfigError } from './errors.js';
export type { ConfigIssue } from './errors.js';
export { configSchema, configVariables } from './variables.js';
export type { ConfigValues, ConfigVariable, ModeDefaults, VariableDocs, VariableName } from './variables.js';
export { estimatedEntropyBits, refusals } from './refusals.js';
export type { Refusal } from './refusals.js';
export { AUTH_SECRET_FILE, ensureDevAuthSecret } from './auth-secret.js';
export { renderEnvExample, renderEnvironmentDocs } from './render.js';
export type { EnvironmentMode, ResolvedFlags } from '@uksmr/feature-flags';
