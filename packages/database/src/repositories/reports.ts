import type { Queryable, ReportProfile, ReportRow, ReportStatus } from '../types.js';
import { changed, firstRow, isUuid, jsonParam } from './sql.js';

/** A `reports` row as the drivers return it. */
interface ReportRecord {
  report_id: string;
  user_id: string;
  subject: string;
  subject_id: string | null;
  level: ReportProfile['level'];
  intake: string | null;
  city: string | null;
  nationality: ReportProfile['nationality'];
  country: 'UK';
  status: ReportStatus;
  content: unknown;
  citations: unknown;
  generation_metadata: unknown;
  error_message: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  expires_at: Date;
  deleted_at: Date | null;
  updated_at: Date;
}

function toReport(row: ReportRecord): ReportRow {
  return {
    reportId: row.report_id,
    userId: row.user_id,
    subject: row.subject,
    subjectId: row.subject_id,
    profile: { level: row.level, intake: row.intake, city: row.city, nationality: row.nationality },
    country: row.country,
    status: row.status,
    content: row.content,
    citations: row.citations,
    generationMetadata: row.generation_metadata,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
    deletedAt: row.deleted_at,
    updatedAt: row.updated_at,
  };
}

/** What a completed generation stores. */
export interface ReportResult {
  readonly content: unknown;
  readonly citations: unknown;
  readonly generationMetadata: unknown;
}

/** What a new report is: its owner, subject, and optionally the subject id and profile it is written for. */
export interface NewReport {
  readonly userId: string;
  readonly subject: string;
  readonly subjectId?: string | null | undefined;
  readonly profile?: Partial<ReportProfile> | undefined;
}

/** A page of a user's reports. */
export interface ListOptions {
  readonly limit: number;
  readonly offset: number;
  readonly status?: ReportStatus | undefined;
  /** False: leave out content, citations and metadata (null), for a light list such as a history sidebar. */
  readonly withContent?: boolean | undefined;
  /** With content: give content, citations and metadata as their JSON text, unparsed (see {@link ReadOptions}). */
  readonly jsonAsText?: boolean | undefined;
}

/** How a read returns the stored result. */
export interface ReadOptions {
  /**
   * True: `content`, `citations` and `generationMetadata` are the stored JSON as text (a string, or null), not parsed,
   * so that a response can carry them as they are without parsing and serialising tens of kilobytes again.
   */
  readonly jsonAsText?: boolean | undefined;
}

/** Every column, the stored result as JSON text (`jsonAsText`). Columns added to `reports` belong here too. */
const TEXT_JSON_COLUMNS = `report_id, user_id, subject, subject_id, level, intake, city, nationality, country, status, content::text AS content, citations::text AS citations,
  generation_metadata::text AS generation_metadata, error_message, created_at, started_at, completed_at, expires_at, deleted_at, updated_at`;

/** The columns of a report without its stored result, which can be tens of kilobytes. */
const SUMMARY_COLUMNS = `report_id, user_id, subject, subject_id, level, intake, city, nationality, country, status, NULL::jsonb AS content, NULL::jsonb AS citations,
  NULL::jsonb AS generation_metadata, error_message, created_at, started_at, completed_at, expires_at, deleted_at, updated_at`;

/**
 * Reports. Every read a user can cause takes the owner's id; only the worker's `claim`/`complete`/`fail` and the
 * sweeps address a report by its id alone.
 */
export interface ReportsRepository {
  /** A new `pending` report, expiring 30 days after creation, with what it is written for (unknown = null). */
  create(input: NewReport): Promise<ReportRow>;
  /** The owner's report; null for anyone else, for a soft-deleted one and for an id that is not a UUID. */
  getForOwner(userId: string, reportId: string, options?: ReadOptions): Promise<ReportRow | null>;
  /** The owner's live reports, newest first, and how many there are in all. */
  listForOwner(userId: string, options: ListOptions): Promise<{ reports: ReportRow[]; total: number }>;
  /** Soft-deletes the owner's live report; false when there is none. */
  softDeleteForOwner(userId: string, reportId: string): Promise<boolean>;
  /** Reports the user created since `since`, soft-deleted ones included (the daily cap counts what was started). */
  countCreatedSince(userId: string, since: Date): Promise<number>;
  /** Atomically moves a `pending` report to `generating`; null when it is not pending (someone else claimed it). */
  claim(reportId: string): Promise<ReportRow | null>;
  /** Stores the result of a `generating` report and marks it `completed`; false from any other status. */
  complete(reportId: string, result: ReportResult): Promise<boolean>;
  /** Marks a `pending` or `generating` report `failed`; false from any other status. */
  fail(reportId: string, errorMessage: string): Promise<boolean>;
  /** Fails the reports that started generating before `startedBefore` (their worker died) and returns them. */
  failStale(startedBefore: Date, errorMessage: string): Promise<ReportRow[]>;
  /**
   * Puts back to `pending` the reports that started generating before `startedBefore` (their worker died) and were
   * not put back so before, and returns them: each is generated again once before it may fail. The caller records
   * the retry as a `status` event with `requeued: true`, which is what "before" means here.
   */
  requeueStale(startedBefore: Date): Promise<ReportRow[]>;
  /**
   * Hands a `generating` report back to `pending` (an instance stopping for a deploy), to be started at once by
   * another instance (`listPendingBefore` lists such reports whatever their age); false from any other status.
   */
  handBack(reportId: string): Promise<boolean>;
  /**
   * Ids of live reports still `pending` since before `createdBefore` (created or paid for on an instance that died
   * before it started them), and of every `pending` report that was started once (handed back or requeued). The
   * sweeper starts them again; claiming stays atomic.
   */
  listPendingBefore(createdBefore: Date, limit?: number): Promise<string[]>;
  /**
   * Soft-deletes (as of their `expires_at`, so erasure falls 90 days after creation) the live reports whose
   * `expires_at` is at or before `now` and marks them `expired`, except failed
   * ones, which stay `failed` so that a refund still due is found. Returns how many.
   */
  expireDue(now?: Date): Promise<number>;
  /** Deletes the reports soft-deleted before `deletedBefore` (their payments keep a null `report_id`). */
  eraseDeleted(deletedBefore: Date): Promise<number>;
}

