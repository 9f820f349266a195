import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api/client.js';
import { NetworkError, type ApiError } from '../src/api/errors.js';
import { endCookieSession, fetchConfig, logIn, logOut, refreshFromCookie, signUp } from '../src/api/public.js';
import { apiError, frame, installFetch, json, sse } from './support/fakeFetch.js';
import { LOCAL_CONFIG, makeReport } from './support/fixtures.js';

function client(token = 'old', fresh: string | null = 'new') {
  const refreshToken = vi.fn(() => Promise.resolve(fresh));
  return { api: new ApiClient({ getToken: () => Promise.resolve(token), refreshToken }), refreshToken };
}

describe('ApiClient', () => {
  it('sends the Bearer token and reads the report list', async () => {
    const seen = installFetch({
      'GET /reports?limit=50&offset=0': () => json(200, { reports: [makeReport()], total: 1, limit: 50, offset: 0 }),
    });
    const { api } = client();
    const list = await api.listReports();
    expect(list.total).toBe(1);
    expect(seen[0]?.headers.get('Authorization')).toBe('Bearer old');
  });

  it('refreshes the token once after a 401 and retries with the new one', async () => {
    const seen = installFetch({
      'GET /reports/r-1': (request) =>
        request.headers.get('Authorization') === 'Bearer new'
          ? json(200, makeReport())
          : apiError(401, 'UNAUTHORIZED', 'Sign in.'),
    });
    const { api, refreshToken } = client();
    expect((await api.getReport('r-1')).report_id).toBe('r-1');
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(seen.map((request) => request.headers.get('Authorization'))).toEqual(['Bearer old', 'Bearer new']);
  });

  it('gives up with the 401 when the session cannot be refreshed, and never loops', async () => {
    const seen = installFetch({ 'GET /reports/r-1': () => apiError(401, 'UNAUTHORIZED', 'Sign in.') });
    await expect(client('old', null).api.getReport('r-1')).rejects.toMatchObject({ status: 401 });
    await expect(client('old', 'new').api.getReport('r-1')).rejects.toMatchObject({ status: 401 });
    expect(seen).toHaveLength(3);
  });

  it('does not refresh for other errors', async () => {
    installFetch({ 'GET /reports/nope': () => apiError(404, 'NOT_FOUND', 'Report not found.') });
    const { api, refreshToken } = client();
    await expect(api.getReport('nope')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND', requestId: 'req-err' });
    expect(refreshToken).not.toHaveBeenCalled();
  });

  it('tells a started report from a Stripe Checkout', async () => {
    const report = makeReport({ status: 'pending', content: null, citations: null });
    let answer = json(201, { report });
    const seen = installFetch({ 'POST /reports': () => answer });
    const { api } = client();
    expect(await api.createReport('Nursing')).toEqual({ kind: 'report', report });
    expect(seen[0]?.body).toEqual({ subject: 'Nursing', country: 'UK' });
    answer = json(200, { checkout_url: 'https://checkout.stripe.com/c/pay/cs_1', session_id: 'cs_1' });
    expect(await api.createReport('Nursing')).toEqual({
      kind: 'checkout',
      checkout_url: 'https://checkout.stripe.com/c/pay/cs_1',
      session_id: 'cs_1',
    });
  });

  it('deletes, reads a payment and follows a stream', async () => {
    const seen = installFetch({
      'DELETE /reports/r-1': () => json(204, null),
      'GET /payments/cs_1': () => json(200, { status: 'succeeded', report_id: 'r-1' }),
      'GET /reports/r-1/stream': () => sse([frame('status', { status: 'completed' })]),
    });
    const { api } = client();
    await api.deleteReport('r-1');
    expect(await api.getPayment('cs_1')).toEqual({ status: 'succeeded', report_id: 'r-1' });
    const events: unknown[] = [];
    await api.followReport('r-1', (event) => events.push(event));
    expect(events).toEqual([{ type: 'status', status: 'completed' }]);
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([
      'DELETE /reports/r-1',
      'GET /payments/cs_1',
      'GET /reports/r-1/stream',
    ]);
  });
});

describe('errors', () => {
  it('reads Retry-After in seconds or as a date', async () => {
    installFetch({
      'GET /reports?limit=50&offset=0': () => apiError(429, 'RATE_LIMITED', 'Slow down.', { 'Retry-After': '42' }),
    });
    await expect(client().api.listReports()).rejects.toMatchObject({ retryAfterSeconds: 42 });
    const later = new Date(Date.now() + 10_000).toUTCString();
    installFetch({
      'GET /reports?limit=50&offset=0': () => apiError(429, 'RATE_LIMITED', 'Slow down.', { 'Retry-After': later }),
    });
    const error = await client()
      .api.listReports()
      .catch((caught: unknown) => caught);
    expect((error as ApiError).retryAfterSeconds).toBeGreaterThan(5);
    installFetch({
      'GET /reports?limit=50&offset=0': () => apiError(429, 'RATE_LIMITED', 'Slow down.', { 'Retry-After': 'soon' }),
    });
    await expect(client().api.listReports()).rejects.toMatchObject({ retryAfterSeconds: null });
  });

  it('copes with an error body that is not the contract shape', async () => {
    installFetch({
      'GET /reports/r-1': () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    });
    await expect(client().api.getReport('r-1')).rejects.toMatchObject({
      status: 502,
      code: 'HTTP_502',
      detail: 'Bad Gateway',
    });
  });

  it('turns a failed fetch into a NetworkError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(client().api.getReport('r-1')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('public endpoints', () => {
  it('loads the config with a numeric price', async () => {
    installFetch({ 'GET /config': () => json(200, { ...LOCAL_CONFIG, price_gbp: '4.5' }) });
    expect((await fetchConfig()).price_gbp).toBe(4.5);
  });

  it('signs up, logs in, refreshes and logs out', async () => {
    const user = { user_id: 'u-1', email: 'a@example.com' };
    const seen = installFetch({
      'POST /auth/signup': () => json(201, { token: 't1', user }),
      'POST /auth/login': () => json(200, { token: 't2', user }),
      'POST /auth/refresh': () => json(200, { token: 't3', user }),
      'POST /auth/logout': () => json(204, null),
      'DELETE /auth/refresh': () => json(204, null),
    });
    expect(await signUp('a@example.com', 'password1')).toEqual({ token: 't1', user });
    expect(await logIn('a@example.com', 'password1')).toEqual({ token: 't2', user });
    expect(await refreshFromCookie()).toEqual({ token: 't3', user });
    await logOut('t3');
    await endCookieSession();
    expect(seen[0]?.body).toEqual({ email: 'a@example.com', password: 'password1' });
    expect(seen[0]?.headers.get('Authorization')).toBeNull();
    // The cookie refresh sends no Bearer token: the browser sends the HttpOnly cookie itself.
    expect(seen[2]?.headers.get('Authorization')).toBeNull();
    expect(seen[3]?.headers.get('Authorization')).toBe('Bearer t3');
    expect(seen[4]).toMatchObject({ method: 'DELETE', path: '/auth/refresh' });
  });
});
