/** One parsed server-sent event. */
export interface SseEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Parses a complete `text/event-stream` body into its events (comments skipped). */
export function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .map((frame) => frame.split('\n').filter((line) => !line.startsWith(':')))
    .filter((lines) => lines.some((line) => line.startsWith('event: ')))
    .map((lines) => ({
      event: lines.find((line) => line.startsWith('event: '))!.slice('event: '.length),
      data: JSON.parse(lines.find((line) => line.startsWith('data: '))!.slice('data: '.length)) as Record<
        string,
        unknown
      >,
    }));
}
