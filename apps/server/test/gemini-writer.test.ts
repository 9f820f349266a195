import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WriterError, type WriterEvent, type WriterInput } from '../src/domain/report/types.js';
import { createGeminiWriter, type GeminiWriterOptions } from '../src/domain/writers/gemini/index.js';
import { reportMarkdown, sampleRetrieval, startGeminiStandIn, type GeminiStandIn } from './support/gemini-stand-in.js';

const MODEL = 'gemini-test-flash';
const STUDENT_SAFE = /^[A-Z][^{}<>]*\.$/;

let standIn: GeminiStandIn;

beforeAll(async () => {
  standIn = await startGeminiStandIn();
});
afterEach(() => {
  standIn.requests.length = 0;
});
afterAll(async () => {
  await standIn.close();
});

/** A writer pointed at the stand-in with small timeouts. */
function writer(options: Partial<GeminiWriterOptions> = {}): ReturnType<typeof createGeminiWriter> {
  return createGeminiWriter({
    apiKey: 'test-key',
    model: MODEL,
    baseUrl: standIn.baseUrl,
    timeoutMs: 2_000,
    firstTokenTimeoutMs: 500,
    retryBackoffMs: 10,
    ...options,
  });
}

/** A writer input for the sample retrieval (sources 1–3). */
function input(overrides: Partial<WriterInput> = {}): WriterInput {
  return { subject: 'Nursing', retrieval: sampleRetrieval(3), now: new Date('2026-12-01T10:00:00Z'), ...overrides };
}

