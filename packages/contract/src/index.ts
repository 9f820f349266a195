/**
 * `@uksmr/contract`: the HTTP wire contract (docs: /work/shared/api-contract.md) as Zod schemas and their inferred
 * types, shared by the server (its routes' schemas, hence the OpenAPI document) and the web app (types only, plus
 * the plain values of `@uksmr/contract/plain`, so neither its bundle nor its tests load Zod).
 */
export * from './plain.js';
export * from './schemas/errors.js';
export * from './schemas/profile.js';
export * from './schemas/report.js';
export * from './schemas/queries.js';
export * from './schemas/stream.js';
export * from './schemas/questions.js';
export * from './schemas/app.js';
