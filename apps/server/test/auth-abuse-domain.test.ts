import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Database } from '@uksmr/database';
import { InvalidCredentialsError } from '../src/domain/auth/errors.js';
import { FAILURE_MEMORY_MS, createFailureSlowdown, slowDownMs } from '../src/domain/auth/failure-slowdown.js';
import { createLocalAccounts } from '../src/domain/auth/local-accounts.js';
import { MAX_HASHES_WAITING, createPasswordHasher } from '../src/domain/auth/password.js';
import { passwordProblem } from '../src/domain/auth/password-policy.js';
import { createRefreshTokens } from '../src/domain/auth/refresh-tokens.js';
import { SemaphoreFullError, createSemaphore } from '../src/domain/auth/semaphore.js';
import { createSessionTokens } from '../src/domain/auth/tokens.js';
import { testDatabase } from './support/app.js';

describe('slowDownMs', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 500],
    [6, 1000],
    [8, 4000],
    [9, 8000],
    [50, 8000],
  ])('after %i failures waits %i ms (never a lockout)', (failures, ms) => {
    expect(slowDownMs(failures)).toBe(ms);
  });
});

describe('createFailureSlowdown', () => {
  it('counts failures per account, forgets them on success and after the memory window', () => {
    let now = 0;
    const slowdown = createFailureSlowdown(() => now, 2);
    for (let i = 0; i < 6; i++) slowdown.failed('a@example.com');
    expect(slowdown.delayFor('a@example.com')).toBe(1000);
    expect(slowdown.delayFor('b@example.com')).toBe(0);
    slowdown.succeeded('a@example.com');
    expect(slowdown.delayFor('a@example.com')).toBe(0);
    for (let i = 0; i < 5; i++) slowdown.failed('a@example.com');
    now += FAILURE_MEMORY_MS + 1;
    expect(slowdown.delayFor('a@example.com')).toBe(0);
  });
});

describe('createSemaphore', () => {
  it('never runs more than its limit at once, releases on failure, and keeps arrival order', async () => {
    const slots = createSemaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      order.push(i);
      if (i === 1) throw new Error('boom');
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => slots.run(task(i))));
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(order.slice(2)).toEqual([2, 3, 4, 5, 6, 7]);
    expect([slots.inFlight, slots.waiting]).toEqual([0, 0]);
  });

  it('refuses a limit under 1', () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
    expect(() => createSemaphore(1.5)).toThrow(RangeError);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['12345678', 'too common'],
    ['password', 'too common'],
    ['qwertyuiop', 'too common'],
    ['Password1', 'too common'],
    ['        ', 'only spaces'],
    ['\t \t \t \t', 'only spaces'],
    ['asha.rao@example.com', 'your email'],
    ['ASHA.RAO@example.com', 'your email'],
    ['asha.rao', 'your email'],
    ['asha.rao123', 'too common'],
  ])('refuses %j (%s)', (password, reason) => {
    expect(passwordProblem(password, 'asha.rao@example.com')).toContain(reason);
  });

  it.each(['correct horse battery', 'Kathmandu-rain-at-noon', 'my nursing course 2027!'])('accepts %j', (password) => {
    expect(passwordProblem(password, 'asha.rao@example.com')).toBeNull();
  });
});

describe('local accounts with a slow-down', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('waits longer after repeated failures for one account, and the right password still signs in', async () => {
    const repos = createRepositories(database);
    const now = () => new Date();
    const waits: number[] = [];
    const accounts = createLocalAccounts({
      users: repos.users,
      sessions: repos.sessions,
      tokens: createSessionTokens({ secret: 'domain-secret-domain-secret-domain-0123', now }),
      refreshTokens: createRefreshTokens('domain-secret-domain-secret-domain-0123'),
      passwords: createPasswordHasher({ N: 1024, r: 8, p: 1 }),
      now,
      slowdown: createFailureSlowdown(() => Date.now()),
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    await accounts.signup('slow@example.com', 'the right password');
    for (let i = 0; i < 7; i++) {
      await expect(accounts.login('slow@example.com', `wrong ${i}`)).rejects.toEqual(
        new InvalidCredentialsError('wrong-password'),
      );
    }
    expect(waits).toEqual([500, 1000]);
    // No lockout: the owner gets in, after one more wait, and the count starts again.
    await expect(accounts.login('slow@example.com', 'the right password')).resolves.toMatchObject({
      user: { email: 'slow@example.com' },
    });
    expect(waits).toEqual([500, 1000, 2000]);
    await accounts.login('slow@example.com', 'the right password');
    expect(waits).toHaveLength(3);
  });
});

describe('a bounded wait', () => {
  it('refuses a task at once when maxWaiting tasks already wait', async () => {
    const slots = createSemaphore(1, 1);
    let release = (): void => undefined;
    const first = slots.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = slots.run(() => Promise.resolve('second'));
    await expect(slots.run(() => Promise.resolve('third'))).rejects.toBeInstanceOf(SemaphoreFullError);
    release();
    await first;
    await expect(second).resolves.toBe('second');
  });

  it('a hasher past its queue bound answers a sign-in flood with SemaphoreFullError, not a minutes-long wait', async () => {
    const hasher = createPasswordHasher({ N: 1024, r: 8, p: 1 }, 1);
    const results = await Promise.allSettled(
      Array.from({ length: MAX_HASHES_WAITING + 10 }, () => hasher.hash('a long enough password')),
    );
    expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThanOrEqual(9);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(MAX_HASHES_WAITING);
  });
});
