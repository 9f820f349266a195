/** One Server-Sent Events frame: its `event:` name (default `message`) and its joined `data:` lines. */
export interface SseFrame {
  readonly event: string;
  readonly data: string;
}

/**
 * An incremental parser of the `text/event-stream` format. Feed it decoded text in chunks of any size:
 * a frame, a line, or a CRLF pair split across chunks is held until the rest arrives.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  /** Adds text and returns the frames it completed, in order. */
  push(text: string): SseFrame[] {
    this.buffer += text;
    const frames: SseFrame[] = [];
    let start = 0;
    for (;;) {
      const end = this.lineEnd(start);
      if (end === null) break;
      this.line(this.buffer.slice(start, end.at), frames);
      start = end.next;
    }
    this.buffer = this.buffer.slice(start);
    return frames;
  }

  /**
   * Ends the stream. Tolerant where the specification is strict: a last line without its line break, and a
   * last frame without its blank line, are still dispatched (a truncated JSON payload is caught later).
   */
  end(): SseFrame[] {
    const frames: SseFrame[] = [];
    const rest = this.buffer.endsWith('\r') ? this.buffer.slice(0, -1) : this.buffer;
    if (rest !== '') this.line(rest, frames);
    this.buffer = '';
    this.line('', frames);
    return frames;
  }

  /** The next line terminator (`\n`, `\r\n` or `\r`) at or after `start`, or null when it is not complete yet. */
  private lineEnd(start: number): { at: number; next: number } | null {
    for (let i = start; i < this.buffer.length; i += 1) {
      const char = this.buffer[i];
      if (char === '\n') return { at: i, next: i + 1 };
      if (char === '\r') {
        if (i + 1 === this.buffer.length) return null; // a '\n' may follow in the next chunk
        return { at: i, next: this.buffer[i + 1] === '\n' ? i + 2 : i + 1 };
      }
    }
    return null;
  }

  private line(line: string, frames: SseFrame[]): void {
    if (line === '') {
      if (this.data.length > 0) frames.push({ event: this.event || 'message', data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}
