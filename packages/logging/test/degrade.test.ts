import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LoggerOptions } from '../src/index.js';
import { FakeClock, filesIn, LineSink, recordsIn, tempDir, type LogRecord } from './helpers.js';

const WARNING = 'Log files disabled, logging to stdout only';

function setup(options: Partial<LoggerOptions> & { logDir: string }) {
  const sink = new LineSink();
  const clock = new FakeClock('2025-03-01T10:00:00Z');
  const logger = createLogger({ level: 'info', environment: 'test', stdout: sink, clock: clock.now, ...options });
  return { sink, logger };
}

const warnings = (records: LogRecord[]) => records.filter((record) => record.msg === WARNING);

describe('degrading to stdout', () => {
  it('an unusable LOG_DIR (a path under a regular file) gives stdout only and one WARN line', async () => {
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, '');
    const logDir = join(file, 'logs');
    const { sink, logger } = setup({ logDir });
    logger.info('one');
    logger.info('two');
    await logger.close();
    expect(sink.records).toMatchObject([
      { level: 'WARN', msg: WARNING, logDir, err: { code: 'ENOTDIR', syscall: 'mkdir' }, environment: 'test' },
      { level: 'INFO', msg: 'one' },
      { level: 'INFO', msg: 'two' },
    ]);
  });

  it('writes the warning even when the logger is set to error', () => {
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, '');
    const { sink, logger } = setup({ logDir: join(file, 'logs'), level: 'error' });
    logger.warn('suppressed');
    expect(sink.records).toMatchObject([{ level: 'WARN', msg: WARNING }]);
  });

  it('a write failure (full disk) switches to stdout with exactly one warning', async () => {
    const logDir = tempDir();
    symlinkSync('/dev/full', join(logDir, 'app-2025-03-01-1.log'));
    const { sink, logger } = setup({ logDir });
    logger.info('one');
    logger.info('two');
    logger.error('three');
    await logger.close();
    expect(sink.records.map(({ level, msg }) => ({ level, msg }))).toEqual([
      { level: 'INFO', msg: 'one' },
      { level: 'WARN', msg: WARNING },
      { level: 'INFO', msg: 'two' },
      { level: 'ERROR', msg: 'three' },
    ]);
    expect(sink.records[1]).toMatchObject({ logDir, err: { type: 'Error', code: 'ENOSPC' } });
  });

  it('a failure to open the next file at rotation degrades the same way, keeping what was written', async () => {
    const logDir = tempDir();
    const { sink, logger } = setup({ logDir, maxSizeMb: 0.0002 }); // 209 bytes: two lines per file
    mkdirSync(join(logDir, 'app-2025-03-01-2.log'));
    for (let i = 1; i <= 5; i += 1) logger.info(`line ${i}`);
    await logger.close();
    expect(warnings(sink.records)).toMatchObject([{ err: { code: 'EISDIR' } }]);
    expect(sink.records.filter((record) => record.msg !== WARNING).map((record) => record.msg)).toEqual([
      'line 1',
      'line 2',
      'line 3',
      'line 4',
      'line 5',
    ]);
    expect(recordsIn(logDir, 'app-2025-03-01-1.log').map((record) => record.msg)).toEqual(['line 1', 'line 2']);
  });

  it('a stdout that throws does not stop the file, nor the caller', async () => {
    const logDir = tempDir();
    const broken = new Writable();
    broken.write = () => {
      throw new Error('stdout is gone');
    };
    const logger = createLogger({ level: 'info', environment: 'test', logDir, stdout: broken });
    expect(() => logger.info('still in the file')).not.toThrow();
    await expect(logger.close()).resolves.toBeUndefined();
    expect(recordsIn(logDir, filesIn(logDir)[0])).toMatchObject([{ msg: 'still in the file' }]);
  });

  it('without LOG_DIR logs to stdout only, with no warning', async () => {
    const sink = new LineSink();
    const logger = createLogger({ level: 'info', environment: 'test', stdout: sink });
    logger.info('only stdout');
    await logger.close();
    expect(sink.records).toMatchObject([{ msg: 'only stdout' }]);
  });
});

describe('close', () => {
  it('closes the file; later lines go to stdout only, with no warning; closing twice is harmless', async () => {
    const logDir = tempDir();
    const { sink, logger } = setup({ logDir });
    logger.info('before');
    await logger.close();
    logger.info('after');
    await logger.close();
    expect(sink.records.map((record) => record.msg)).toEqual(['before', 'after']);
    expect(recordsIn(logDir, 'app-2025-03-01-1.log').map((record) => record.msg)).toEqual(['before']);
  });

  it('resolves with stdout false', async () => {
    const logDir = tempDir();
    const logger = createLogger({ level: 'info', environment: 'test', logDir, stdout: false });
    logger.info('file only');
    await expect(logger.close()).resolves.toBeUndefined();
    expect(filesIn(logDir)).toHaveLength(1);
  });
});

describe('options', () => {
  it.each([
    [{ maxSizeMb: 0 }, /maxSizeMb must be a positive number, got 0/],
    [{ maxSizeMb: Number.NaN }, /maxSizeMb/],
    [{ rotationDays: 1.5 }, /rotationDays must be a positive integer, got 1.5/],
    [{ rotationDays: 0 }, /rotationDays/],
    [{ retentionDays: -1 }, /retentionDays/],
  ])('rejects %j', (options, message) => {
    expect(() => createLogger({ level: 'info', environment: 'test', stdout: false, ...options })).toThrow(RangeError);
    expect(() => createLogger({ level: 'info', environment: 'test', stdout: false, ...options })).toThrow(message);
  });
});
