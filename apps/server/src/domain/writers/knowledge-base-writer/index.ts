import { toCitations } from '../../report/citations.js';
import { sectionMarkdown } from '../../report/render.js';
import { SECTIONS } from '../../report/sections.js';
import { WriterError, type ReportWriter, type WriterResult } from '../../report/types.js';
import { validateReport } from '../../report/validate.js';
import { composeReport } from './compose.js';
import { chunkText, pause } from './stream.js';

export { composeReport, type ComposedReport } from './compose.js';
export { chunkText, WORDS_PER_DELTA } from './stream.js';

/** Options of the knowledge-base writer. */
export interface KnowledgeBaseWriterOptions {
  /** Wait between two `delta` events, so the chat looks live; 0 only yields to the event loop. */
  readonly deltaDelayMs?: number;
}

/** The default wait between deltas: a few milliseconds (a full report of ~500 deltas streams in under two seconds). */
export const DEFAULT_DELTA_DELAY_MS = 3;

function abortedError(): WriterError {
  return new WriterError(
    'knowledge-base generation aborted',
    'The report was stopped before it finished. Please try again.',
    'aborted',
  );
}

/**
 * The offline writer (the default when `GEMINI_API_KEY` is unset): composes all ten sections from the retrieved
 * facts, every factual sentence cited, "Information not available" where the knowledge base has nothing, then
 * streams them section by section in deltas of a few words. The streamed text is exactly the stored content
 * (`sectionMarkdown` of each section). Aborting `input.signal` stops it with a `WriterError` ('aborted').
 */
export function createKnowledgeBaseWriter(options: KnowledgeBaseWriterOptions = {}): ReportWriter {
  const delayMs = options.deltaDelayMs ?? DEFAULT_DELTA_DELAY_MS;
  return {
    provider: 'knowledge-base',
    async write(input, emit): Promise<WriterResult> {
      const started = performance.now();
      const { signal } = input;
      if (signal?.aborted) throw abortedError();
      const { content, sources } = composeReport(input);
      const citations = toCitations(sources);
      const problems = validateReport(content, citations);
      if (problems.length > 0) {
        throw new WriterError(
          `knowledge-base report invalid: ${problems.join(' ')}`,
          'We could not write this report from the knowledge base.',
          'invalid_output',
        );
      }
      let firstTokenMs = -1;
      for (const section of SECTIONS) {
        if (signal?.aborted) throw abortedError();
        emit({ type: 'section', key: section.key, title: section.title });
        for (const text of chunkText(sectionMarkdown(content, section.key))) {
          await pause(delayMs, signal).catch(() => {
            throw abortedError();
          });
          emit({ type: 'delta', key: section.key, text });
          if (firstTokenMs < 0) firstTokenMs = Math.round(performance.now() - started);
        }
      }
      return {
        content,
        citations,
        metadata: {
          provider: 'knowledge-base',
          model: `uk-facts@${input.retrieval.asOf}`,
          tokens_used: 0,
          duration_ms: Math.round(performance.now() - started),
          first_token_ms: firstTokenMs,
        },
      };
    },
  };
}
