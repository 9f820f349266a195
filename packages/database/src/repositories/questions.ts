import type { Database, Queryable, QuestionRow, QuestionStatus } from '../types.js';
import { changed, firstRow, isUuid, jsonParam } from './sql.js';

/** A `report_questions` row as the drivers return it. */
interface QuestionRecord {
  question_id: string;
  report_id: string;
  user_id: string;
  text: string;
  status: QuestionStatus;
  answer: string | null;
  citations: unknown;
  generation_metadata: unknown;
  error_message: string | null;
  created_at: Date;
  started_at: Date | null;
  answered_at: Date | null;
}

function toQuestion(row: QuestionRecord): QuestionRow {
  return {
    questionId: row.question_id,
    reportId: row.report_id,
    userId: row.user_id,
    text: row.text,
    status: row.status,
    answer: row.answer,
    citations: row.citations,
    generationMetadata: row.generation_metadata,
    errorMessage: row.error_message,
    createdAt: row.created_at,
    startedAt: row.started_at,
    answeredAt: row.answered_at,
  };
}

/** What a stored answer is. */
export interface AnswerResult {
  readonly answer: string;
  readonly citations: unknown;
  readonly generationMetadata: unknown;
}

/** The columns of a question read through its live report (`q` the question, `r` the report). */
const COLUMNS = `q.question_id, q.report_id, q.user_id, q.text, q.status, q.answer, q.citations, q.generation_metadata,
  q.error_message, q.created_at, q.started_at, q.answered_at`;

/** Only questions whose report is the caller's and live: a soft-deleted or expired report hides its questions. */
const OWNED_LIVE = 'JOIN reports r ON r.report_id = q.report_id AND r.user_id = q.user_id AND r.deleted_at IS NULL';

/**
 * Follow-up questions. Every read a user can cause takes the owner's id and goes through the live report; only the
 * answering worker's `claim`/`complete`/`fail` and the sweeps address a question by its id alone.
 */
export interface QuestionsRepository {
  /** The owner's question on the owner's live report; null otherwise (and for ids that are not UUIDs). */
  getForOwner(userId: string, reportId: string, questionId: string): Promise<QuestionRow | null>;
  /** The questions of the owner's live report, in the order they were asked; empty for anyone else. */
  listForOwner(userId: string, reportId: string): Promise<QuestionRow[]>;
  /** Atomically moves a `pending` question to `answering`; null when it is not pending (another worker has it). */
  claim(questionId: string): Promise<QuestionRow | null>;
  /** Stores the answer of an `answering` question and marks it `answered`; false from any other status. */
  complete(questionId: string, result: AnswerResult): Promise<boolean>;
  /** Marks a `pending` or `answering` question `failed`; false from any other status. */
  fail(questionId: string, errorMessage: string): Promise<boolean>;
  /** Fails the questions that started answering before `startedBefore` (their worker died) and returns them. */
  failStale(startedBefore: Date, errorMessage: string): Promise<QuestionRow[]>;
  /** Ids of questions of live reports still `pending` since before `createdBefore` (their instance died first). */
  listPendingBefore(createdBefore: Date, limit?: number): Promise<string[]>;
}

