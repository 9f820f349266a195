import { chmodSync, closeSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { daysBetween, deleteExpiredLogFiles, listLogFiles, logFileName, utcDay, type LogFileId } from './log-files.js';

/** Where and how a {@link RotatingLogFile} writes. */
export interface RotatingLogFileOptions {
  /** Directory of the log files; created when missing. */
  dir: string;
  /** A file that would grow past this many bytes is closed and the next one opened. */
  maxBytes: number;
  /** A new file is started once this many UTC days have begun since the current period started. */
  rotationDays: number;
  /** Files dated more than this many days before today are deleted at start and at each rotation. */
  retentionDays: number;
  /** The time source for file dates and day boundaries. */
  clock: () => Date;
}

/**
 * A log file written synchronously as `dir/app-YYYY-MM-DD-N.log` (UTC day, N from 1 each day), rotated by
 * size and by UTC day and pruned by age. Every method throws on a file-system failure; the caller decides
 * what a failure means.
 */
export class RotatingLogFile {
  readonly #options: RotatingLogFileOptions;
  #fd = -1;
  #file: LogFileId;
  #bytes = 0;
  #periodStart: string;

  /**
   * Creates the directory, deletes expired files and opens today's newest file for appending (file 1 when
   * today has none yet).
   */
  constructor(options: RotatingLogFileOptions) {
    this.#options = options;
    const today = utcDay(options.clock());
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    deleteExpiredLogFiles(options.dir, today, options.retentionDays);
    const index = Math.max(1, ...listLogFiles(options.dir).flatMap((file) => (file.day === today ? file.index : [])));
    this.#file = { day: today, index };
    this.#periodStart = today;
    this.#open();
  }

  /** Appends one line, first rotating when the period has ended or the line would overflow the file. */
  write(line: string): void {
    const today = utcDay(this.#options.clock());
    const size = Buffer.byteLength(line);
    if (daysBetween(this.#periodStart, today) >= this.#options.rotationDays) {
      this.#periodStart = today;
      this.#rotate(today);
    } else if (this.#bytes > 0 && this.#bytes + size > this.#options.maxBytes) {
      this.#rotate(today);
    }
    writeSync(this.#fd, line);
    this.#bytes += size;
  }

  /** Closes the current file; later calls do nothing. */
  close(): void {
    const fd = this.#fd;
    this.#fd = -1;
    if (fd >= 0) closeSync(fd);
  }

  #rotate(today: string): void {
    this.close();
    this.#file = { day: today, index: today === this.#file.day ? this.#file.index + 1 : 1 };
    this.#open();
    deleteExpiredLogFiles(this.#options.dir, today, this.#options.retentionDays);
  }

  #open(): void {
    // Owner-only (0600): log lines carry user ids and security events. An existing file keeps its mode, so set it.
    const path = join(this.#options.dir, logFileName(this.#file));
    this.#fd = openSync(path, 'a', 0o600);
    chmodSync(path, 0o600);
    this.#bytes = fstatSync(this.#fd).size;
  }
}
