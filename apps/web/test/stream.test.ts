import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/errors.js';
import { streamReport, toStreamEvent } from '../src/api/stream.js';
import type { ReportStreamEvent } from '../src/api/types.js';
import { apiError, frame, installFetch, sse } from './support/fakeFetch.js';
import { makeReport } from './support/fixtures.js';

async function collect(
  response: Response,
): Promise<{ events: ReportStreamEvent[]; seen: ReturnType<typeof installFetch> }> {
  const seen = installFetch({ 'GET /reports/r-1/stream': () => response });
  const events: ReportStreamEvent[] = [];
  await streamReport('r-1', 'token-1', (event) => events.push(event));
  return { events, seen };
}

describe('streamReport', () => {
  it('sends the Bearer header and parses events split at awkward places, multi-byte characters included', async () => {
    const text =
      frame('status', { status: 'generating' }) +
      frame('section', { key: 'estimated_costs', title: 'Estimated Cost of Studying' }) +
      frame('delta', { key: 'estimated_costs', text: 'Tuition £17,000 – £25,000 ' }) +
      frame('delta', { key: 'estimated_costs', text: 'per year.' });
    const bytes = new TextEncoder().encode(text);
    const pound = bytes.indexOf(0xc2); // first byte of "£": split the character itself
    const chunks = [
      bytes.slice(0, 5),
      bytes.slice(5, pound + 1),
      bytes.slice(pound + 1, pound + 2),
      bytes.slice(pound + 2),
    ];
    const { events, seen } = await collect(sse(chunks));

    expect(seen[0]?.headers.get('Authorization')).toBe('Bearer token-1');
    expect(seen[0]?.headers.get('Accept')).toBe('text/event-stream');
    expect(events).toEqual([
      { type: 'status', status: 'generating' },
      { type: 'section', key: 'estimated_costs', title: 'Estimated Cost of Studying' },
      { type: 'delta', key: 'estimated_costs', text: 'Tuition £17,000 – £25,000 ' },
      { type: 'delta', key: 'estimated_costs', text: 'per year.' },
    ]);
  });

  it('stops reading after `complete`', async () => {
    const report = makeReport();
    const { events } = await collect(sse([frame('complete', { report }), frame('delta', { key: 'x', text: 'late' })]));
    expect(events).toEqual([{ type: 'complete', report }]);
  });

  it('stops reading after `error`', async () => {
    const { events } = await collect(
      sse([frame('error', { code: 'GENERATION_FAILED', detail: 'Timed out.' }), frame('status', {})]),
    );
    expect(events).toEqual([{ type: 'error', code: 'GENERATION_FAILED', detail: 'Timed out.' }]);
  });

  it('throws the API error when the stream is refused', async () => {
    installFetch({ 'GET /reports/r-1/stream': () => apiError(404, 'NOT_FOUND', 'Report not found.') });
    await expect(streamReport('r-1', 'token-1', () => undefined)).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    await expect(streamReport('r-1', 'token-1', () => undefined)).rejects.toBeInstanceOf(ApiError);
  });

  it('skips unknown events and broken JSON', () => {
    expect(toStreamEvent({ event: 'ping', data: '{}' })).toBeNull();
    expect(toStreamEvent({ event: 'delta', data: '{oops' })).toBeNull();
    expect(toStreamEvent({ event: 'delta', data: '{"key":"a","text":"b"}' })).toEqual({
      type: 'delta',
      key: 'a',
      text: 'b',
    });
  });

  it('dispatches a final frame the server did not end with a blank line', async () => {
    const { events } = await collect(sse(['event: status\ndata: {"status":"pending"}']));
    expect(events).toEqual([{ type: 'status', status: 'pending' }]);
  });

  it('passes an abort through', async () => {
    installFetch({ 'GET /reports/r-1/stream': () => sse([frame('status', { status: 'pending' })]) });
    const controller = new AbortController();
    controller.abort();
    await expect(streamReport('r-1', 'token-1', () => undefined, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
