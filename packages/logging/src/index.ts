/**
 * @packageDocumentation
 * JSON-line logging for the server: pino with upper-case levels, an async request context, redaction of
 * secrets, and log files rotated by size and UTC day.
 */
export { getLogContext, setLogContext, withLogContext, type LogContext } from './context.js';
export { createLogger, type AppLogger, type LoggerOptions, type LogLevel } from './logger.js';
export { maskEmail, redact } from './redact.js';
