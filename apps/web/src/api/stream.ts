import { STREAM_EVENT_NAMES } from '@uksmr/contract/plain';
import { send } from './http.js';
import { SseParser, type SseFrame } from './sse.js';
import type { ReportStreamEvent } from './types.js';

const EVENT_TYPES: ReadonlySet<string> = new Set(STREAM_EVENT_NAMES);

/** What every stream of the API sends: events named by `type`, ended by `complete` or `error`. */
export interface StreamEvent {
  readonly type: string;
}

/** Turns one SSE frame into a typed stream event; frames of other names or with broken JSON are skipped. */
export function toStreamEvent<E extends StreamEvent = ReportStreamEvent>(frame: SseFrame): E | null {
  if (!EVENT_TYPES.has(frame.event)) return null;
  try {
    const data = JSON.parse(frame.data) as Record<string, unknown>;
    return { ...data, type: frame.event } as unknown as E;
  } catch {
    return null;
  }
}

/**
 * Follows `GET /reports/{reportId}/stream` with `fetch` (so the Bearer header can be sent), calling `onEvent`
 * for each event as it arrives. Resolves after `complete` or `error`, or when the server ends the stream.
 * Throws an `ApiError` when the stream is refused (401, 404 …).
 */
export function streamReport(
  reportId: string,
  token: string | null,
  onEvent: (event: ReportStreamEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  return streamEvents(`/reports/${encodeURIComponent(reportId)}/stream`, token, onEvent, signal);
}

/**
 * Follows any of the API's event streams at `path` (a report's, a follow-up's): `onEvent` for each event as it
 * arrives; resolves after `complete` or `error`, or when the server ends the stream; throws an `ApiError` when the
 * stream is refused.
 */
export async function streamEvents<E extends StreamEvent>(
  path: string,
  token: string | null,
  onEvent: (event: E) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await send(path, {
    token,
    accept: 'text/event-stream',
    signal,
  });
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const dispatch = (frames: SseFrame[]): boolean => {
    for (const frame of frames) {
      const event = toStreamEvent<E>(frame);
      if (!event) continue;
      onEvent(event);
      if (event.type === 'complete' || event.type === 'error') return true;
    }
    return false;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        dispatch(parser.push(decoder.decode()).concat(parser.end()));
        return;
      }
      if (dispatch(parser.push(decoder.decode(value, { stream: true })))) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
