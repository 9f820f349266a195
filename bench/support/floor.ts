/**
 * The floor of an endpoint: a bare `node:http` server that answers every request with the very bytes (and
 * content type) our server answered, so that a figure of ours can be read beside what this machine can do at all.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running floor server. */
export interface FloorServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts a bare server that answers `body` with `contentType` to every request. */
export async function startFloor(body: Buffer, contentType: string): Promise<FloorServer> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
