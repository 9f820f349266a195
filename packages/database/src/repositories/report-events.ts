import type { QuestionEventRow, Queryable, ReportEventRow } from '../types.js';
import { firstRow, jsonParam } from './sql.js';

/** An events row as the drivers return it (`id` is the stream's key: a report's or a question's id). */
interface StreamEventRecord {
  id: string;
  seq: number;
  event: string;
  data: unknown;
}

/**
 * The live progress of a stream (a report's generation, a follow-up question's answer), so that a reader on any
 * instance can follow by polling `seq > n`. Reads take no owner: the caller checks the owner first (for a report
 * `reports.getForOwner`, for a question `questions.getForOwner`).
 */
export interface StreamEventsRepository<Row> {
  /** Appends an event with the stream's next `seq` (1, 2, …) and returns that `seq`. */
  append(id: string, event: string, data: unknown): Promise<number>;
  /** The stream's events after `afterSeq`, in order. */
  listAfter(id: string, afterSeq: number): Promise<Row[]>;
  /** Deletes the stream's events (once the stored result replaces them); returns how many. */
  clear(id: string): Promise<number>;
  /**
   * Appends the stream's terminal event (`complete` or `error`) and deletes every progress row before it, since the
   * stored result now replaces them; a reader still following sees the terminal row after its own `seq`. Returns
   * the terminal row's `seq`.
   */
  appendFinal(id: string, event: 'complete' | 'error', data: unknown): Promise<number>;
  /** Deletes every event of streams no longer in progress whose last event is older than `before`; returns how many. */
  clearFinished(before: Date): Promise<number>;
}

/** The progress events of report generations (`report_events`). */
export type ReportEventsRepository = StreamEventsRepository<ReportEventRow>;
/** The progress events of follow-up answers (`question_events`). */
export type QuestionEventsRepository = StreamEventsRepository<QuestionEventRow>;

/** Where one kind of stream keeps its events: the table, its key, and the owning table with its in-progress statuses. */
interface StreamTable {
  readonly events: string;
  readonly key: string;
  readonly parent: string;
  readonly inProgress: string;
}

const REPORT_STREAM: StreamTable = {
  events: 'report_events',
  key: 'report_id',
  parent: 'reports',
  inProgress: `'pending', 'generating'`,
};
const QUESTION_STREAM: StreamTable = {
  events: 'question_events',
  key: 'question_id',
  parent: 'report_questions',
  inProgress: `'pending', 'answering'`,
};

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

/** A `report_events` or `question_events` notification: the stream's id (report or question), seq, and the event and its data when they fit. */
export interface ReportEventNotice {
  readonly r: string;
  readonly s: number;
  readonly e?: string;
  readonly d?: unknown;
}

/** The report-events repository over `q`. */
export function reportEventsRepository(q: Queryable): ReportEventsRepository {
  return streamEventsRepository(q, REPORT_STREAM, ({ id, ...rest }) => ({ reportId: id, ...rest }));
}

/** The question-events repository over `q` (announced on the same channel: question ids never equal report ids). */
export function questionEventsRepository(q: Queryable): QuestionEventsRepository {
  return streamEventsRepository(q, QUESTION_STREAM, ({ id, ...rest }) => ({ questionId: id, ...rest }));
}

function streamEventsRepository<Row>(
  q: Queryable,
  t: StreamTable,
  toRow: (record: StreamEventRecord) => Row,
): StreamEventsRepository<Row> {
  const append = async (id: string, event: string, data: unknown): Promise<number> => {
    // Two writers may compute the same next seq; the loser inserts nothing and, in a new statement (a new
    // snapshot), computes the next one. Each round some writer succeeds, so this ends. The same statement
    // announces the row on REPORT_EVENTS_CHANNEL (delivered at commit), so listeners need not read it back.
    for (;;) {
      const result = await q.query<{ seq: number }>(
        `WITH stored AS (
           INSERT INTO ${t.events} (${t.key}, seq, event, data)
           SELECT $1, coalesce(max(seq), 0) + 1, $2, $3::jsonb FROM ${t.events} WHERE ${t.key} = $1
           ON CONFLICT (${t.key}, seq) DO NOTHING
           RETURNING ${t.key} AS id, seq, event, data
         ), notice AS (
           SELECT seq, json_build_object('r', id, 's', seq, 'e', event, 'd', data)::text AS whole,
                  json_build_object('r', id, 's', seq)::text AS bare
           FROM stored
         )
         SELECT seq, pg_notify('${REPORT_EVENTS_CHANNEL}', CASE WHEN octet_length(whole) <= ${MAX_NOTIFY_PAYLOAD_BYTES} THEN whole ELSE bare END)
         FROM notice`,
        [id, event, jsonParam(data) ?? 'null'],
      );
      const row = firstRow(result);
      if (row) return row.seq;
    }
  };
  return {
    append,
    async listAfter(id, afterSeq) {
      const result = await q.query<StreamEventRecord>(
        `SELECT ${t.key} AS id, seq, event, data FROM ${t.events} WHERE ${t.key} = $1 AND seq > $2 ORDER BY seq`,
        [id, afterSeq],
      );
      return result.rows.map(toRow);
    },
    async clear(id) {
      return (await q.query(`DELETE FROM ${t.events} WHERE ${t.key} = $1`, [id])).rowCount;
    },
    async appendFinal(id, event, data) {
      const seq = await append(id, event, data);
      await q.query(`DELETE FROM ${t.events} WHERE ${t.key} = $1 AND seq < $2`, [id, seq]);
      return seq;
    },
    async clearFinished(before) {
      const result = await q.query(
        `DELETE FROM ${t.events} e USING ${t.parent} p
         WHERE e.${t.key} = p.${t.key} AND p.status NOT IN (${t.inProgress})
           AND NOT EXISTS (SELECT 1 FROM ${t.events} later WHERE later.${t.key} = e.${t.key} AND later.created_at >= $1)`,
        [before],
      );
      return result.rowCount;
    },
  };
}
