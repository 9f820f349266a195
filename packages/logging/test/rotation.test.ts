import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, type LoggerOptions } from '../src/index.js';
import { FakeClock, filesIn, LineSink, recordsIn, tempDir } from './helpers.js';

/** 0.001 MB = 1048 bytes: a handful of lines per file. */
const TINY_MB = 0.001;
const TINY_BYTES = TINY_MB * 1024 * 1024;

function setup(clock: FakeClock, options: Partial<LoggerOptions> = {}) {
  const dir = tempDir();
  const start = () =>
    createLogger({ level: 'info', environment: 'test', logDir: dir, stdout: false, clock: clock.now, ...options });
  return { dir, start };
}

/** Logs `count` lines of about 100 bytes. */
function logLines(logger: ReturnType<typeof createLogger>, count: number, label = 'line'): void {
  for (let i = 1; i <= count; i += 1) logger.info({ n: i }, `${label} ${i} ${'x'.repeat(20)}`);
}

describe('log files', () => {
  it('creates the directory and writes app-YYYY-MM-DD-1.log for the UTC day', async () => {
    const clock = new FakeClock('2025-03-01T23:30:00-05:00'); // 04:30 UTC on 2 March
    const dir = join(tempDir(), 'nested', 'logs');
    const logger = createLogger({ level: 'info', environment: 'test', logDir: dir, stdout: false, clock: clock.now });
    logger.info('hello');
    await logger.close();
    expect(filesIn(dir)).toEqual(['app-2025-03-02-1.log']);
    expect(recordsIn(dir, 'app-2025-03-02-1.log')).toMatchObject([{ level: 'INFO', msg: 'hello' }]);
  });

  it('writes log files readable by their owner only (0600), also when a file was left with a wider mode', async () => {
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const { dir, start } = setup(clock);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'app-2025-03-01-1.log'), '', { mode: 0o644 });
    const logger = start();
    logger.info('private');
    await logger.close();
    expect(statSync(join(dir, 'app-2025-03-01-1.log')).mode & 0o777).toBe(0o600);
  });

  it('writes every line to stdout as well as to the file', async () => {
    const clock = new FakeClock('2025-03-01T10:00:00Z');
    const sink = new LineSink();
    const { dir, start } = setup(clock, { stdout: sink });
    const logger = start();
    logger.info('both');
    await logger.close();
    expect(sink.lines).toEqual(readFileSync(join(dir, 'app-2025-03-01-1.log'), 'utf8').trimEnd().split('\n'));
  });

  it('rotates by size: numbered files, none over the limit, no line lost or reordered', async () => {
    const clock = new FakeClock('2025-03-01T10:00:00Z');
    const { dir, start } = setup(clock, { maxSizeMb: TINY_MB });
    const logger = start();
    logLines(logger, 40);
    await logger.close();
    const files = filesIn(dir);
    expect(files.length).toBeGreaterThan(3);
    expect(files).toEqual(files.map((_, i) => `app-2025-03-01-${i + 1}.log`));
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(TINY_BYTES);
    expect(files.flatMap((file) => recordsIn(dir, file)).map((record) => record.n)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('writes a line longer than the limit whole, into a file of its own', async () => {
    const clock = new FakeClock('2025-03-01T10:00:00Z');
    const { dir, start } = setup(clock, { maxSizeMb: TINY_MB });
    const logger = start();
    logger.info('short');
    logger.info('y'.repeat(2000));
    logger.info('short again');
    await logger.close();
    expect(filesIn(dir).map((file) => recordsIn(dir, file).length)).toEqual([1, 1, 1]);
  });

  it('rotates when the fake clock crosses UTC midnight, and numbering restarts at 1', async () => {
    const clock = new FakeClock('2025-03-01T23:59:58Z');
    const { dir, start } = setup(clock, { maxSizeMb: TINY_MB });
    const logger = start();
    logLines(logger, 15, 'day one');
    clock.set('2025-03-02T00:00:00.000Z');
    logLines(logger, 2, 'day two');
    clock.set('2025-03-02T00:00:05.000Z');
    logLines(logger, 1, 'day two later');
    await logger.close();
    const files = filesIn(dir);
    const dayOne = files.filter((file) => file.startsWith('app-2025-03-01-'));
    expect(dayOne.length).toBeGreaterThan(1);
    expect(files.filter((file) => file.startsWith('app-2025-03-02-'))).toEqual(['app-2025-03-02-1.log']);
    expect(recordsIn(dir, 'app-2025-03-02-1.log').map((record) => record.msg)).toEqual([
      expect.stringMatching(/^day two 1 /),
      expect.stringMatching(/^day two 2 /),
      expect.stringMatching(/^day two later 1 /),
    ]);
    for (const file of dayOne) {
      for (const record of recordsIn(dir, file)) expect(record.timestamp).toMatch(/^2025-03-01T/);
    }
  });

  it('with rotationDays 2, keeps one file across the first midnight and starts a new one after the second', async () => {
    const clock = new FakeClock('2025-03-01T12:00:00Z');
    const { dir, start } = setup(clock, { rotationDays: 2 });
    const logger = start();
    logger.info('day 1');
    clock.set('2025-03-02T12:00:00Z');
    logger.info('day 2');
    clock.set('2025-03-03T00:00:01Z');
    logger.info('day 3');
    await logger.close();
    expect(filesIn(dir)).toEqual(['app-2025-03-01-1.log', 'app-2025-03-03-1.log']);
    expect(recordsIn(dir, 'app-2025-03-01-1.log').map((record) => record.msg)).toEqual(['day 1', 'day 2']);
  });

  it('a restart appends to the newest file of the day, and rotates past it once it is full', async () => {
    const clock = new FakeClock('2025-03-01T08:00:00Z');
    const { dir, start } = setup(clock, { maxSizeMb: TINY_MB });
    writeFileSync(join(dir, 'app-2025-03-01-1.log'), 'x'.repeat(TINY_BYTES) + '\n');
    writeFileSync(join(dir, 'app-2025-03-01-2.log'), '{"msg":"before restart"}\n');
    writeFileSync(join(dir, 'app-2025-02-28-7.log'), '{"msg":"yesterday"}\n');
    const first = start();
    first.info('after restart');
    await first.close();
    expect(recordsIn(dir, 'app-2025-03-01-2.log').map((record) => record.msg)).toEqual([
      'before restart',
      'after restart',
    ]);

    writeFileSync(join(dir, 'app-2025-03-01-2.log'), 'x'.repeat(TINY_BYTES - 10) + '\n');
    const second = start();
    second.info('needs room');
    await second.close();
    expect(filesIn(dir)).toEqual([
      'app-2025-02-28-7.log',
      'app-2025-03-01-1.log',
      'app-2025-03-01-2.log',
      'app-2025-03-01-3.log',
    ]);
    expect(recordsIn(dir, 'app-2025-03-01-3.log').map((record) => record.msg)).toEqual(['needs room']);
  });
});

describe('retention', () => {
  it('deletes app-*.log files older than retentionDays at start, and nothing else', async () => {
    const clock = new FakeClock('2025-03-31T09:00:00Z');
    const { dir, start } = setup(clock, { retentionDays: 30 });
    const names = [
      'app-2025-02-28-1.log', // 31 days old: deleted
      'app-2025-02-28-2.log', // deleted
      'app-2025-03-01-1.log', // 30 days old: kept
      'app-2025-03-30-4.log',
      'app-2024-01-01-1.log.gz', // not a log file name: kept
      'notes.txt',
    ];
    for (const name of names) writeFileSync(join(dir, name), '');
    const logger = start();
    await logger.close();
    expect(filesIn(dir)).toEqual([
      'app-2024-01-01-1.log.gz',
      'app-2025-03-01-1.log',
      'app-2025-03-30-4.log',
      'app-2025-03-31-1.log',
      'notes.txt',
    ]);
  });

  it('deletes expired files again at each rotation, by day and by size', async () => {
    const clock = new FakeClock('2025-03-01T23:59:00Z');
    const { dir, start } = setup(clock, { retentionDays: 1, maxSizeMb: TINY_MB });
    writeFileSync(join(dir, 'app-2025-02-28-1.log'), '');
    const logger = start();
    logger.info('kept for now');
    expect(filesIn(dir)).toEqual(['app-2025-02-28-1.log', 'app-2025-03-01-1.log']);

    clock.set('2025-03-02T00:00:00Z');
    logger.info('after midnight');
    expect(filesIn(dir)).toEqual(['app-2025-03-01-1.log', 'app-2025-03-02-1.log']);

    writeFileSync(join(dir, 'app-2025-01-15-3.log'), '');
    logLines(logger, 20);
    await logger.close();
    expect(filesIn(dir)).not.toContain('app-2025-01-15-3.log');
    expect(filesIn(dir)).toContain('app-2025-03-02-2.log');
  });

  it('skips an expired entry it cannot delete and goes on logging', async () => {
    const clock = new FakeClock('2025-03-31T09:00:00Z');
    const { dir, start } = setup(clock);
    mkdirSync(join(dir, 'app-2025-01-01-1.log'));
    writeFileSync(join(dir, 'app-2025-01-02-1.log'), '');
    const logger = start();
    logger.info('still logging');
    await logger.close();
    expect(filesIn(dir)).toEqual(['app-2025-01-01-1.log', 'app-2025-03-31-1.log']);
    expect(recordsIn(dir, 'app-2025-03-31-1.log')).toHaveLength(1);
  });
});