/** The reports repository over `q`. */
export function reportsRepository(q: Queryable): ReportsRepository {
  const one = async (sql: string, params: readonly unknown[]): Promise<ReportRow | null> => {
    const row = firstRow(await q.query<ReportRecord>(sql, params));
    return row && toReport(row);
  };
  return {
    async create({ userId, subject, subjectId = null, profile = {} }) {
      const row = await one(
        `INSERT INTO reports (user_id, subject, subject_id, level, intake, city, nationality)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          userId,
          subject,
          subjectId,
          profile.level ?? null,
          profile.intake ?? null,
          profile.city ?? null,
          profile.nationality ?? null,
        ],
      );
      return row!;
    },
    async getForOwner(userId, reportId, options = {}) {
      if (!isUuid(reportId)) return null;
      const columns = options.jsonAsText ? TEXT_JSON_COLUMNS : '*';
      return one(`SELECT ${columns} FROM reports WHERE user_id = $1 AND report_id = $2 AND deleted_at IS NULL`, [
        userId,
        reportId,
      ]);
    },
    async listForOwner(userId, { limit, offset, status, withContent = true, jsonAsText = false }) {
      const filter = 'user_id = $1 AND deleted_at IS NULL AND ($2::report_status IS NULL OR status = $2)';
      const count = await q.query<{ total: number }>(`SELECT count(*)::int AS total FROM reports WHERE ${filter}`, [
        userId,
        status ?? null,
      ]);
      const page = await q.query<ReportRecord>(
        `SELECT ${withContent ? (jsonAsText ? TEXT_JSON_COLUMNS : '*') : SUMMARY_COLUMNS} FROM reports WHERE ${filter}
         ORDER BY created_at DESC, report_id DESC LIMIT $3 OFFSET $4`,
        [userId, status ?? null, limit, offset],
      );
      return { reports: page.rows.map(toReport), total: count.rows[0].total };
    },
    async softDeleteForOwner(userId, reportId) {
      if (!isUuid(reportId)) return false;
      return changed(
        await q.query(
          'UPDATE reports SET deleted_at = now() WHERE user_id = $1 AND report_id = $2 AND deleted_at IS NULL',
          [userId, reportId],
        ),
      );
    },
    async countCreatedSince(userId, since) {
      const result = await q.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM reports WHERE user_id = $1 AND created_at >= $2',
        [userId, since],
      );
      return result.rows[0].count;
    },
    async claim(reportId) {
      return one(
        `UPDATE reports SET status = 'generating', started_at = now()
         WHERE report_id = $1 AND status = 'pending' RETURNING *`,
        [reportId],
      );
    },
    async complete(reportId, { content, citations, generationMetadata }) {
      return changed(
        await q.query(
          `UPDATE reports
           SET status = 'completed', content = $2::jsonb, citations = $3::jsonb, generation_metadata = $4::jsonb,
               completed_at = now()
           WHERE report_id = $1 AND status = 'generating'`,
          [reportId, jsonParam(content), jsonParam(citations), jsonParam(generationMetadata)],
        ),
      );
    },
    async fail(reportId, errorMessage) {
      return changed(
        await q.query(
          `UPDATE reports SET status = 'failed', error_message = $2
           WHERE report_id = $1 AND status IN ('pending', 'generating')`,
          [reportId, errorMessage],
        ),
      );
    },
    async failStale(startedBefore, errorMessage) {
      const result = await q.query<ReportRecord>(
        `UPDATE reports SET status = 'failed', error_message = $2
         WHERE status = 'generating' AND started_at < $1 RETURNING *`,
        [startedBefore, errorMessage],
      );
      return result.rows.map(toReport);
    },
    async requeueStale(startedBefore) {
      const result = await q.query<ReportRecord>(
        `UPDATE reports r SET status = 'pending'
         WHERE status = 'generating' AND started_at < $1
           AND NOT EXISTS (SELECT 1 FROM report_events e
                           WHERE e.report_id = r.report_id AND e.event = 'status' AND e.data->>'requeued' = 'true')
         RETURNING *`,
        [startedBefore],
      );
      return result.rows.map(toReport);
    },
    async handBack(reportId) {
      return changed(
        await q.query(`UPDATE reports SET status = 'pending' WHERE report_id = $1 AND status = 'generating'`, [
          reportId,
        ]),
      );
    },
    async listPendingBefore(createdBefore, limit = 50) {
      const result = await q.query<{ report_id: string }>(
        `SELECT report_id FROM reports WHERE status = 'pending' AND deleted_at IS NULL
           AND (created_at < $1 OR started_at IS NOT NULL)
         ORDER BY created_at LIMIT $2`,
        [createdBefore, limit],
      );
      return result.rows.map((row) => row.report_id);
    },
    async expireDue(now = new Date()) {
      const result = await q.query(
        `UPDATE reports
         SET deleted_at = expires_at, status = CASE WHEN status = 'failed' THEN status ELSE 'expired' END
         WHERE deleted_at IS NULL AND expires_at <= $1`,
        [now],
      );
      return result.rowCount;
    },
    async eraseDeleted(deletedBefore) {
      return (await q.query('DELETE FROM reports WHERE deleted_at < $1', [deletedBefore])).rowCount;
    },
  };
}
