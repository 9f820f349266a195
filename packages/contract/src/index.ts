/**
 * `@uksmr/contract`: the HTTP wire contract (docs: /work/shared/api-contract.md) as Zod schemas and their inferred
 * types, shared by the server (its routes' schemas, hence the OpenAPI document) and the web app (types only, plus
 * the plain constants below, so its bundle never carries Zod).
 */
export * from './values.js';
export * from './sections.js';
export * from './markdown.js';
export * from './paths.js';
export * from './schemas/errors.js';
export * from './schemas/profile.js';
export * from './schemas/report.js';
export * from './schemas/queries.js';
export * from './schemas/stream.js';
export * from './schemas/app.js';
