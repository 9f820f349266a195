/**
 * The wire shapes of a report's follow-up questions (issue 15), in one place until they move to packages/contract:
 * `POST /reports/{report_id}/questions`, `GET /reports/{report_id}/questions` and
 * `GET /reports/{report_id}/questions/{question_id}/stream`.
 */
import type { Citation } from './types.js';

/** A follow-up's life-cycle state: a `failed` one may be asked again and does not count against the allowance. */
export type QuestionStatus = 'pending' | 'answering' | 'answered' | 'failed';

/** A follow-up question with its stored answer, as `POST …/questions`, the list and the stream's `complete` return it. */
export interface Question {
  readonly question_id: string;
  readonly report_id?: string;
  readonly text: string;
  readonly status: QuestionStatus;
  /** The stored answer (Markdown with `[n]` markers, each `n` an `id` in `citations`); null until answered. */
  readonly answer: string | null;
  /** The sources the answer's markers refer to; null until answered. */
  readonly citations: readonly Citation[] | null;
  /** Why the answer could not be written, when it failed. */
  readonly error_message?: string | null;
  readonly created_at?: string;
  readonly answered_at?: string | null;
}

/** `POST /reports/{report_id}/questions` → 201. */
export interface CreatedQuestion {
  readonly question: Question;
}

/** The codes of a follow-up refused before anything is stored (422): another destination, or not about the UK. */
export const QUESTION_REFUSALS: ReadonlySet<string> = new Set(['UK_ONLY', 'OFF_TOPIC']);

/** The 429 of a report whose follow-ups are used up (a `RATE_LIMITED` 429 is the general rate limit). */
export const FOLLOW_UP_LIMIT_REACHED = 'FOLLOW_UP_LIMIT_REACHED';

/** `GET /reports/{report_id}/questions`: the report's follow-ups in the order asked, with their answers. */
export interface QuestionList {
  readonly questions: readonly Question[];
  /** `FOLLOW_UPS_PER_REPORT`: questions the report may take in all (failed ones do not count). */
  readonly limit?: number;
  /** Questions the report may still take. */
  readonly remaining?: number;
}

/** One event of a follow-up's stream: the same kinds as a report's, without sections. */
export type QuestionStreamEvent =
  | { readonly type: 'status'; readonly status: QuestionStatus }
  | { readonly type: 'delta'; readonly text: string }
  | { readonly type: 'complete'; readonly question: Question }
  | { readonly type: 'error'; readonly code: string; readonly detail: string };
