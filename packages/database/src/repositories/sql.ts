import type { QueryResult } from '../types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its canonical text form: other ids cannot match a row, so no query is needed. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A value for a `$n::jsonb` parameter: its JSON text (both drivers pass a string through), or SQL NULL. */
export function jsonParam(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** True when the statement changed at least one row. */
export function changed(result: QueryResult<unknown>): boolean {
  return result.rowCount > 0;
}

/** The first row, or null. */
export function firstRow<Row>(result: QueryResult<Row>): Row | null {
  return result.rows[0] ?? null;
}
