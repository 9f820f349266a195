import { describe, expect, it } from 'vitest';
import { commonResponseSchema, commonStatuses, type RouteShape } from '../src/openapi/common-responses.js';

describe('the statuses any route of a shape answers', () => {
  it.each<[string, RouteShape, number[]]>([
    ['the health check', { method: 'GET', url: '/health', hasQuery: false, secured: false }, [408, 431, 500, 503]],
    ['a public GET', { method: 'GET', url: '/config', hasQuery: false, secured: false }, [408, 429, 431, 500, 503]],
    [
      'a list with a query',
      { method: 'GET', url: '/reports', hasQuery: true, secured: true },
      [400, 401, 408, 429, 431, 500, 503],
    ],
    [
      'a public POST',
      { method: 'POST', url: '/auth/login', hasQuery: false, secured: false },
      [400, 408, 413, 415, 429, 431, 500, 503],
    ],
    [
      'a DELETE by id',
      { method: 'DELETE', url: '/reports/:report_id', hasQuery: false, secured: true },
      [400, 401, 404, 408, 413, 415, 429, 431, 500, 503],
    ],
    [
      'a GET by id',
      { method: ['GET', 'HEAD'], url: '/payments/:session_id', hasQuery: false, secured: true },
      [400, 401, 404, 408, 429, 431, 500, 503],
    ],
  ])('%s', (_name, shape, statuses) => {
    expect(commonStatuses(shape)).toEqual(statuses);
  });

  it('documents the HTTP server’s own refusals in its own shape, every other in the contract’s', () => {
    expect(Object.keys(commonResponseSchema(431).shape)).toEqual(['error', 'message', 'statusCode']);
    expect(Object.keys(commonResponseSchema(500).shape)).toEqual(['error', 'code', 'detail', 'request_id']);
    expect(commonResponseSchema(413).description).toContain('PAYLOAD_TOO_LARGE');
  });
});
