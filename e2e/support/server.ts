/**
 * The real server, started in-process with `startServer` on a free loopback port, with its own temporary
 * `DATA_DIR` (embedded PGlite) and `LOG_DIR`. Shared by the e2e run and the benchmarks.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@uksmr/config';
import { startServer, type RunningServer } from '../../apps/server/src/server.js';
import { freePort } from '../../apps/server/test/support/net.js';

export { freePort };

/** A server under test and what a test reads from it. */
export interface ServerUnderTest {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly config: AppConfig;
  readonly server: RunningServer;
  /** How many lines of the server's log files (in `LOG_DIR`) carry the message `msg`. */
  countLogLines(msg: string): number;
  /** Stops the server and removes its temporary directories. */
  stop(): Promise<void>;
}

/** Options of {@link startServerUnderTest}. */
export interface ServerOptions {
  /** The port to listen on; default a free one (see {@link freePort}). */
  readonly port?: number;
  /** Variables on top of the defaults (dev mode, `LOG_LEVEL=info`, loopback only). */
  readonly env?: Record<string, string>;
}

/** The JSON log lines in the files of `logDir`, oldest file first. */
function readLogLines(logDir: string): Record<string, unknown>[] {
  return readdirSync(logDir)
    .filter((name) => name.endsWith('.log'))
    .sort()
    .flatMap((name) => readFileSync(join(logDir, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Starts the whole server (logger, migrated database, app) as `npm start` would, on a temporary data directory. */
export async function startServerUnderTest(options: ServerOptions = {}): Promise<ServerUnderTest> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const home = mkdtempSync(join(tmpdir(), 'uksmr-e2e-'));
  const logDir = join(home, 'logs');
  const config = loadConfig(
    {
      ENVIRONMENT_MODE: 'dev',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(home, 'data'),
      LOG_DIR: logDir,
      LOG_LEVEL: 'info',
      APP_URL: url,
      ALLOWED_ORIGINS: url,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      ...options.env,
    },
    { envFile: false },
  );
  const server = await startServer(config);
  return {
    url,
    config,
    server,
    countLogLines: (msg) => readLogLines(logDir).filter((line) => line.msg === msg).length,
    stop: async () => {
      await server.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
