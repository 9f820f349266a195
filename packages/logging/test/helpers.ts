import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach } from 'vitest';

/** A parsed log line. */
export type LogRecord = Record<string, unknown>;

/** A stdout stand-in that keeps every line written to it. */
export class LineSink extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
    callback();
  }

  /** Every line, parsed. */
  get records(): LogRecord[] {
    return this.lines.map((line) => JSON.parse(line) as LogRecord);
  }
}

/** A clock the test moves by hand. */
export class FakeClock {
  #now: Date;

  constructor(iso: string) {
    this.#now = new Date(iso);
  }

  /** The function to hand to the logger. */
  readonly now = (): Date => this.#now;

  /** Moves to another instant. */
  set(iso: string): void {
    this.#now = new Date(iso);
  }
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'uksmr-logging-'));
  tempDirs.push(dir);
  return dir;
}

/** The names in `dir`, sorted. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The parsed lines of one log file. */
export function recordsIn(dir: string, name: string): LogRecord[] {
  return readFileSync(join(dir, name), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LogRecord);
}
