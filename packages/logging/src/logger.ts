import { pino, type Bindings, type ChildLoggerOptions, type Level, type LogFn, type Logger } from 'pino';
import { getLogContext } from './context.js';
import { LogDestination } from './destination.js';
import { redactLogArguments } from './log-arguments.js';
import { redact } from './redact.js';
import { RotatingLogFile } from './rotating-log-file.js';

/** The levels a logger can be set to (`LOG_LEVEL`). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Settings of {@link createLogger}; the `LOG_*` variables map onto them one to one. */
export interface LoggerOptions {
  /** The least severe level written. */
  level: LogLevel;
  /** Written on every line (`ENVIRONMENT_MODE`). */
  environment: string;
  /** Directory of the rotated files (`LOG_DIR`); absent → stdout only. */
  logDir?: string;
  /** Size at which a file is rotated, in MB (`LOG_MAX_SIZE_MB`, default 100). */
  maxSizeMb?: number;
  /** UTC days per file (`LOG_ROTATION_DAYS`, default 1). */
  rotationDays?: number;
  /** Days a file is kept (`LOG_RETENTION_DAYS`, default 30). */
  retentionDays?: number;
  /** Where lines are echoed: default `process.stdout`; `false` for none. */
  stdout?: NodeJS.WritableStream | false;
  /** Time source of timestamps, file dates and day boundaries; default the system clock. */
  clock?: () => Date;
}

/**
 * A pino logger (so Fastify can take it as `loggerInstance`) with `close()`, which waits until stdout has
 * taken every line and closes the log file. Lines logged after `close()` go to stdout only.
 */
export type AppLogger = Logger & { close(): Promise<void> };

const LEVEL_LABELS: Record<Level, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
};

const BYTES_PER_MB = 1024 * 1024;

/**
 * Creates the application logger: one JSON line per entry with `level`, `timestamp` (ISO 8601, UTC),
 * `environment`, the `requestId`/`userId` of the current log context, and secrets redacted from the
 * message and from every field. With `logDir`, lines also go to rotated files; when the directory cannot
 * be used, or a write to it fails, the logger carries on with stdout alone and says so in one WARN line.
 *
 * @throws RangeError when `maxSizeMb`, `rotationDays` or `retentionDays` is out of range.
 */
export function createLogger(options: LoggerOptions): AppLogger {
  const clock = options.clock ?? (() => new Date());
  const { logDir } = options;
  const stdout = options.stdout ?? process.stdout;
  const fileOptions = {
    maxBytes: positive('maxSizeMb', options.maxSizeMb ?? 100) * BYTES_PER_MB,
    rotationDays: positive('rotationDays', options.rotationDays ?? 1, true),
    retentionDays: positive('retentionDays', options.retentionDays ?? 30, true),
    clock,
  };

  let file: RotatingLogFile | undefined;
  let startError: unknown;
  if (logDir !== undefined) {
    try {
      file = new RotatingLogFile({ dir: logDir, ...fileOptions });
    } catch (error) {
      startError = error;
    }
  }
  const destination = new LogDestination(stdout, file, (error) => warnFileLoggingOff(logger, logDir, error));
  const logger = pino(
    {
      level: options.level,
      base: { environment: options.environment },
      timestamp: () => `,"timestamp":"${clock().toISOString()}"`,
      mixin: getLogContext,
      formatters: {
        level: (label) => ({ level: LEVEL_LABELS[label as Level] }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
      // formatters.log has already turned errors into plain, redacted objects; pino's own err serializer
      // would relabel them as type "Object".
      serializers: { err: redact },
      hooks: {
        logMethod(args, method) {
          method.apply(this, redactLogArguments(args) as Parameters<LogFn>);
        },
      },
    },
    destination,
  );
  redactChildren(logger);
  if (startError !== undefined) warnFileLoggingOff(logger, logDir, startError);
  return Object.assign(logger, { close: () => destination.close() });
}

/**
 * Makes `child(bindings, options)` redact its bindings and the output of any serializers it is given (a
 * serializer runs after `formatters.log`, so Fastify's `req` serializer would otherwise print a URL's
 * query string as it is). This holds for the logger and every descendant, since pino creates a child with
 * `Object.create(parent)`; pino applies `formatters.bindings` to the root's bindings only.
 */
function redactChildren(logger: Logger): void {
  // Deliberately unbound: it is applied to whichever descendant `child` is called on.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const pinoChild = logger.child;
  logger.child = function child(this: Logger, bindings: Bindings, childOptions?: ChildLoggerOptions) {
    return pinoChild.apply(this, [redact(bindings) as Bindings, childOptions && withRedactedSerializers(childOptions)]);
  } as Logger['child'];
}

function withRedactedSerializers(options: ChildLoggerOptions): ChildLoggerOptions {
  const { serializers } = options;
  if (!serializers) return options;
  const redacted = Object.entries(serializers).map(([key, serialize]) => [
    key,
    (value: unknown) => redact(serialize(value)),
  ]);
  return { ...options, serializers: Object.fromEntries(redacted) as typeof serializers };
}

function warnFileLoggingOff(logger: Logger, logDir: string | undefined, error: unknown): void {
  // A child at warn level, so the warning is written even when the logger is set to error.
  logger.child({}, { level: 'warn' }).warn({ logDir, err: error }, 'Log files disabled, logging to stdout only');
}

function positive(name: string, value: number, integer = false): number {
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`Logger option ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return value;
}
