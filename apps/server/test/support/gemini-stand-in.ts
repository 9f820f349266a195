/**
 * A local stand-in for the Gemini API, speaking the streaming REST protocol `@google/genai` 2.x uses:
 * `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` with the key in `x-goog-api-key`,
 * answered with `text/event-stream` frames `data: {"candidates":[…],"usageMetadata":{…}}\r\n\r\n`.
 *
 * Each request takes the next scripted {@link Scenario}; when none is scripted it takes the default
 * scenario (a valid ten-section report citing sources 1–3, cut into many chunks). Point a writer at
 * it with `baseUrl` (or `GEMINI_API_BASE`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SECTIONS, type SectionKey } from '../../src/domain/report/sections.js';
import type { NumberedSource, Retrieval, RetrievedFact } from '../../src/domain/report/types.js';

/** How an answer's text is sent. */
export interface AnswerOptions {
  /** The reply text; default `reportMarkdown([1, 2, 3])`. */
  readonly markdown?: string;
  /** The reply text computed from the request (a grounded stand-in model); wins over `markdown`. */
  readonly reply?: (body: GenerateRequestBody | null) => string;
  /** Characters per chunk; default 40 (so headings are often cut across chunks). */
  readonly chunkSize?: number;
  /** Wait before the first chunk; default 0. */
  readonly firstChunkDelayMs?: number;
  /** Wait between chunks; default 0. */
  readonly chunkDelayMs?: number;
  /** The prompt's token count reported in `usageMetadata`; default 1000. */
  readonly promptTokens?: number;
}

/**
 * What the stand-in does with one request.
 * - `answer`: streams the text, the last chunk with `finishReason: "STOP"`.
 * - `hang`: streams `afterChunks` chunks (default 0: not even the response headers) and then nothing.
 * - `malformed`: streams `afterChunks` chunks, then a frame that is not JSON, and ends.
 * - `stream_error`: streams `afterChunks` chunks, then an error frame (`{"error":{"code":…}}`), and ends.
 * - `status`: answers at once with an HTTP error in Google's JSON error shape (e.g. 429, 500).
 */
export type Scenario =
  | ({ readonly kind: 'answer' } & AnswerOptions)
  | ({ readonly kind: 'hang'; readonly afterChunks?: number } & AnswerOptions)
  | ({ readonly kind: 'malformed'; readonly afterChunks?: number } & AnswerOptions)
  | ({ readonly kind: 'stream_error'; readonly afterChunks?: number; readonly code?: number } & AnswerOptions)
  | { readonly kind: 'status'; readonly status: number; readonly message?: string };

/** The parts of a `generateContent` request body the tests look at. */
export interface GenerateRequestBody {
  readonly contents: readonly { readonly role?: string; readonly parts: readonly { readonly text?: string }[] }[];
  readonly systemInstruction?: { readonly parts: readonly { readonly text?: string }[] };
  readonly generationConfig?: { readonly temperature?: number };
}

/** A request as the stand-in received it, with live progress of its answer. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** The model named in the path, or null when the path is not a streaming generate call. */
  readonly model: string | null;
  readonly apiKey: string | null;
  readonly rawBody: string;
  readonly body: GenerateRequestBody | null;
  readonly scenario: Scenario;
  /** Chunks written so far. */
  sentChunks: number;
  /** Chunks the scenario will write in all (the answer's, or `afterChunks`). */
  totalChunks: number;
  /** `usageMetadata.totalTokenCount` of the last chunk written (0 before any). */
  totalTokens: number;
}

/** Options of {@link startGeminiStandIn}. */
export interface GeminiStandInOptions {
  /** What a request gets when nothing is scripted; default `{ kind: 'answer' }`. */
  readonly defaultScenario?: Scenario;
  /** Shorthand: the default answer waits this long before its first chunk. */
  readonly firstChunkDelayMs?: number;
}

/** A running stand-in. */
export interface GeminiStandIn {
  /** `http://127.0.0.1:<port>`: the SDK's `httpOptions.baseUrl`. */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Queues scenarios for the next requests, in order. */
  script(next: Scenario | readonly Scenario[]): void;
  /** Stops the server, cutting any hanging response. */
  close(): Promise<void>;
}

const STREAM_PATH = /^\/v1beta\/models\/([^/:]+):streamGenerateContent$/;

/** A small fixture `Retrieval`: sources numbered 1..count, one fact per source, no subject entry. */
export function sampleRetrieval(count = 3): Retrieval {
  const sources: NumberedSource[] = Array.from({ length: count }, (_, i) => ({
    n: i + 1,
    sourceId: `source-${i + 1}`,
    url: `https://www.gov.uk/example-${i + 1}`,
    title: `Example source ${i + 1}`,
    publisher: 'GOV.UK',
    accessedDate: '2026-11-26',
    textChecked: true,
    excerpt: null,
  }));
  const facts: RetrievedFact[] = sources.map((source) => ({
    id: `fact-${source.n}`,
    topic: 'visa',
    statement: `Fact number ${source.n} about studying in the UK.`,
    confidence: 'high',
    sourceNumbers: [source.n],
  }));
  return {
    subject: 'Nursing',
    asOf: '2026-11-26',
    on: '2026-12-01',
    mapEntry: null,
    fieldJobs: [],
    relatedJobs: [],
    matchedVia: 'entry',
    coverage: { level: 'general', note: 'We hold no subject-specific data for this subject.' },
    changes: [],
    subjectEntry: null,
    facts,
    sources,
  };
}

/** Options of {@link reportMarkdown}. */
export interface ReportMarkdownOptions {
  /** Sections to leave out (to script a reply the writer must repair). */
  readonly omit?: readonly SectionKey[];
  /** Number of summary bullets; default 6. */
  readonly bullets?: number;
}

