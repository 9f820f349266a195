import type { QueryResult } from './types.js';

/** The `{ rows, rowCount }` of a driver's result (`rowCount` is the command tag's count, or 0 when it has none). */
export function toQueryResult<Row>(rows: Row[], rowCount: number | null | undefined): QueryResult<Row> {
  return { rows, rowCount: rowCount ?? 0 };
}
