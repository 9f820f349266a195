import type { Citation, GenerationMetadata } from '../report/types.js';
import type { QuestionRetrieval, ReportContext } from './retrieve-question.js';

/** What an answer writer is asked: one follow-up on one report, with what retrieval found for it. */
export interface AnswerInput {
  /** The student's question, as stored (plain text). */
  readonly question: string;
  readonly report: ReportContext;
  readonly retrieval: QuestionRetrieval;
  /** "Today" (the rules in force, the student's dates). */
  readonly now: Date;
  /** Aborts the answer (timeout, the instance stopping). */
  readonly signal?: AbortSignal;
}

/** A finished answer: Markdown with `[n]` markers, each `n` an `id` in `citations`. */
export interface AnswerResult {
  readonly answer: string;
  readonly citations: Citation[];
  readonly metadata: GenerationMetadata;
}

/** An answer writer: the Gemini writer or the offline knowledge-base writer. */
export interface AnswerWriter {
  readonly provider: GenerationMetadata['provider'];
  /** Writes the answer, calling `emit` with each piece of its text as it grows. */
  answer(input: AnswerInput, emit: (text: string) => void): Promise<AnswerResult>;
}

/** The answer's opening when the knowledge base holds nothing on the question (the report's own phrase). */
export const NOT_AVAILABLE = 'Information not available';
