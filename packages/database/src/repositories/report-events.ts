import type { Queryable, ReportEventRow } from '../types.js';
import { firstRow, jsonParam } from './sql.js';

/** A `report_events` row as the drivers return it. */
interface ReportEventRecord {
  report_id: string;
  seq: number;
  event: string;
  data: unknown;
}

/**
 * The live progress of generations, so that a reader on any instance can follow by polling `seq > n`. Reads take no
 * owner: the caller checks the report's owner with `reports.getForOwner` first.
 */
export interface ReportEventsRepository {
  /** Appends an event with the report's next `seq` (1, 2, …) and returns that `seq`. */
  append(reportId: string, event: string, data: unknown): Promise<number>;
  /** The report's events after `afterSeq`, in order. */
  listAfter(reportId: string, afterSeq: number): Promise<ReportEventRow[]>;
  /** Deletes the report's events (once the stored report replaces them); returns how many. */
  clear(reportId: string): Promise<number>;
}

/** The report-events repository over `q`. */
export function reportEventsRepository(q: Queryable): ReportEventsRepository {
  return {
    async append(reportId, event, data) {
      // Two writers may compute the same next seq; the loser inserts nothing and, in a new statement (a new
      // snapshot), computes the next one. Each round some writer succeeds, so this ends.
      for (;;) {
        const result = await q.query<{ seq: number }>(
          `INSERT INTO report_events (report_id, seq, event, data)
           SELECT $1, coalesce(max(seq), 0) + 1, $2, $3::jsonb FROM report_events WHERE report_id = $1
           ON CONFLICT (report_id, seq) DO NOTHING
           RETURNING seq`,
          [reportId, event, jsonParam(data) ?? 'null'],
        );
        const row = firstRow(result);
        if (row) return row.seq;
      }
    },
    async listAfter(reportId, afterSeq) {
      const result = await q.query<ReportEventRecord>(
        'SELECT report_id, seq, event, data FROM report_events WHERE report_id = $1 AND seq > $2 ORDER BY seq',
        [reportId, afterSeq],
      );
      return result.rows.map((row) => ({ reportId: row.report_id, seq: row.seq, event: row.event, data: row.data }));
    },
    async clear(reportId) {
      return (await q.query('DELETE FROM report_events WHERE report_id = $1', [reportId])).rowCount;
    },
  };
}
