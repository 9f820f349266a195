import { describe, expect, it } from 'vitest';
import { SseParser, type SseFrame } from '../src/api/sse.js';

const TEXT =
  'event: status\ndata: {"status":"generating"}\n\n' +
  ': keep-alive comment\n\n' +
  'event: delta\r\ndata: {"key":"study_options","text":"line one"}\r\n\r\n' +
  'data: first\ndata: second\n\n' +
  'event: section\rdata:{"key":"sources","title":"Sources & Citations"}\r\r';

const EXPECTED: SseFrame[] = [
  { event: 'status', data: '{"status":"generating"}' },
  { event: 'delta', data: '{"key":"study_options","text":"line one"}' },
  { event: 'message', data: 'first\nsecond' },
  { event: 'section', data: '{"key":"sources","title":"Sources & Citations"}' },
];

function parseInChunks(text: string, sizes: (index: number) => number): SseFrame[] {
  const parser = new SseParser();
  const frames: SseFrame[] = [];
  let at = 0;
  let index = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes(index));
    frames.push(...parser.push(text.slice(at, at + size)));
    at += size;
    index += 1;
  }
  return frames.concat(parser.end());
}

describe('SseParser', () => {
  it('parses LF, CRLF and CR frames, multi-line data and comments in one chunk', () => {
    expect(parseInChunks(TEXT, () => TEXT.length)).toEqual(EXPECTED);
  });

  it('gives the same frames however the text is split, even between \\r and \\n', () => {
    for (const size of [1, 2, 3, 5, 7, 11, 64]) {
      expect(parseInChunks(TEXT, () => size)).toEqual(EXPECTED);
    }
    expect(parseInChunks(TEXT, (i) => (i * 7919) % 13)).toEqual(EXPECTED);
  });

  it('waits for the blank line before dispatching a frame', () => {
    const parser = new SseParser();
    expect(parser.push('event: delta\ndata: {"a":1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'delta', data: '{"a":1}' }]);
  });

  it('dispatches a last frame without a trailing blank line at the end of the stream', () => {
    const parser = new SseParser();
    expect(parser.push('event: complete\ndata: {}\r')).toEqual([]);
    expect(parser.end()).toEqual([{ event: 'complete', data: '{}' }]);
  });

  it('ignores frames without data and unknown fields, and keeps a value without a space after the colon', () => {
    const parser = new SseParser();
    expect(parser.push('event: ping\n\nid: 7\nretry: 1000\ndata\ndata:x\n\n')).toEqual([
      { event: 'message', data: '\nx' },
    ]);
  });
});
