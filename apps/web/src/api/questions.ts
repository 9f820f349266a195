/**
 * The wire shapes of a report's follow-up questions (types from `@uksmr/contract`) and the stream events the app reads:
 * `POST /reports/{report_id}/questions`, `GET /reports/{report_id}/questions` and
 * `GET /reports/{report_id}/questions/{question_id}/stream`.
 */
import type { Question, QuestionStatus } from '@uksmr/contract';

export type { CreatedQuestion, Question, QuestionList, QuestionStatus } from '@uksmr/contract';

/** The codes of a follow-up refused before anything is stored (422): another destination, or not about the UK. */
export const QUESTION_REFUSALS: ReadonlySet<string> = new Set(['UK_ONLY', 'OFF_TOPIC']);

/** The 429 of a report whose follow-ups are used up (a `RATE_LIMITED` 429 is the general rate limit). */
export const FOLLOW_UP_LIMIT_REACHED = 'FOLLOW_UP_LIMIT_REACHED';

/** One event of a follow-up's stream: the same kinds as a report's, without sections. */
export type QuestionStreamEvent =
  | { readonly type: 'status'; readonly status: QuestionStatus }
  | { readonly type: 'delta'; readonly text: string }
  | { readonly type: 'complete'; readonly question: Question }
  | { readonly type: 'error'; readonly code: string; readonly detail: string };
