import { readdirSync, readFileSync, readlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../src/index.js';
import { parseLogFileName } from '../src/log-files.js';
import { redactString } from '../src/redact.js';
import { RotatingLogFile } from '../src/rotating-log-file.js';
import { FakeClock, filesIn, tempDir } from './helpers.js';

/** The files of `dir` this process holds open (Linux: the links in /proc/self/fd). */
function openFilesIn(dir: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(`${dir}/`) ? [target.slice(dir.length + 1)] : [];
    } catch {
      return []; // the descriptor readdir itself used, already closed
    }
  });
}

function file(dir: string, clock: FakeClock, maxBytes: number): RotatingLogFile {
  return new RotatingLogFile({ dir, maxBytes, rotationDays: 1, retentionDays: 30, clock: clock.now });
}

describe('the size limit, to the byte', () => {
  it('keeps a line that fills the file exactly, and starts the next file with the line after it', () => {
    const dir = tempDir();
    const log = file(dir, new FakeClock('2025-03-01T10:00:00Z'), 10);
    log.write('12345\n');
    log.write('abc\n'); // 6 + 4 = 10 bytes: exactly the limit
    expect(filesIn(dir)).toEqual(['app-2025-03-01-1.log']);
    log.write('x\n');
    log.close();
    expect(filesIn(dir)).toEqual(['app-2025-03-01-1.log', 'app-2025-03-01-2.log']);
    expect(readFileSync(join(dir, 'app-2025-03-01-1.log'), 'utf8')).toBe('12345\nabc\n');
    expect(readFileSync(join(dir, 'app-2025-03-01-2.log'), 'utf8')).toBe('x\n');
  });

  it('writes an over-long first line into the empty first file instead of leaving an empty file behind', () => {
    const dir = tempDir();
    const log = file(dir, new FakeClock('2025-03-01T10:00:00Z'), 4);
    log.write('longer than four bytes\n');
    log.close();
    expect(filesIn(dir)).toEqual(['app-2025-03-01-1.log']);
    expect(readFileSync(join(dir, 'app-2025-03-01-1.log'), 'utf8')).toBe('longer than four bytes\n');
  });
});

describe('closing', () => {
  it('releases the file descriptor and keeps no descriptor number after it', () => {
    const dir = tempDir();
    const log = file(dir, new FakeClock('2025-03-01T10:00:00Z'), 1000);
    log.write('line\n');
    expect(openFilesIn(dir)).toEqual(['app-2025-03-01-1.log']);
    log.close();
    expect(openFilesIn(dir)).toEqual([]);
    // A write after close fails (no descriptor) rather than landing on whatever now holds the old number. (Closing the
    // raw file twice is not tried here: with a wrong descriptor number it would close this process's stdout.)
    expect(() => log.write('late\n')).toThrow(expect.objectContaining({ code: 'ERR_OUT_OF_RANGE' }));
  });

  it('closes the file behind a logger on close(), and the file a failed write gave up', async () => {
    const dir = tempDir();
    const logger = createLogger({
      level: 'info',
      environment: 'test',
      logDir: dir,
      stdout: false,
      clock: new FakeClock('2025-03-01T10:00:00Z').now,
    });
    logger.info('one');
    expect(openFilesIn(dir)).toEqual(['app-2025-03-01-1.log']);
    await logger.close();
    expect(openFilesIn(dir)).toEqual([]);

    // A rotation that cannot open the next file: the current one is closed as the logger gives files up.
    const full = tempDir();
    const clock = new FakeClock('2025-03-01T10:00:00Z');
    const degraded = createLogger({
      level: 'info',
      environment: 'test',
      logDir: full,
      stdout: false,
      clock: clock.now,
      maxSizeMb: 0.0001,
    });
    mkdirSync(join(full, 'app-2025-03-01-2.log')); // a directory where the next file should go
    degraded.info('x'.repeat(200));
    degraded.info('y'.repeat(200));
    expect(openFilesIn(full)).toEqual([]);
    await degraded.close();
  });
});

describe('log file names', () => {
  it('reads the day and a many-digit number, and nothing else', () => {
    expect(parseLogFileName('app-2025-03-01-12.log')).toEqual({ day: '2025-03-01', index: 12 });
    expect(parseLogFileName('app-2025-03-01-1.log.gz')).toBeUndefined();
    expect(parseLogFileName('old-app-2025-03-01-1.log')).toBeUndefined();
    expect(parseLogFileName('app-2025-03-01-1x.log')).toBeUndefined();
    expect(parseLogFileName('app-2025-03-01-0.log')).toBeUndefined();
  });

  it('leaves an archived or foreign copy of an expired file alone at retention', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    for (const name of ['app-2020-01-01-1.log', 'app-2020-01-01-1.log.gz', 'backup-app-2020-01-01-1.log'])
      writeFileSync(join(dir, name), 'old\n');
    file(dir, new FakeClock('2025-03-01T10:00:00Z'), 1000).close();
    expect(filesIn(dir)).toEqual(['app-2020-01-01-1.log.gz', 'app-2025-03-01-1.log', 'backup-app-2020-01-01-1.log']);
  });
});

describe('options and redaction edges', () => {
  it('wants a whole number of retention days', () => {
    expect(() => createLogger({ level: 'info', environment: 'test', stdout: false, retentionDays: 1.5 })).toThrow(
      new RangeError('Logger option retentionDays must be a positive integer, got 1.5'),
    );
  });

  it('redacts card verification values under either name', () => {
    expect(redact({ cvc: '123', cvv: '456', CVV: 789 })).toEqual({
      cvc: '[REDACTED]',
      cvv: '[REDACTED]',
      CVV: '[REDACTED]',
    });
  });

  it('redacts a Bearer token after several spaces', () => {
    expect(redactString('authorization: Bearer   abc.def')).toBe('authorization: Bearer [REDACTED]');
  });

  it('redacts a whole quoted JSON value, spaces and escaped quotes included', () => {
    expect(redactString('{"password": "correct horse, battery", "user": "sam"}')).toBe(
      '{"password": "[REDACTED]", "user": "sam"}',
    );
    expect(redactString('{"token":"a\\"b c","n":1}')).toBe('{"token":"[REDACTED]","n":1}');
  });

  it('adds no cause to an error that has none', () => {
    expect(redact(new Error('boom'))).not.toHaveProperty('cause');
    expect(redact(new Error('boom', { cause: 'why' }))).toHaveProperty('cause', 'why');
  });
});
