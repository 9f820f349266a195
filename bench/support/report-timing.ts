/**
 * One report timed end to end through the real HTTP API, as the web app does it: `POST /reports`, then
 * `GET /reports/{id}/stream` read with `fetch`, timing the first `section` event and `complete`.
 */
import { performance } from 'node:perf_hooks';

/** The timings of one report, in ms from just before its `POST /reports`. */
export interface ReportTiming {
  readonly reportId: string;
  readonly subject: string;
  readonly firstSectionMs: number;
  readonly completeMs: number;
  /** The server's own `generation_metadata` of the stored report. */
  readonly serverFirstTokenMs: number | null;
  readonly serverDurationMs: number | null;
}

/** One server-sent event. */
interface SseEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Creates a local account and returns its Bearer token. */
export async function signUp(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery staple' }),
  });
  if (response.status !== 201) throw new Error(`signup: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Yields the events of a `text/event-stream` body as they arrive (comments skipped). */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length);
      const data = lines.find((line) => line.startsWith('data: '))?.slice('data: '.length);
      if (event && data) yield { event, data: JSON.parse(data) as Record<string, unknown> };
    }
  }
}

/** Starts a report on `subject` and follows its stream to the end; throws unless it completes. */
export async function timeReport(baseUrl: string, token: string, subject: string): Promise<ReportTiming> {
  const authorization = `Bearer ${token}`;
  const started = performance.now();
  const created = await fetch(`${baseUrl}/reports`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ subject }),
  });
  if (created.status !== 201)
    throw new Error(`POST /reports "${subject}": HTTP ${created.status} ${await created.text()}`);
  const { report } = (await created.json()) as { report: { report_id: string } };
  const stream = await fetch(`${baseUrl}/reports/${report.report_id}/stream`, {
    headers: { authorization, accept: 'text/event-stream' },
  });
  if (stream.status !== 200 || !stream.body) throw new Error(`stream of ${report.report_id}: HTTP ${stream.status}`);

  let firstSectionMs: number | null = null;
  for await (const { event, data } of readEvents(stream.body)) {
    const at = performance.now() - started;
    if (event === 'section') firstSectionMs ??= at;
    if (event === 'error') throw new Error(`report ${report.report_id} failed: ${JSON.stringify(data)}`);
    if (event === 'complete') {
      const metadata = (
        data.report as { generation_metadata: { first_token_ms?: number; duration_ms?: number } | null }
      ).generation_metadata;
      if (firstSectionMs === null) throw new Error(`report ${report.report_id} completed without a section event`);
      return {
        reportId: report.report_id,
        subject,
        firstSectionMs,
        completeMs: at,
        serverFirstTokenMs: metadata?.first_token_ms ?? null,
        serverDurationMs: metadata?.duration_ms ?? null,
      };
    }
  }
  throw new Error(`stream of ${report.report_id} ended before complete`);
}

/** Reads a completed report's stream (replayed from storage) to its `complete` event; ms from the request. */
export async function timeReplay(baseUrl: string, token: string, reportId: string): Promise<number> {
  const started = performance.now();
  const stream = await fetch(`${baseUrl}/reports/${reportId}/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
  });
  if (stream.status !== 200 || !stream.body) throw new Error(`stream of ${reportId}: HTTP ${stream.status}`);
  for await (const { event } of readEvents(stream.body)) {
    if (event === 'complete') return performance.now() - started;
    if (event === 'error') throw new Error(`replay of ${reportId} answered an error`);
  }
  throw new Error(`replay of ${reportId} ended before complete`);
}
