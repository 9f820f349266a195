/**
 * Query rules: reads the subject a student typed ("I'm from India and want to study nursing in the UK") and returns
 * the one subject it asks about, or the contract's refusal (`UK_ONLY`, `MULTIPLE_COUNTRIES`, `MULTIPLE_SUBJECTS`,
 * `VALIDATION_ERROR`). Pure: no HTTP, no database. See README.md in this folder for the decisions it encodes.
 */
export { interpretQuery } from './interpret.js';
export { MAX_SUBJECT_LENGTH, UK_ONLY_DETAIL } from './types.js';
export type { QueryAccepted, QueryInput, QueryRefusal, QueryRefusalCode } from './types.js';
