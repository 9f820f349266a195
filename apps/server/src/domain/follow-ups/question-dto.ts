import type { QuestionRow, QuestionStatus } from '@uksmr/database';
import type { Citation, GenerationMetadata } from '../report/types.js';

/** A follow-up question as sent on the wire (snake_case, ISO dates); `answer` and `citations` are null until answered. */
export interface QuestionDto {
  readonly question_id: string;
  readonly report_id: string;
  readonly text: string;
  readonly status: QuestionStatus;
  /** Markdown with `[n]` markers, each `n` an `id` in `citations`. */
  readonly answer: string | null;
  readonly citations: Citation[] | null;
  readonly generation_metadata: GenerationMetadata | null;
  readonly created_at: string;
  readonly answered_at: string | null;
  readonly error_message: string | null;
}

/** Maps a stored question row to its wire shape. */
export function toQuestionDto(row: QuestionRow): QuestionDto {
  return {
    question_id: row.questionId,
    report_id: row.reportId,
    text: row.text,
    status: row.status,
    answer: row.answer,
    citations: (row.citations ?? null) as Citation[] | null,
    generation_metadata: (row.generationMetadata ?? null) as GenerationMetadata | null,
    created_at: row.createdAt.toISOString(),
    answered_at: row.answeredAt?.toISOString() ?? null,
    error_message: row.errorMessage,
  };
}