/**
 * A report in the contract's Markdown shape (`## Title` per section, `###` sub-headings, `- `
 * summary bullets), citing the given source numbers in turn; valid when nothing is omitted and
 * `sourceNumbers` is not empty.
 */
export function reportMarkdown(sourceNumbers: readonly number[], options: ReportMarkdownOptions = {}): string {
  let next = 0;
  const cite = (): string => {
    if (sourceNumbers.length === 0) return '';
    const n = sourceNumbers[next % sourceNumbers.length];
    next += 1;
    return ` [${n}]`;
  };
  const paragraph = (what: string): string => `Information about ${what} for this subject.${cite()}`;
  const body = (key: SectionKey, title: string, subheadings: readonly { title: string }[]): string => {
    if (key === 'executive_summary') {
      return Array.from({ length: options.bullets ?? 6 }, (_, i) => `- Key point ${i + 1}.${cite()}`).join('\n');
    }
    if (key === 'sources')
      return sourceNumbers.map((n) => `[${n}] Example source ${n} — https://www.gov.uk/example-${n}`).join('\n');
    if (subheadings.length > 0)
      return subheadings.map((sub) => `### ${sub.title}\n\n${paragraph(sub.title)}`).join('\n\n');
    return paragraph(title);
  };
  return `${SECTIONS.filter((s) => !options.omit?.includes(s.key))
    .map((s) => `## ${s.title}\n\n${body(s.key, s.title, s.subheadings)}`)
    .join('\n\n')}\n`;
}

/** The reply text of an answer-like scenario, cut into chunks. */
function chunksOf(options: AnswerOptions, body: GenerateRequestBody | null): string[] {
  const text = options.reply?.(body) ?? options.markdown ?? reportMarkdown([1, 2, 3]);
  const size = options.chunkSize ?? 40;
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** One SSE frame as the SDK parses it. */
function frame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\r\n\r\n`;
}

/** Google's status names for the HTTP errors the scenarios use. */
function statusName(status: number): string {
  if (status === 429) return 'RESOURCE_EXHAUSTED';
  if (status === 503) return 'UNAVAILABLE';
  return status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT';
}

/** Streams the chunks a scenario sends, then finishes as its kind says. */
async function streamAnswer(
  res: ServerResponse,
  scenario: Exclude<Scenario, { kind: 'status' }>,
  record: RecordedRequest,
): Promise<void> {
  const chunks = chunksOf(scenario, record.body);
  const count = scenario.kind === 'answer' ? chunks.length : Math.min(scenario.afterChunks ?? 0, chunks.length);
  record.totalChunks = count;
  const promptTokens = scenario.promptTokens ?? 1000;
  let sentChars = 0;
  if (scenario.firstChunkDelayMs) await sleep(scenario.firstChunkDelayMs);
  if (scenario.kind === 'hang' && count === 0) return;
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (let i = 0; i < count && !res.destroyed; i += 1) {
    if (i > 0 && scenario.chunkDelayMs) await sleep(scenario.chunkDelayMs);
    sentChars += chunks[i].length;
    const candidatesTokenCount = Math.ceil(sentChars / 4);
    const last = scenario.kind === 'answer' && i === count - 1;
    record.totalTokens = promptTokens + candidatesTokenCount;
    res.write(
      frame({
        candidates: [
          {
            content: { parts: [{ text: chunks[i] }], role: 'model' },
            index: 0,
            ...(last ? { finishReason: 'STOP' } : {}),
          },
        ],
        usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount, totalTokenCount: record.totalTokens },
        modelVersion: record.model,
      }),
    );
    record.sentChunks += 1;
  }
  if (scenario.kind === 'hang') return;
  if (scenario.kind === 'malformed') res.write('data: {"candidates": [{"content": {"parts": [{"text": \r\n\r\n');
  if (scenario.kind === 'stream_error') {
    const code = scenario.code ?? 500;
    res.write(frame({ error: { code, message: 'Stand-in stream error', status: statusName(code) } }));
  }
  res.end();
}

/** Answers with an HTTP error in Google's JSON error shape. */
function sendError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: status, message, status: statusName(status) } }));
}

/** Reads a request body as text. */
async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/** Parses a body as JSON, or null. */
function parseJson(text: string): GenerateRequestBody | null {
  try {
    return JSON.parse(text) as GenerateRequestBody;
  } catch {
    return null;
  }
}

/** Starts a stand-in on a free loopback port. */
export async function startGeminiStandIn(options: GeminiStandInOptions = {}): Promise<GeminiStandIn> {
  const fallback: Scenario = options.defaultScenario ?? {
    kind: 'answer',
    firstChunkDelayMs: options.firstChunkDelayMs,
  };
  const queue: Scenario[] = [];
  const requests: RecordedRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawBody = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const model = req.method === 'POST' ? (STREAM_PATH.exec(url.pathname)?.[1] ?? null) : null;
    const scenario = model === null ? fallback : (queue.shift() ?? fallback);
    const apiKey = req.headers['x-goog-api-key'];
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      model,
      apiKey: typeof apiKey === 'string' ? apiKey : null,
      rawBody,
      body: parseJson(rawBody),
      scenario,
      sentChunks: 0,
      totalChunks: 0,
      totalTokens: 0,
    };
    requests.push(record);
    if (model === null) return sendError(res, 404, 'Not found');
    if (scenario.kind === 'status') return sendError(res, scenario.status, scenario.message ?? 'Stand-in error');
    await streamAnswer(res, scenario, record);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script(next) {
      queue.push(...(Array.isArray(next) ? next : [next as Scenario]));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
