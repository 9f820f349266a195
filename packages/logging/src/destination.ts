import type { RotatingLogFile } from './rotating-log-file.js';

/**
 * The stream pino writes to: every line goes to stdout (when set) and to the log file (when there is one).
 * The first failure of the file drops it for good and is reported once through `onFileFailure`; nothing
 * here ever throws.
 */
export class LogDestination {
  readonly #stdout: NodeJS.WritableStream | false;
  readonly #onFileFailure: (error: unknown) => void;
  #file: RotatingLogFile | undefined;

  /** Tees to `stdout` and `file`; `onFileFailure` is told once when the file stops working. */
  constructor(
    stdout: NodeJS.WritableStream | false,
    file: RotatingLogFile | undefined,
    onFileFailure: (error: unknown) => void,
  ) {
    this.#stdout = stdout;
    this.#file = file;
    this.#onFileFailure = onFileFailure;
  }

  /** Writes one serialized log line. */
  write(line: string): void {
    try {
      if (this.#stdout) this.#stdout.write(line);
    } catch {
      // A broken stdout must not stop the file, nor the app.
    }
    const file = this.#file;
    if (!file) return;
    try {
      file.write(line);
    } catch (error) {
      this.#file = undefined;
      closeQuietly(file);
      this.#onFileFailure(error);
    }
  }

  /** Waits until stdout has taken every line so far, and closes the file; later lines go to stdout only. */
  async close(): Promise<void> {
    const file = this.#file;
    this.#file = undefined;
    if (file) closeQuietly(file);
    const stdout = this.#stdout;
    if (!stdout) return;
    await new Promise<void>((resolve) => {
      try {
        stdout.write('', () => resolve());
      } catch {
        resolve();
      }
    });
  }
}

function closeQuietly(file: RotatingLogFile): void {
  try {
    file.close();
  } catch {
    // The file is being given up anyway.
  }
}
