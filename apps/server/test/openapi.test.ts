import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBJECT_MAX_LENGTH } from '@uksmr/contract';
import type { Database } from '@uksmr/database';
import { BAD_URL_ROUTE } from '../src/bad-url.js';
import { commonStatuses } from '../src/openapi/common-responses.js';
import { OPENAPI_ENV } from '../src/openapi/document-settings.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { registeredRoutes } from './support/routes.js';
import { bearer, signUp } from './support/users.js';

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly properties?: Record<string, JsonSchema>;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
}

interface Operation {
  readonly operationId?: string;
  readonly security?: readonly Record<string, unknown>[];
  readonly parameters?: readonly { name: string; in: string; schema: JsonSchema }[];
  readonly requestBody?: { content: Record<string, { schema: JsonSchema }> };
  readonly responses: Record<string, unknown>;
}

interface Document {
  readonly servers?: readonly { url: string }[];
  readonly paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let database: Database;
let t: TestApp;
let doc: Document;

beforeAll(async () => {
  database = await testDatabase(process.env.TEST_DATABASE_URL);
  // The settings `npm run lint:openapi` documents (payments and /metrics on), and no web app build: its files are
  // the web app's, not the API's.
  t = await buildTestApp(
    database,
    { ...OPENAPI_ENV, LOG_LEVEL: 'debug' },
    { webRoot: mkdtempSync(join(tmpdir(), 'uksmr-no-web-')) },
  );
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<Document>();
});
afterAll(async () => {
  await t.close();
  await database.close();
});

/** Every documented operation as `METHOD /fastify/:path`. */
function documented(): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

/** Every string in `schema` (objects and arrays walked), with its path. */
function strings(schema: JsonSchema, at: string): { at: string; schema: JsonSchema }[] {
  const variants = schema.anyOf ?? [schema];
  return variants.flatMap((variant) => {
    const types = typeof variant.type === 'string' ? [variant.type] : (variant.type ?? []);
    if (variant.properties)
      return Object.entries(variant.properties).flatMap(([key, value]) => strings(value, `${at}.${key}`));
    if (variant.items) return strings(variant.items, `${at}[]`);
    return types.includes('string') ? [{ at, schema: variant }] : [];
  });
}

describe('the OpenAPI document and the routes', () => {
  it('documents every registered route, and every documented route exists', () => {
    const routes = registeredRoutes(t.app);
    const gets = new Set(routes.filter((route) => route.method === 'GET').map((route) => route.url));
    const api = routes
      // Not operations of the API: the address the router cannot take is rewritten to, the CORS preflight that
      // @fastify/cors answers on every path (`OPTIONS *`, which OpenAPI has no path for), and the HEAD beside each GET.
      .filter(
        (route) =>
          route.url !== BAD_URL_ROUTE && route.url !== '*' && !(route.method === 'HEAD' && gets.has(route.url)),
      )
      .map((route) => `${route.method} ${route.url}`);
    expect(api.length).toBeGreaterThan(15);
    expect(documented().sort()).toEqual([...new Set(api)].sort());
    for (const operation of documented()) {
      const [method, url] = operation.split(' ') as [string, string];
      expect(t.app.hasRoute({ method, url }), operation).toBe(true);
    }
  });

  it('names every operation once and says for each whether it needs a credential', () => {
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) expect(Array.isArray(operation.security), operation.operationId).toBe(true);
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(doc.paths['/reports']?.post?.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('limits the length of every string a request sends, the student’s words to the contract’s 1–200', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const inputs = [
          ...(operation.parameters ?? []).map((parameter) => ({
            at: `${parameter.in}.${parameter.name}`,
            schema: parameter.schema,
          })),
          ...Object.values(operation.requestBody?.content ?? {}).map((media) => ({ at: 'body', schema: media.schema })),
        ];
        for (const input of inputs) {
          for (const found of strings(input.schema, input.at)) {
            const bounded =
              found.schema.maxLength !== undefined ||
              found.schema.enum !== undefined ||
              found.schema.const !== undefined;
            expect(bounded, `${method.toUpperCase()} ${path} ${found.at}`).toBe(true);
          }
        }
      }
    }
    for (const [path, field] of [
      ['/reports', 'subject'],
      ['/queries', 'text'],
    ] as const) {
      const body = doc.paths[path]?.post?.requestBody?.content['application/json']?.schema;
      expect(body?.properties?.[field]).toMatchObject({ minLength: 1, maxLength: SUBJECT_MAX_LENGTH });
    }
  });

  it('documents on each operation the statuses any route of its shape answers', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        const security = operation.security ?? [];
        const secured = security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
        const hasQuery = (operation.parameters ?? []).some((parameter) => parameter.in === 'query');
        for (const status of commonStatuses({ method: method.toUpperCase(), url, hasQuery, secured })) {
          expect(operation.responses, `${method} ${path}`).toHaveProperty(String(status));
        }
      }
    }
  });
});

describe('the statuses documented are the ones the server answers', () => {
  it.each([
    ['POST', '/auth/logout', 415, { 'content-type': 'application/xml' }, '<a/>'],
    [
      'DELETE',
      '/reports/00000000-0000-4000-8000-000000000000',
      413,
      { 'content-type': 'application/json' },
      JSON.stringify({ x: 'y'.repeat(70_000) }),
    ],
    [
      'DELETE',
      '/reports/00000000-0000-4000-8000-000000000000',
      400,
      { 'content-type': 'application/json' },
      '{"broken',
    ],
    ['GET', '/reports/not-a-uuid', 404, {}, undefined],
    ['GET', '/reports/%E0%A4%A', 400, {}, undefined],
  ] as const)('%s %s answers %s, and the document says so', async (method, url, status, headers, payload) => {
    const user = await signUp(t.app);
    const response = await t.app.inject({
      method,
      url,
      headers: { ...bearer(user.token), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
    expect(response.statusCode).toBe(status);
    const path = url.startsWith('/reports/') ? '/reports/{report_id}' : url;
    expect(doc.paths[path]?.[method.toLowerCase()]?.responses).toHaveProperty(String(status));
  });
});
