import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { LRUCache } from 'lru-cache';
import type { $ZodType } from 'zod/v4/core';

/** Valid query strings remembered per route (`GET /reports` is asked the same few pages over and over). */
export const REMEMBERED_QUERIES = 256;
/** Longest query (as JSON) remembered: a longer one is validated every time, so the memory stays small. */
export const REMEMBERED_QUERY_MAX_LENGTH = 200;

/** What a validator answers, as fastify-type-provider-zod's does: the parsed value, or the error. */
type Validation = ReturnType<ReturnType<FastifySchemaCompiler<$ZodType>>>;

/** Whether a validator's answer is a value (not an error, not a promise). */
function isValue(result: Validation): result is { value: unknown } {
  return typeof result === 'object' && 'value' in result && !('error' in result && result.error);
}

/**
 * Fastify's validator compiler: fastify-type-provider-zod's, each route's Zod schema compiled once at start, with the
 * query strings it found valid remembered (by their parsed fields, {@link REMEMBERED_QUERIES} per route, least
 * recently used dropped first). Every request with the same query gets the very value Zod produced for it the first time, frozen, so that no
 * request can change what the next one is given; an invalid query is validated every time and answers its 400 as
 * before. Bodies, params and headers are validated every time.
 */
export const rememberingValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const validate = validatorCompiler(route);
  if (route.httpPart !== 'querystring') return validate;
  const valid = new LRUCache<string, { value: unknown }>({ max: REMEMBERED_QUERIES });
  return (data: unknown) => {
    const key = JSON.stringify(data);
    const rememberable = key.length <= REMEMBERED_QUERY_MAX_LENGTH;
    const known = rememberable ? valid.get(key) : undefined;
    if (known) return known;
    const result = validate(data);
    if (!rememberable || !isValue(result)) return result;
    const kept = Object.freeze({ value: Object.freeze(result.value) });
    valid.set(key, kept);
    return kept;
  };
};
