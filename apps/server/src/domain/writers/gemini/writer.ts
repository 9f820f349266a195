import type { Content } from '@google/genai';
import { toCitations } from '../../report/citations.js';
import { createSectionSplitter, parseReportMarkdown } from '../../report/markdown.js';
import type {
  Citation,
  ReportContent,
  ReportWriter,
  WriterEvent,
  WriterInput,
  WriterResult,
} from '../../report/types.js';
import { WriterError } from '../../report/types.js';
import { citedNumbers, reportText, validateReport } from '../../report/validate.js';
import { STUDENT_MESSAGES, toWriterError } from './errors.js';
import { createGeminiClient, generationCalls, generationDeadline } from './session.js';
import { personalView } from '../personal-view.js';
import { allowedFigures, figureProblems } from './figure-check.js';
import { buildPrompt, repairRequest } from './prompt.js';

/** How to reach Gemini and how long to wait for it. */
export interface GeminiWriterOptions {
  readonly apiKey: string;
  readonly model: string;
  /** Another API address (`GEMINI_API_BASE`, e.g. a local stand-in); Google's when unset. */
  readonly baseUrl?: string;
  /** Longest a whole generation may take, repair included (`GEMINI_TIMEOUT_MS`). */
  readonly timeoutMs: number;
  /** Longest a request may wait for its first text. Default 15 s. */
  readonly firstTokenTimeoutMs?: number;
  /** Wait before the one retry of a busy (429) or failing (5xx) request. Default 1 s. */
  readonly retryBackoffMs?: number;
}

const DEFAULT_FIRST_TOKEN_TIMEOUT_MS = 15_000;
/** A reply checked against the contract: its content and citations when valid, its problems otherwise. */
interface CheckedReply {
  readonly content: ReportContent | null;
  readonly citations: Citation[];
  readonly problems: readonly string[];
}

/**
 * Parses and validates a reply; citations are the retrieved sources the text actually cites. Every £ amount,
 * percentage and date in the text must be among `allowed` (the figures of the prompt it was given).
 */
function checkReply(text: string, input: WriterInput, allowed: ReadonlySet<string>): CheckedReply {
  const parsed = parseReportMarkdown(text, input.retrieval.asOf);
  if (!parsed.content) return { content: null, citations: [], problems: parsed.problems };
  const cited = new Set(citedNumbers(reportText(parsed.content)));
  const citations = toCitations(input.retrieval.sources.filter((source) => cited.has(source.n)));
  return {
    content: parsed.content,
    citations,
    problems: [...validateReport(parsed.content, citations), ...figureProblems(reportText(parsed.content), allowed)],
  };
}

/** The conversation of the repair request: the original turn, the model's reply, the problems. */
function repairContents(userText: string, reply: string, problems: readonly string[]): Content[] {
  return [
    { role: 'user', parts: [{ text: userText }] },
    ...(reply.trim() === '' ? [] : [{ role: 'model', parts: [{ text: reply }] }]),
    { role: 'user', parts: [{ text: repairRequest(problems) }] },
  ];
}

/**
 * The grounded Gemini writer. It streams the model's Markdown through the section splitter, so
 * `section` and `delta` events reach readers while the model writes, then checks the whole text.
 *
 * - Timeouts: every request must send text within `firstTokenTimeoutMs`; the whole generation
 *   (retry and repair included) must end within `timeoutMs`; `input.signal` aborts it.
 * - Retry: the SDK's (`retryOptions` in session.ts): one, after `retryBackoffMs`, when a request is answered
 *   429 or 5xx (so before any text arrived); none once text has arrived.
 * - Repair: a reply that fails the checks gets one repair request (its reply, the problems, a
 *   request for the full corrected report). The repair is not streamed: readers keep the first
 *   reply's events, and the repaired, validated content is the result (the `complete` event
 *   carries it). A repair that still fails ends in `WriterError` reason `invalid_output`.
 */
export function createGeminiWriter(options: GeminiWriterOptions): ReportWriter {
  const client = createGeminiClient(options);
  const firstTokenTimeoutMs = options.firstTokenTimeoutMs ?? DEFAULT_FIRST_TOKEN_TIMEOUT_MS;
  const timeouts = { whole: options.timeoutMs, firstToken: firstTokenTimeoutMs };

  async function write(input: WriterInput, emit: (event: WriterEvent) => void): Promise<WriterResult> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const { signal, stopCause } = generationDeadline(options.timeoutMs, input.signal);

    const prompt = buildPrompt(input, personalView(input));
    const allowed = allowedFigures(`${prompt.systemInstruction}\n${prompt.userText}`);
    const calls = generationCalls(
      { client, model: options.model, systemInstruction: prompt.systemInstruction, signal, firstTokenTimeoutMs },
      elapsed,
    );
    try {
      const splitter = createSectionSplitter(emit);
      const firstContents: Content[] = [{ role: 'user', parts: [{ text: prompt.userText }] }];
      const first = await calls.ask(firstContents, (text) => splitter.push(text));
      splitter.end();
      let checked = checkReply(first.text, input, allowed);
      if (checked.problems.length > 0) {
        const repaired = await calls.ask(
          repairContents(prompt.userText, first.text, checked.problems),
          () => undefined,
        );
        checked = checkReply(repaired.text, input, allowed);
      }
      if (!checked.content || checked.problems.length > 0) {
        throw new WriterError(
          `Gemini reply invalid after one repair: ${checked.problems.join(' ')}`,
          STUDENT_MESSAGES.invalid,
          'invalid_output',
        );
      }
      const duration = elapsed();
      return {
        content: checked.content,
        citations: checked.citations,
        metadata: {
          provider: 'gemini',
          model: options.model,
          tokens_used: calls.tokens,
          duration_ms: duration,
          first_token_ms: calls.firstTokenMs ?? duration,
        },
      };
    } catch (error) {
      throw toWriterError(error, stopCause(error), timeouts);
    }
  }

  return { provider: 'gemini', write };
}
