import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written inside a {@link withLogContext} call carries. */
export interface LogContext {
  /** The id of the HTTP request (or job) being handled. */
  requestId?: string;
  /** The signed-in user, once known. */
  userId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `fn` with `ctx` as the log context of everything it does, synchronously or after any number of
 * awaits. A nested call starts from the enclosing context and overrides what `ctx` sets.
 */
export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...ctx }, fn);
}

/**
 * Adds to the current log context (for example the `userId` once authentication has identified the user),
 * for the rest of the enclosing {@link withLogContext} call. Outside any such call it does nothing.
 */
export function setLogContext(partial: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, partial);
}

/** A copy of the current log context; empty outside any {@link withLogContext} call. */
export function getLogContext(): LogContext {
  return { ...storage.getStore() };
}
