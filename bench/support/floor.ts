/**
 * The floor of an endpoint: a bare `node:http` server that answers every request with the very bytes our server
 * answered — the same body and, by default, the same response headers — so that a figure of ours can be read beside
 * what this machine can do at all for that answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running floor server. */
export interface FloorServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Headers a floor does not copy: Node writes its own (date, connection, keep-alive), the length is the body's, and
 * the body it is given is already decoded.
 */
const NOT_COPIED = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'content-encoding',
]);

/**
 * The headers of `sample` a floor sends again: every one but those Node writes itself, so that the floor's answer
 * is as long as ours and its client reads as many header lines (security headers, CORS, request id, cache control).
 */
export function headersToCopy(sample: Headers): [string, string][] {
  return [...sample].filter(([name]) => !NOT_COPIED.has(name.toLowerCase()));
}

/** Starts a bare server that answers `body` with `headers` (name, value pairs) to every request. */
export async function startFloor(body: Buffer, headers: readonly (readonly [string, string])[]): Promise<FloorServer> {
  const head = [...headers.flat(), 'content-length', String(body.length)];
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, head);
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
