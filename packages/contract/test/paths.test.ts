import { describe, expect, it } from 'vitest';
import { API_PATH_PREFIXES, isApiOnlyPath, isPageRequest, PAGE_PATHS, SHARED_PATH_PREFIXES } from '../src/index.js';

describe('the one list of page and API paths', () => {
  it('finds /reports to be the one root path shared by a page and the API', () => {
    expect(SHARED_PATH_PREFIXES).toEqual(['/reports']);
    expect(PAGE_PATHS).toContain('/reports/{report_id}');
    expect(API_PATH_PREFIXES).toContain('/reports');
  });

  it.each([
    ['/health', true],
    ['/auth/login', true],
    ['/openapi.json', true],
    ['/metrics', true],
    ['/webhooks/stripe', true],
    ['/reports', false],
    ['/reports/abc', false],
    ['/', false],
    ['/chat', false],
    ['/healthy', false],
  ])('%s belongs to the API alone: %s', (path, apiOnly) => {
    expect(isApiOnlyPath(path)).toBe(apiOnly);
  });

  it.each([
    ['GET', '/reports/abc', 'text/html,application/xhtml+xml', true],
    ['HEAD', '/chat?x=1', 'text/html', true],
    ['GET', '/reports/abc', 'application/json', false],
    ['GET', '/reports/abc/stream', 'text/event-stream', false],
    ['GET', '/health', 'text/html', false],
    ['GET', '/assets/index-abc.js', 'text/html', false],
    ['POST', '/reports', 'text/html', false],
    ['GET', '/privacy', undefined, false],
  ])('%s %s with Accept %s is a page request: %s', (method, url, accept, page) => {
    expect(isPageRequest(method, url, accept)).toBe(page);
  });
});