/** Runs a write and returns its failure (the test fails when it succeeds). */
async function failure(promise: Promise<unknown>): Promise<WriterError> {
  const error = await promise.then(
    () => expect.fail('the write succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WriterError);
  const writerError = error as WriterError;
  expect(writerError.studentMessage).toMatch(STUDENT_SAFE);
  expect(writerError.studentMessage).not.toMatch(/gemini|google|http|\d{3}|error/i);
  return writerError;
}

describe('Gemini writer, normal answer', () => {
  it('streams sections while the model writes, then returns parsed content, citations and metadata', async () => {
    standIn.script({
      kind: 'answer',
      markdown: reportMarkdown([1, 2]),
      chunkSize: 30,
      firstChunkDelayMs: 20,
      chunkDelayMs: 2,
    });
    const events: WriterEvent[] = [];
    let chunksSentAtFirstSection = -1;
    const result = await writer().write(input(), (event) => {
      if (event.type === 'section' && chunksSentAtFirstSection < 0)
        chunksSentAtFirstSection = standIn.requests[0].sentChunks;
      events.push(event);
    });

    const request = standIn.requests[0];
    expect(standIn.requests).toHaveLength(1);
    expect(request.model).toBe(MODEL);
    expect(request.apiKey).toBe('test-key');
    expect(request.url).toBe(`/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`);
    expect(chunksSentAtFirstSection).toBeGreaterThan(0);
    expect(chunksSentAtFirstSection).toBeLessThan(request.totalChunks);
    expect(events.filter((e) => e.type === 'section')).toHaveLength(10);
    expect(events.filter((e) => e.type === 'delta').length).toBeGreaterThan(10);

    expect(result.content.executive_summary).toHaveLength(6);
    expect(result.content.knowledge_base_as_of).toBe('2026-11-26');
    expect(result.citations.map((c) => [c.id, c.url])).toEqual([
      [1, 'https://www.gov.uk/example-1'],
      [2, 'https://www.gov.uk/example-2'],
    ]);
    expect(result.metadata).toMatchObject({ provider: 'gemini', model: MODEL, tokens_used: request.totalTokens });
    expect(request.totalTokens).toBeGreaterThan(1000);
    expect(result.metadata.first_token_ms).toBeGreaterThanOrEqual(15);
    expect(result.metadata.duration_ms).toBeGreaterThanOrEqual(result.metadata.first_token_ms);
  });

  it('honours the default scenario and reports the provider', async () => {
    const w = writer();
    expect(w.provider).toBe('gemini');
    const result = await w.write(input(), () => undefined);
    expect(result.citations.map((c) => c.id)).toEqual([1, 2, 3]);
  });
});

describe('Gemini writer, timeouts and aborts', () => {
  it('fails with reason timeout when the first token is slower than firstTokenTimeoutMs', async () => {
    standIn.script({ kind: 'answer', firstChunkDelayMs: 300 });
    const error = await failure(writer({ firstTokenTimeoutMs: 40 }).write(input(), () => undefined));
    expect(error.reason).toBe('timeout');
    expect(error.message).toContain('40 ms');
  });

  it('fails with reason timeout when the provider hangs past the whole timeout', async () => {
    standIn.script({ kind: 'hang' });
    const started = Date.now();
    const error = await failure(writer({ timeoutMs: 80, firstTokenTimeoutMs: 5_000 }).write(input(), () => undefined));
    expect(error.reason).toBe('timeout');
    expect(error.message).toContain('80 ms');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('applies the whole timeout to a stream that stalls midway', async () => {
    standIn.script({ kind: 'hang', afterChunks: 5 });
    const events: WriterEvent[] = [];
    const error = await failure(writer({ timeoutMs: 100 }).write(input(), (e) => events.push(e)));
    expect(error.reason).toBe('timeout');
    expect(events.length).toBeGreaterThan(0);
  });

  it("stops with reason aborted when the caller's signal aborts", async () => {
    standIn.script({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await failure(writer().write(input({ signal: controller.signal }), () => undefined));
    expect(error.reason).toBe('aborted');
  });
});

describe('Gemini writer, retries', () => {
  it('retries once after a 429 when nothing was streamed yet', async () => {
    standIn.script([{ kind: 'status', status: 429 }, { kind: 'answer' }]);
    const result = await writer().write(input(), () => undefined);
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.requests[1].rawBody).toBe(standIn.requests[0].rawBody);
    expect(result.metadata.tokens_used).toBe(standIn.requests[1].totalTokens);
  });

  it('fails with reason provider after a 500 twice', async () => {
    standIn.script([
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503 },
    ]);
    const error = await failure(writer().write(input(), () => undefined));
    expect(error.reason).toBe('provider');
    expect(error.message).toContain('HTTP 503');
    expect(standIn.requests).toHaveLength(2);
  });

  it('does not retry a request the provider refuses (400)', async () => {
    standIn.script({ kind: 'status', status: 400, message: 'API key not valid' });
    const error = await failure(writer().write(input(), () => undefined));
    expect(error.reason).toBe('provider');
    expect(standIn.requests).toHaveLength(1);
  });

  it('does not retry a 500 that comes after text was streamed', async () => {
    standIn.script({ kind: 'stream_error', afterChunks: 4, code: 500 });
    const events: WriterEvent[] = [];
    const error = await failure(writer().write(input(), (e) => events.push(e)));
    expect(error.reason).toBe('provider');
    expect(error.message).toContain('HTTP 500');
    expect(standIn.requests).toHaveLength(1);
    expect(events.some((e) => e.type === 'section')).toBe(true);
  });

  it('fails cleanly on a malformed chunk', async () => {
    standIn.script({ kind: 'malformed', afterChunks: 2 });
    const error = await failure(writer().write(input(), () => undefined));
    expect(error.reason).toBe('provider');
    expect(error.message).toContain('SyntaxError');
    expect(error.studentMessage).toBe('The report could not be written right now. Please try again later.');
  });
});

describe('Gemini writer, figure check', () => {
  const withFigure = (text: string): string => reportMarkdown([1, 2]).replace('- Key point 1.', `- ${text}`);
  const profile = { level: 'postgraduate_taught', intake: '2027-09', city: 'London', nationality: 'IN' } as const;

  it('gives the profile and the timeline as JSON data and accepts the figures it gave', async () => {
    // The student data holds the course start (2027-09-01) and the London funds row's basis (× 9 months).
    standIn.script({
      kind: 'answer',
      markdown: withFigure('Your course starts on 1 September 2027 and ends on 31 August 2028.'),
    });
    const result = await writer().write(input({ profile }), () => undefined);
    expect(standIn.requests).toHaveLength(1);
    const userText = standIn.requests[0].body!.contents[0].parts[0].text;
    expect(userText).toContain('```json');
    expect(userText).toContain('"course_start":"2027-09-01"');
    expect(userText).toContain('"intake":"2027-09"');
    expect(result.content.executive_summary[0]).toContain('1 September 2027');
  });

  it('asks for one repair when the reply has a wrong figure, naming it, and keeps the repaired report', async () => {
    standIn.script([{ kind: 'answer', markdown: withFigure('The visa fee is £490.') }, { kind: 'answer' }]);
    const result = await writer().write(input({ profile }), () => undefined);
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.requests[1].body!.contents[2].parts[0].text).toContain(
      'The figure or date £490 is not in the facts or the timeline you were given',
    );
    expect(result.content.executive_summary[0]).toBe('Key point 1. [1]');
  });

  it('fails with invalid_output when the repair still has a made-up date (a paid report is then refunded)', async () => {
    const madeUp = withFigure('Apply for the visa by 15 March 2027.');
    standIn.script([
      { kind: 'answer', markdown: madeUp },
      { kind: 'answer', markdown: madeUp },
    ]);
    const error = await failure(writer().write(input({ profile }), () => undefined));
    expect(error.reason).toBe('invalid_output');
    expect(error.message).toContain('2027-03-15 is not in the facts or the timeline');
    expect(standIn.requests).toHaveLength(2);
  });
});

describe('Gemini writer, repair', () => {
  it('asks once for a repair with the problems listed, and returns the repaired report unstreamed', async () => {
    const broken = reportMarkdown([1, 2], { omit: ['risks_reality_check'] });
    standIn.script([
      { kind: 'answer', markdown: broken },
      { kind: 'answer', markdown: reportMarkdown([1, 3]) },
    ]);
    const events: WriterEvent[] = [];
    const result = await writer().write(input(), (e) => events.push(e));

    expect(standIn.requests).toHaveLength(2);
    const repair = standIn.requests[1].body!;
    expect(repair.contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    expect(repair.contents[1].parts[0].text).toBe(broken);
    expect(repair.contents[2].parts[0].text).toContain('Missing section: add the heading "## Risks & Reality Check".');
    expect(events.filter((e) => e.type === 'section')).toHaveLength(9);
    expect(result.citations.map((c) => c.id)).toEqual([1, 3]);
    expect(result.metadata.tokens_used).toBe(standIn.requests[0].totalTokens + standIn.requests[1].totalTokens);
  });

  it('repairs a reply citing a source that does not exist', async () => {
    standIn.script([{ kind: 'answer', markdown: reportMarkdown([1, 9]) }, { kind: 'answer' }]);
    await writer().write(input(), () => undefined);
    expect(standIn.requests[1].rawBody).toContain('[9] is not one of the numbered sources');
  });

  it('asks for a repair of an empty reply without an empty model turn', async () => {
    standIn.script([{ kind: 'answer', markdown: '' }, { kind: 'answer' }]);
    const result = await writer().write(input(), () => undefined);
    expect(standIn.requests[1].body!.contents.map((c) => c.role)).toEqual(['user', 'user']);
    expect(result.metadata.first_token_ms).toBeGreaterThanOrEqual(0);
  });

  it('fails with reason invalid_output when the repaired reply is still invalid', async () => {
    const broken = reportMarkdown([1], { omit: ['sources'] });
    standIn.script([
      { kind: 'answer', markdown: broken },
      { kind: 'answer', markdown: broken },
    ]);
    const error = await failure(writer().write(input(), () => undefined));
    expect(error.reason).toBe('invalid_output');
    expect(error.message).toContain('Sources & Citations');
    expect(standIn.requests).toHaveLength(2);
  });
});
