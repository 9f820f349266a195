import { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import { STREAM_FAILED } from '@uksmr/contract';

/** Keeps idle proxies from closing a stream that is waiting for the model. */
const HEARTBEAT_MS = 15_000;

/**
 * Sends `events` (a report's or a follow-up question's) as `text/event-stream` on a hijacked reply (the headers set so far, such as X-Request-Id,
 * CORS and rate-limit headers, are kept). Aborts `controller` when the client goes away.
 */
export async function sendEventStream(
  reply: FastifyReply,
  events: AsyncIterable<{ readonly event: string; readonly data: unknown }>,
  controller: AbortController,
): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  // The event stream is exempt from the server's idle-socket timeout: it lives as long as the generation does.
  if (raw.socket instanceof Socket) raw.socket.setTimeout(0);
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.on('close', () => controller.abort());
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS).unref();
  try {
    for await (const { event, data } of events) {
      if (controller.signal.aborted) break;
      raw.write(frame(event, data));
    }
  } catch (error) {
    reply.log.error({ err: error }, 'report stream failed');
    raw.write(
      frame('error', {
        code: STREAM_FAILED,
        detail: 'The connection to this report was interrupted. Reload to follow it again.',
      }),
    );
  } finally {
    clearInterval(heartbeat);
    raw.end();
  }
}

/** One SSE frame. */
function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