/** The questions repository over `q`. */
export function questionsRepository(q: Queryable): QuestionsRepository {
  const one = async (sql: string, params: readonly unknown[]): Promise<QuestionRow | null> => {
    const row = firstRow(await q.query<QuestionRecord>(sql, params));
    return row && toQuestion(row);
  };
  return {
    async getForOwner(userId, reportId, questionId) {
      if (!isUuid(reportId) || !isUuid(questionId)) return null;
      return one(
        `SELECT ${COLUMNS} FROM report_questions q ${OWNED_LIVE} WHERE q.user_id = $1 AND q.report_id = $2 AND q.question_id = $3`,
        [userId, reportId, questionId],
      );
    },
    async listForOwner(userId, reportId) {
      if (!isUuid(reportId)) return [];
      const result = await q.query<QuestionRecord>(
        `SELECT ${COLUMNS} FROM report_questions q ${OWNED_LIVE} WHERE q.user_id = $1 AND q.report_id = $2
         ORDER BY q.created_at, q.question_id`,
        [userId, reportId],
      );
      return result.rows.map(toQuestion);
    },
    async claim(questionId) {
      return one(
        `UPDATE report_questions SET status = 'answering', started_at = now() WHERE question_id = $1 AND status = 'pending' RETURNING *`,
        [questionId],
      );
    },
    async complete(questionId, { answer, citations, generationMetadata }) {
      return changed(
        await q.query(
          `UPDATE report_questions
           SET status = 'answered', answer = $2, citations = $3::jsonb, generation_metadata = $4::jsonb, answered_at = now()
           WHERE question_id = $1 AND status = 'answering'`,
          [questionId, answer, jsonParam(citations), jsonParam(generationMetadata)],
        ),
      );
    },
    async fail(questionId, errorMessage) {
      return changed(
        await q.query(
          `UPDATE report_questions SET status = 'failed', error_message = $2 WHERE question_id = $1 AND status IN ('pending', 'answering')`,
          [questionId, errorMessage],
        ),
      );
    },
    async failStale(startedBefore, errorMessage) {
      const result = await q.query<QuestionRecord>(
        `UPDATE report_questions SET status = 'failed', error_message = $2
         WHERE status = 'answering' AND started_at < $1 RETURNING *`,
        [startedBefore, errorMessage],
      );
      return result.rows.map(toQuestion);
    },
    async listPendingBefore(createdBefore, limit = 50) {
      const result = await q.query<{ question_id: string }>(
        `SELECT q.question_id FROM report_questions q JOIN reports r ON r.report_id = q.report_id AND r.deleted_at IS NULL
         WHERE q.status = 'pending' AND q.created_at < $1 ORDER BY q.created_at LIMIT $2`,
        [createdBefore, limit],
      );
      return result.rows.map((row) => row.question_id);
    },
  };
}

/** What asking a question within the report's limit came to. */
export type AskOutcome =
  | { readonly kind: 'asked'; readonly question: QuestionRow }
  /** No such live report of the caller's (another user's, soft-deleted, expired, not a UUID). */
  | { readonly kind: 'not-found' }
  /** The report exists but is not `completed`: there is nothing to ask about yet (or any more). */
  | { readonly kind: 'not-completed'; readonly status: string }
  /** The report has taken its `max` questions (failed ones do not count). */
  | { readonly kind: 'limit-reached'; readonly asked: number };

/** A question to ask, and the most one report may take. */
export interface NewQuestion {
  readonly userId: string;
  readonly reportId: string;
  readonly text: string;
  readonly max: number;
}

/**
 * Stores a `pending` question on the caller's completed, live report only while the report is under its limit, as
 * one atomic step: the report's row is locked (concurrent questions on one report take turns, on every instance),
 * the questions that count (every one not `failed`) are counted, and the question is inserted on the same
 * transaction. Changes nothing unless the outcome is `asked`.
 */
export async function askWithinLimit(
  database: Database,
  { userId, reportId, text, max }: NewQuestion,
): Promise<AskOutcome> {
  if (!isUuid(reportId)) return { kind: 'not-found' };
  return database.transaction(async (tx): Promise<AskOutcome> => {
    const report = await tx.query<{ status: string }>(
      'SELECT status FROM reports WHERE report_id = $1 AND user_id = $2 AND deleted_at IS NULL FOR UPDATE',
      [reportId, userId],
    );
    const status = report.rows[0]?.status;
    if (status === undefined) return { kind: 'not-found' };
    if (status !== 'completed') return { kind: 'not-completed', status };
    const { rows } = await tx.query<{ asked: number }>(
      `SELECT count(*)::int AS asked FROM report_questions WHERE report_id = $1 AND status <> 'failed'`,
      [reportId],
    );
    const asked = rows[0]?.asked ?? 0;
    if (asked >= max) return { kind: 'limit-reached', asked };
    const inserted = await tx.query<QuestionRecord>(
      'INSERT INTO report_questions (report_id, user_id, text) VALUES ($1, $2, $3) RETURNING *',
      [reportId, userId, text],
    );
    return { kind: 'asked', question: toQuestion(inserted.rows[0]) };
  });
}
