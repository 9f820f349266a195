import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

/**
 * The JSON Schema a Zod response schema produces on output, in OpenAPI 3.0 form: a nullable value is
 * `nullable: true`, which fast-json-stringify serialises directly, where `anyOf: [T, null]` would make it run
 * a validator on every value to choose a branch.
 */
export function responseJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'output', target: 'openapi-3.0', unrepresentable: 'any' });
}

/**
 * The serializer compiler of every route: each Zod response schema is turned into JSON Schema once, at start,
 * and compiled by fast-json-stringify into a function that writes exactly the declared fields (undeclared ones
 * are dropped, as Zod's own output would). Outgoing objects are not validated field by field on every response
 * as the type provider's serializer does: the route handlers build them from typed DTOs.
 */
export const compiledSerializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) =>
  fastJson(responseJsonSchema(route.schema));
