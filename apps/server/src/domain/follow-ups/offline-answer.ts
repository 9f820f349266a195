import { formatLongDate } from '../knowledge-base/format.js';
import { toCitations } from '../report/citations.js';
import { WriterError, type Citation, type RetrievedFact } from '../report/types.js';
import { CitationRegistry } from '../writers/knowledge-base-writer/citation-registry.js';
import { chunkText, pause } from '../writers/knowledge-base-writer/stream.js';
import { NOT_AVAILABLE, type AnswerInput, type AnswerResult, type AnswerWriter } from './types.js';
import type { QuestionRetrieval } from './retrieve-question.js';

/** Most sentences an answer has (each one cited). */
export const MAX_ANSWER_SENTENCES = 5;

/** A fact joins the answer while its score is at least this share of the best fact's. */
const SCORE_SHARE = 0.6;

/** A composed answer: its Markdown and the citations its markers refer to, numbered 1..n as first cited. */
export interface ComposedAnswer {
  readonly answer: string;
  readonly citations: Citation[];
}

/** How many sentences a text has (a sentence ends with . ! or ? before a capital letter or the end). */
export function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-Z£0-9])/).filter((part) => part.trim() !== '').length;
}

/**
 * The facts an answer is built from: the best one, then those that score close to it while the answer stays within
 * five sentences (a statement may hold more than one).
 */
export function answerFacts(retrieval: QuestionRetrieval): RetrievedFact[] {
  const top = retrieval.scores[0] ?? 0;
  const chosen: RetrievedFact[] = [];
  let sentences = 0;
  retrieval.facts.forEach((fact, i) => {
    const count = sentenceCount(fact.statement);
    const close = (retrieval.scores[i] ?? 0) >= top * SCORE_SHARE;
    if (chosen.length === 0 || (close && sentences + count <= MAX_ANSWER_SENTENCES)) {
      chosen.push(fact);
      sentences += count;
    }
  });
  return chosen;
}

/** The sentence that puts a dated rule on the student's own dates (the Graduate length on their application date). */
function datedLead(fact: RetrievedFact, retrieval: QuestionRetrieval): string {
  const { timeline } = retrieval;
  const graduate = timeline.steps.find((step) => step.key === 'graduate_application');
  if (graduate?.date && timeline.graduateLength?.factIds.includes(fact.id)) {
    return `On your dates you would apply for the Graduate visa from ${formatLongDate(graduate.date)}, so this rule applies to you. `;
  }
  return '';
}

/**
 * The offline answer: one to five sentences, each a knowledge-base statement with its `[n]` markers (the rule in
 * force on the student's dates where a rule changes), or, when nothing relevant is held, "Information not
 * available" and the closest thing the knowledge base holds, cited. Pure.
 */
export function composeAnswer(retrieval: QuestionRetrieval): ComposedAnswer {
  const registry = new CitationRegistry(retrieval.sources);
  const sentence = (fact: RetrievedFact, lead = ''): string => `${lead}${fact.statement} ${registry.cite(fact)}`.trim();
  const facts = answerFacts(retrieval);
  let answer: string;
  if (!retrieval.relevant || facts.length === 0) {
    const closest = retrieval.facts[0];
    answer = closest
      ? `${NOT_AVAILABLE}: the knowledge base behind this report does not answer this question. The closest it holds: ${sentence(closest)}`
      : `${NOT_AVAILABLE}: the knowledge base behind this report holds nothing on this question.`;
  } else {
    answer = facts.map((fact) => sentence(fact, datedLead(fact, retrieval))).join(' ');
  }
  return { answer, citations: toCitations(registry.sources()) };
}

/** Options of the offline answer writer. */
export interface OfflineAnswerWriterOptions {
  /** Wait between two `delta` events; 0 only yields to the event loop. Default 3 ms. */
  readonly deltaDelayMs?: number;
}

/**
 * The offline answer writer (the default when `GEMINI_API_KEY` is unset): {@link composeAnswer}, streamed in
 * deltas of a few words. Aborting `input.signal` stops it with a `WriterError` ('aborted').
 */
export function createOfflineAnswerWriter(options: OfflineAnswerWriterOptions = {}): AnswerWriter {
  const delayMs = options.deltaDelayMs ?? 3;
  return {
    provider: 'knowledge-base',
    async answer(input: AnswerInput, emit): Promise<AnswerResult> {
      const started = performance.now();
      const { answer, citations } = composeAnswer(input.retrieval);
      let firstTokenMs = 0;
      try {
        for (const [i, chunk] of chunkText(answer).entries()) {
          await pause(delayMs, input.signal);
          if (i === 0) firstTokenMs = Math.round(performance.now() - started);
          emit(chunk);
        }
      } catch {
        throw new WriterError(
          'offline answer aborted',
          'The answer was stopped before it finished. Please ask again.',
          'aborted',
        );
      }
      const metadata = {
        provider: 'knowledge-base' as const,
        model: 'knowledge-base',
        tokens_used: 0,
        duration_ms: Math.round(performance.now() - started),
        first_token_ms: firstTokenMs,
      };
      return { answer, citations, metadata };
    },
  };
}
