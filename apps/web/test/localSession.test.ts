import { describe, expect, it, vi } from 'vitest';
import { LocalSession, REFRESH_EVERY_MS } from '../src/auth/localSession.js';
import { apiError, installFetch, json } from './support/fakeFetch.js';

const USER = { user_id: 'u-1', email: 'a@example.com' };

describe('LocalSession', () => {
  it('keeps the token in memory after sign-in and tells its listeners', async () => {
    installFetch({ 'POST /auth/login': () => json(200, { token: 't1', user: USER }) });
    const session = new LocalSession();
    const listener = vi.fn();
    const unsubscribe = session.subscribe(listener);
    await session.signIn('a@example.com', 'password1');
    expect(session.getSnapshot()).toEqual({ token: 't1', user: USER });
    expect(await session.getToken()).toBe('t1');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    await session.signOut();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refreshes the token every 45 minutes', async () => {
    vi.useFakeTimers();
    let n = 1;
    const seen = installFetch({
      'POST /auth/signup': () => json(201, { token: 't1', user: USER }),
      'POST /auth/refresh': () => json(200, { token: `t${++n}` }),
    });
    const session = new LocalSession();
    await session.signUp('a@example.com', 'password1');
    await vi.advanceTimersByTimeAsync(REFRESH_EVERY_MS - 1);
    expect(await session.getToken()).toBe('t1');
    await vi.advanceTimersByTimeAsync(1);
    expect(await session.getToken()).toBe('t2');
    expect(seen.at(-1)?.headers.get('Authorization')).toBe('Bearer t1');
    await vi.advanceTimersByTimeAsync(REFRESH_EVERY_MS);
    expect(await session.getToken()).toBe('t3');
  });

  it('shares one refresh between concurrent callers', async () => {
    const seen = installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/refresh': () => json(200, { token: 't2' }),
    });
    const session = new LocalSession();
    await session.signIn('a@example.com', 'password1');
    expect(await Promise.all([session.refreshToken(), session.refreshToken()])).toEqual(['t2', 't2']);
    expect(seen.filter((request) => request.path === '/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh is refused, and refreshes nothing when signed out', async () => {
    installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/refresh': () => apiError(401, 'UNAUTHORIZED', 'Expired.'),
    });
    const session = new LocalSession();
    expect(await session.refreshToken()).toBeNull();
    await session.signIn('a@example.com', 'password1');
    expect(await session.refreshToken()).toBeNull();
    expect(session.getSnapshot()).toEqual({ token: null, user: null });
  });

  it('keeps the session when the refresh fails for another reason', async () => {
    installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/refresh': () => apiError(503, 'UNAVAILABLE', 'Down.'),
    });
    const session = new LocalSession();
    await session.signIn('a@example.com', 'password1');
    expect(await session.refreshToken()).toBeNull();
    expect(await session.getToken()).toBe('t1');
  });

  it('forgets the token at once on sign-out, tells the server, and stops refreshing', async () => {
    vi.useFakeTimers();
    const seen = installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/logout': () => apiError(500, 'INTERNAL', 'Down.'),
    });
    const session = new LocalSession();
    await session.signIn('a@example.com', 'password1');
    await session.signIn('a@example.com', 'password1');
    await session.signOut();
    expect(await session.getToken()).toBeNull();
    expect(seen.at(-1)).toMatchObject({ method: 'POST', path: '/auth/logout' });
    expect(seen.at(-1)?.headers.get('Authorization')).toBe('Bearer t1');
    await vi.advanceTimersByTimeAsync(REFRESH_EVERY_MS * 2);
    expect(seen.filter((request) => request.path === '/auth/refresh')).toHaveLength(0);
    await session.signOut();
    expect(seen).toHaveLength(3);
  });
});
