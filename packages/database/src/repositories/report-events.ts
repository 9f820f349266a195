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
  /**
   * Appends the report's terminal event (`complete` or `error`) and deletes every progress row before it, since the
   * stored report now replaces them; a reader still following sees the terminal row after its own `seq`. Returns
   * the terminal row's `seq`.
   */
  appendFinal(reportId: string, event: 'complete' | 'error', data: unknown): Promise<number>;
  /** Deletes every event of reports no longer in generation whose last event is older than `before`; returns how many. */
  clearFinished(before: Date): Promise<number>;
}

/** The channel on which every stored progress event is announced (`NOTIFY`), for readers on any instance. */
export const REPORT_EVENTS_CHANNEL = 'report_events';

/**
 * Largest notification payload sent with the event itself; a bigger one is sent as `{r, s}` alone and the reader
 * reads the row (PostgreSQL refuses payloads of 8,000 bytes or more).
 */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7_900;

/**
 * A change of a `reports` row, announced on the same channel by the `reports_announce_change` trigger (migration
 * 007) at commit, whoever made it: its user and report, for the read caches of every instance.
 */
export interface ReportChangeNotice {
  readonly k: 'change';
  /** The report's owner. */
  readonly u: string;
  /** The report. */
  readonly r: string;
}

/**
 * A local sign-in revoked or deleted, announced on the same channel by the `auth_sessions_announce_revocation`
 * trigger (migration 007) at commit: its session id, which every instance stops believing at once.
 */
export interface SessionRevokedNotice {
  readonly k: 'session';
  readonly s: string;
}

/** A `report_events` notification: report id, seq, and the event and its data when they fit. */
export interface ReportEventNotice {
  readonly r: string;
  readonly s: number;
  readonly e?: string;
  readonly d?: unknown;
}

/** The report-events repository over `q`. */
export function reportEventsRepository(q: Queryable): ReportEventsRepository {
  const append = async (reportId: string, event: string, data: unknown): Promise<number> => {
    // Two writers may compute the same next seq; the loser inserts nothing and, in a new statement (a new
    // snapshot), computes the next one. Each round some writer succeeds, so this ends. The same statement
    // announces the row on REPORT_EVENTS_CHANNEL (delivered at commit), so listeners need not read it back.
    for (;;) {
      const result = await q.query<{ seq: number }>(
        `WITH stored AS (
           INSERT INTO report_events (report_id, seq, event, data)
           SELECT $1, coalesce(max(seq), 0) + 1, $2, $3::jsonb FROM report_events WHERE report_id = $1
           ON CONFLICT (report_id, seq) DO NOTHING
           RETURNING report_id, seq, event, data
         ), notice AS (
           SELECT seq, json_build_object('r', report_id, 's', seq, 'e', event, 'd', data)::text AS whole,
                  json_build_object('r', report_id, 's', seq)::text AS bare
           FROM stored
         )
         SELECT seq, pg_notify('${REPORT_EVENTS_CHANNEL}', CASE WHEN octet_length(whole) <= ${MAX_NOTIFY_PAYLOAD_BYTES} THEN whole ELSE bare END)
         FROM notice`,
        [reportId, event, jsonParam(data) ?? 'null'],
      );
      const row = firstRow(result);
      if (row) return row.seq;
    }
  };
  return {
    append,
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
    async appendFinal(reportId, event, data) {
      const seq = await append(reportId, event, data);
      await q.query('DELETE FROM report_events WHERE report_id = $1 AND seq < $2', [reportId, seq]);
      return seq;
    },
    async clearFinished(before) {
      const result = await q.query(
        `DELETE FROM report_events e USING reports r
         WHERE e.report_id = r.report_id AND r.status NOT IN ('pending', 'generating')
           AND NOT EXISTS (SELECT 1 FROM report_events later WHERE later.report_id = e.report_id AND later.created_at >= $1)`,
        [before],
      );
      return result.rowCount;
    },
  };
}
