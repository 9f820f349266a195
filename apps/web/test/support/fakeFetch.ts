import { act } from '@testing-library/react';
import { vi } from 'vitest';

/** A request as the fake server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/** Answers one request; keyed by "METHOD /path" (the query string is part of the path). */
export type Handler = (request: SeenRequest) => Response | Promise<Response>;

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-1', ...headers },
  });
}

/** The contract's error body. */
export function apiError(status: number, code: string, detail: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: code.toLowerCase(), code, detail, request_id: 'req-err' }, headers);
}

/** A `text/event-stream` response that sends the given text chunks (as UTF-8 bytes) one by one. */
export function sse(chunks: readonly (string | Uint8Array)[]): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = chunks[index];
      index += 1;
      if (next === undefined) return controller.close();
      await new Promise((resolve) => setTimeout(resolve, 0));
      controller.enqueue(typeof next === 'string' ? encoder.encode(next) : next);
    },
  });
  let index = 0;
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** A `text/event-stream` response whose chunks the test pushes itself, then closes. */
export function controlledSse(): { response: Response; push(text: string): void; close(): void } {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (text) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

/** Sends stream text and lets the app read it and render it at its next frame (a frame is at most 50 ms in jsdom). */
export async function feed(live: ReturnType<typeof controlledSse>, text: string): Promise<void> {
  await act(async () => {
    live.push(text);
    await new Promise((resolve) => setTimeout(resolve, 70));
  });
}

/** One SSE frame as the server writes it. */
export function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Installs a fake `fetch` (the browser boundary) that routes "METHOD /path" to handlers and records every
 * request. An unrouted request answers 599 so a test sees it.
 */
export function installFetch(routes: Record<string, Handler>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://localhost',
    );
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, path: url.pathname + url.search, headers: new Headers(init.headers), body };
    seen.push(request);
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const handler = routes[`${method} ${request.path}`] ?? routes[`${method} ${url.pathname}`];
    return handler
      ? handler(request)
      : json(599, { error: 'unrouted', code: 'UNROUTED', detail: `${method} ${request.path}`, request_id: 'x' });
  };
  vi.stubGlobal('fetch', vi.fn(fake));
  return seen;
}
