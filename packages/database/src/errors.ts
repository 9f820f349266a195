/** Thrown by `createDatabase` when the database cannot be reached or opened (after retrying a server). */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';

  /**
   * @param target where the database is, without any password (`postgres://user@host:port/db` or a PGlite path)
   * @param attempts how many connection attempts were made
   * @param cause the last attempt's error
   */
  constructor(
    readonly target: string,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`Database unavailable at ${target} after ${attempts} attempt(s): ${errorMessage(cause)}`, { cause });
  }
}

/** The message of any thrown value (Node's AggregateError of a refused dual-stack connect has none: its code then). */
export function errorMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.message || (errorCode(err) ?? err.name);
}

/** The SQLSTATE (`23505`, …) or Node error code (`ECONNREFUSED`, …) of a thrown value, if any. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}
