import { LRUCache } from 'lru-cache';

/** Failed logins for one account that are free of any delay. */
export const FREE_FAILURES = 5;
/** Delay after the first failure past the free ones; it doubles with each further failure. */
export const FIRST_DELAY_MS = 500;
/** Longest delay: a slow-down, never a lockout the attacker could turn against the owner. */
export const MAX_DELAY_MS = 8_000;
/** How long failures are remembered after the last one. */
export const FAILURE_MEMORY_MS = 15 * 60 * 1000;

/**
 * How long a login for an account waits after `failures` recent failed logins for it: nothing for the first
 * `FREE_FAILURES`, then 0.5 s, 1 s, 2 s, … up to 8 s.
 */
export function slowDownMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/** Recent failed logins per account (in this process), and the delay each account's next login waits. */
export interface FailureSlowdown {
  /** Milliseconds the next login for `account` should wait. */
  delayFor(account: string): number;
  /** Records a failed login for `account`. */
  failed(account: string): void;
  /** Forgets `account`'s failures after a successful login. */
  succeeded(account: string): void;
}

/** A slow-down over at most `capacity` accounts (the least recently failed are forgotten first). */
export function createFailureSlowdown(now: () => number, capacity = 10_000): FailureSlowdown {
  const failures = new LRUCache<string, { count: number; lastAt: number }>({ max: capacity });
  const current = (account: string): number => {
    const entry = failures.get(account);
    if (!entry || now() - entry.lastAt > FAILURE_MEMORY_MS) return 0;
    return entry.count;
  };
  return {
    delayFor: (account) => slowDownMs(current(account)),
    failed: (account) => failures.set(account, { count: current(account) + 1, lastAt: now() }),
    succeeded: (account) => failures.delete(account),
  };
}
