/**
 * The wire shapes of a report's follow-up questions (issue 15), in one place until they move to packages/contract:
 * `POST /reports/{report_id}/questions`, `GET /reports/{report_id}/questions` and
 * `GET /reports/{report_id}/questions/{question_id}/stream`.
 */
import type { Citation } from './types.js';

/** A follow-up's life-cycle state. */
export type QuestionStatus = 'pending' | 'answering' | 'completed' | 'failed';

/** A follow-up question as `POST …/questions` creates it: its id, the student's words and its state. */
export interface NewQuestion {
  readonly question_id: string;
  readonly text: string;
  readonly status: QuestionStatus;
}

/** A follow-up with its answer, as the list and the stream's `complete` event return it. */
export interface Question extends NewQuestion {
  /** The stored answer (Markdown with `[n]` markers), once written. */
  readonly answer?: string | null;
  /** The sources the `[n]` markers of the answer refer to. */
  readonly citations?: readonly Citation[] | null;
  /** Why the answer could not be written, when it failed. */
  readonly error_message?: string | null;
  readonly created_at?: string;
  readonly completed_at?: string | null;
}

/** `POST /reports/{report_id}/questions` → 201. */
export interface CreatedQuestion {
  readonly question: NewQuestion;
  /** Follow-ups the report may still take, when the server says. */
  readonly remaining?: number;
}

/** `GET /reports/{report_id}/questions`: the report's follow-ups, oldest first, with their answers. */
export interface QuestionList {
  readonly questions: readonly Question[];
  /** `FOLLOW_UPS_PER_REPORT`, when the server says. */
  readonly limit?: number;
  /** Follow-ups the report may still take, when the server says. */
  readonly remaining?: number;
}

/** One event of a follow-up's stream: the same kinds as a report's, without sections. */
export type QuestionStreamEvent =
  | { readonly type: 'status'; readonly status: QuestionStatus }
  | { readonly type: 'delta'; readonly text: string }
  | { readonly type: 'complete'; readonly question: Question }
  | { readonly type: 'error'; readonly code: string; readonly detail: string };
