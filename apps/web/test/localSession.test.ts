import { describe, expect, it, vi } from 'vitest';
import { LocalSession, REFRESH_EVERY_MS, SIGNED_IN_HINT, type AuthChannel } from '../src/auth/localSession.js';
import { apiError, installFetch, json } from './support/fakeFetch.js';

const USER = { user_id: 'u-1', email: 'a@example.com' };

/** Channels that deliver each message to every other tab's channel, like `BroadcastChannel`. */
function tabs() {
  const all: { listeners: ((event: MessageEvent) => void)[] }[] = [];
  return (): AuthChannel => {
    const me = { listeners: [] as ((event: MessageEvent) => void)[] };
    all.push(me);
    return {
      postMessage: (data) => {
        for (const other of all)
          if (other !== me) for (const listener of other.listeners) listener(new MessageEvent('message', { data }));
      },
      addEventListener: (_type, listener) => me.listeners.push(listener as (event: MessageEvent) => void),
      close: () => undefined,
    };
  };
}

describe('LocalSession', () => {
  it('keeps the token in memory after sign-in and tells its listeners', async () => {
    installFetch({ 'POST /auth/login': () => json(200, { token: 't1', user: USER }) });
    const session = new LocalSession();
    const listener = vi.fn();
    const unsubscribe = session.subscribe(listener);
    await session.signIn('a@example.com', 'password1');
    expect(session.getSnapshot()).toEqual({ token: 't1', user: USER, restoring: false });
    expect(await session.getToken()).toBe('t1');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    await session.signOut();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('restores the sign-in from the refresh cookie after a reload, without a Bearer token', async () => {
    localStorage.setItem(SIGNED_IN_HINT, '1');
    const seen = installFetch({ 'POST /auth/refresh': () => json(200, { token: 't9', user: USER }) });
    const session = new LocalSession();
    expect(session.getSnapshot().restoring).toBe(true);
    await session.restore();
    expect(session.getSnapshot()).toEqual({ token: 't9', user: USER, restoring: false });
    expect(seen[0]?.headers.get('Authorization')).toBeNull();
    await session.restore();
    expect(seen).toHaveLength(1);
  });

  it('knows a browser that never signed in is signed out, with no request', async () => {
    localStorage.removeItem(SIGNED_IN_HINT);
    const seen = installFetch({});
    const session = new LocalSession();
    await session.restore();
    expect(session.getSnapshot()).toEqual({ token: null, user: null, restoring: false });
    expect(seen).toHaveLength(0);
  });

  it('ends restoring signed out when the sign-in has ended, and keeps restoring state off after a failure', async () => {
    localStorage.setItem(SIGNED_IN_HINT, '1');
    installFetch({ 'POST /auth/refresh': () => apiError(401, 'UNAUTHORIZED', 'Not signed in.') });
    const session = new LocalSession();
    await session.restore();
    expect(session.getSnapshot()).toEqual({ token: null, user: null, restoring: false });
    expect(localStorage.getItem(SIGNED_IN_HINT)).toBeNull();
    localStorage.setItem(SIGNED_IN_HINT, '1');
    installFetch({ 'POST /auth/refresh': () => apiError(503, 'UNAVAILABLE', 'Down.') });
    const offline = new LocalSession();
    await offline.restore();
    expect(offline.getSnapshot()).toEqual({ token: null, user: null, restoring: false });
  });

  it('renews the access token every 12 minutes from the cookie', async () => {
    vi.useFakeTimers();
    let n = 1;
    const seen = installFetch({
      'POST /auth/signup': () => json(201, { token: 't1', user: USER }),
      'POST /auth/refresh': () => json(200, { token: `t${++n}`, user: USER }),
    });
    const session = new LocalSession();
    await session.signUp('a@example.com', 'password1');
    await vi.advanceTimersByTimeAsync(REFRESH_EVERY_MS - 1);
    expect(await session.getToken()).toBe('t1');
    await vi.advanceTimersByTimeAsync(1);
    expect(await session.getToken()).toBe('t2');
    expect(seen.at(-1)?.headers.get('Authorization')).toBeNull();
    await vi.advanceTimersByTimeAsync(REFRESH_EVERY_MS);
    expect(await session.getToken()).toBe('t3');
  });

  it('shares one refresh between concurrent callers', async () => {
    const seen = installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/refresh': () => json(200, { token: 't2', user: USER }),
    });
    const session = new LocalSession();
    await session.signIn('a@example.com', 'password1');
    expect(await Promise.all([session.refreshToken(), session.refreshToken()])).toEqual(['t2', 't2']);
    expect(seen.filter((request) => request.path === '/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh is refused', async () => {
    installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/refresh': () => apiError(401, 'UNAUTHORIZED', 'Expired.'),
    });
    const session = new LocalSession();
    await session.signIn('a@example.com', 'password1');
    expect(await session.refreshToken()).toBeNull();
    expect(session.getSnapshot()).toEqual({ token: null, user: null, restoring: false });
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

  it('uses the refresh Web Lock when the browser has one, so two tabs never use one cookie at once', async () => {
    localStorage.setItem(SIGNED_IN_HINT, '1');
    const request = vi.fn((_name: string, task: () => Promise<unknown>) => task());
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });
    installFetch({ 'POST /auth/refresh': () => json(200, { token: 't2', user: USER }) });
    const session = new LocalSession();
    await session.restore();
    expect(request).toHaveBeenCalledWith('uksmr-refresh', expect.any(Function));
    expect(await session.getToken()).toBe('t2');
  });

  it('forgets the token at once on sign-out, ends the Bearer session and the cookie, and stops refreshing', async () => {
    vi.useFakeTimers();
    const seen = installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/logout': () => apiError(500, 'INTERNAL', 'Down.'),
      'DELETE /auth/refresh': () => apiError(500, 'INTERNAL', 'Down.'),
    });
    const session = new LocalSession();
    await session.signIn('a@example.com', 'password1');
    await session.signOut();
    expect(await session.getToken()).toBeNull();
    const logout = seen.find((r) => r.path === '/auth/logout');
    expect(logout?.headers.get('Authorization')).toBe('Bearer t1');
    expect(seen.some((r) => r.method === 'DELETE' && r.path === '/auth/refresh')).toBe(true);
    await vi.advanceTimersByTimeAsync(REFRESH_EVERY_MS * 2);
    expect(seen.filter((request) => request.method === 'POST' && request.path === '/auth/refresh')).toHaveLength(0);
    await session.signOut();
    expect(seen.filter((r) => r.path === '/auth/logout')).toHaveLength(1);
    // Signed out already: only the cookie's sign-out is asked for.
    expect(seen.filter((r) => r.method === 'DELETE')).toHaveLength(2);
  });

  it('does not ask for the cookie sign-out when the Bearer sign-out worked', async () => {
    const seen = installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/logout': () => json(204, null),
    });
    const session = new LocalSession();
    await session.signIn('a@example.com', 'password1');
    await session.signOut();
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /auth/login', 'POST /auth/logout']);
  });

  it('signs every tab out when one signs out, and signs a signed-out tab in when another signs in', async () => {
    const channel = tabs();
    installFetch({
      'POST /auth/login': () => json(200, { token: 't1', user: USER }),
      'POST /auth/refresh': () => json(200, { token: 't2', user: USER }),
      'POST /auth/logout': () => json(204, null),
      'DELETE /auth/refresh': () => json(204, null),
    });
    const first = new LocalSession({ openChannel: channel });
    const second = new LocalSession({ openChannel: channel });
    first.connect();
    const disconnect = second.connect();
    await first.signIn('a@example.com', 'password1');
    await vi.waitFor(() => expect(second.getSnapshot().token).toBe('t2'));
    await second.signOut();
    expect(first.getSnapshot()).toEqual({ token: null, user: null, restoring: false });
    disconnect();
    await first.signIn('a@example.com', 'password1');
    expect(second.getSnapshot().token).toBeNull();
  });

  it('signs out when another tab removes the sign-in hint (no BroadcastChannel)', async () => {
    installFetch({ 'POST /auth/login': () => json(200, { token: 't1', user: USER }) });
    const session = new LocalSession({ openChannel: () => null });
    const disconnect = session.connect();
    await session.signIn('a@example.com', 'password1');
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: null }));
    expect(session.getSnapshot().token).toBe('t1');
    window.dispatchEvent(new StorageEvent('storage', { key: SIGNED_IN_HINT, newValue: null }));
    expect(session.getSnapshot().token).toBeNull();
    disconnect();
  });

  it('opens a BroadcastChannel by default', () => {
    const disconnect = new LocalSession().connect();
    disconnect();
  });
});
