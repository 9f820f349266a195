/**
 * `@uksmr/contract/plain`: the contract's plain values (enumerations, limits, the ten sections, the Markdown of a
 * report, the page and API paths) without any schema, so that loading them never loads Zod: what the web app imports
 * at run time (its types come from the main entry, as type-only imports).
 */
export * from './values.js';
export * from './sections.js';
export * from './markdown.js';
export * from './paths.js';
