/** What the process-level stop needs: how to stop the server, where to log, how to exit. */
export interface ShutdownOptions {
  /** Stops the server: stop accepting, drain generations, close the pool and the log. */
  readonly stop: () => Promise<void>;
  readonly logger: {
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
  /** Longest a stop may take before the process exits anyway. */
  readonly forceAfterMs: number;
  /** `process` by default (tests pass an EventEmitter). */
  readonly process?: Pick<NodeJS.Process, 'on' | 'once'>;
  /** `process.exit` by default. */
  readonly exit?: (code: number) => void;
}

/**
 * The process's graceful stop: on SIGTERM or SIGINT, stop the server once and exit 0 (1 if stopping failed); a
 * second signal, or a stop taking longer than `forceAfterMs`, exits at once with 1. An unhandled rejection or an
 * uncaught exception is logged with its stack, then the server is stopped cleanly and the process exits 1.
 */
export function installShutdown({
  stop,
  logger,
  forceAfterMs,
  process: proc = process,
  exit = (code) => process.exit(code),
}: ShutdownOptions): void {
  let stopping = false;
  const shutDown = (code: number, reason: object): void => {
    if (stopping) {
      logger.warn({ event: 'shutdown.forced', ...reason }, 'second signal: exiting at once');
      exit(1);
      return;
    }
    stopping = true;
    logger.warn({ event: 'shutdown.started', ...reason }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ event: 'shutdown.forced', timeout_ms: forceAfterMs }, 'shutdown took too long: exiting');
      exit(1);
    }, forceAfterMs);
    force.unref();
    stop().then(
      () => {
        clearTimeout(force);
        exit(code);
      },
      (error: unknown) => {
        clearTimeout(force);
        logger.error({ event: 'shutdown.failed', err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) proc.on(signal, () => shutDown(0, { signal }));
  proc.on('unhandledRejection', (reason: unknown) => {
    logger.error({ event: 'process.unhandled_rejection', err: reason }, 'unhandled promise rejection');
    shutDown(1, { cause: 'unhandledRejection' });
  });
  proc.on('uncaughtException', (error: Error) => {
    logger.error({ event: 'process.uncaught_exception', err: error }, 'uncaught exception');
    shutDown(1, { cause: 'uncaughtException' });
  });
}
