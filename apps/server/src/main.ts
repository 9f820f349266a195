import { ConfigError, loadConfig } from '@uksmr/config';
import { startServer } from './server.js';
import { SHUTDOWN_GRACE_MS } from './plugins/app/generation.js';
import { installShutdown } from './shutdown.js';

/** Entry point of `npm start`: a bad configuration stops here with one clear line and a non-zero exit. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const server = await startServer(config);
  // The stop drains generations for SHUTDOWN_GRACE_MS, then closes connections, the pool and the log.
  installShutdown({ stop: () => server.stop(), logger: server.logger, forceAfterMs: SHUTDOWN_GRACE_MS + 5_000 });
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
