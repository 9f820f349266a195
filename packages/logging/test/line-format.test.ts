import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createLogger, getLogContext, setLogContext, withLogContext, type LoggerOptions } from '../src/index.js';
import { FakeClock, LineSink } from './helpers.js';

function setup(options: Partial<LoggerOptions> = {}) {
  const sink = new LineSink();
  const clock = new FakeClock('2025-03-01T12:34:56.789Z');
  const logger = createLogger({ level: 'debug', environment: 'test', stdout: sink, clock: clock.now, ...options });
  return { sink, clock, logger };
}

describe('line shape', () => {
  it('writes one JSON object per line with level, UTC ISO timestamp, environment and msg only', () => {
    const { sink, logger } = setup({ environment: 'production' });
    logger.info('hello');
    expect(sink.lines).toEqual([
      '{"level":"INFO","timestamp":"2025-03-01T12:34:56.789Z","environment":"production","msg":"hello"}',
    ]);
  });

  it('takes the timestamp from the clock at each call', () => {
    const { sink, clock, logger } = setup();
    logger.info('first');
    clock.set('2025-03-02T00:00:00.001+01:00');
    logger.info('second');
    expect(sink.records.map((record) => record.timestamp)).toEqual([
      '2025-03-01T12:34:56.789Z',
      '2025-03-01T23:00:00.001Z',
    ]);
  });

  it('labels levels DEBUG, INFO, WARN and ERROR, with trace as DEBUG and fatal as ERROR', () => {
    const { sink, logger } = setup();
    logger.level = 'trace';
    logger.trace('t');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    logger.fatal('f');
    expect(sink.records.map((record) => [record.level, record.msg])).toEqual([
      ['DEBUG', 't'],
      ['DEBUG', 'd'],
      ['INFO', 'i'],
      ['WARN', 'w'],
      ['ERROR', 'e'],
      ['ERROR', 'f'],
    ]);
  });

  it('leaves out lines below the configured level', () => {
    const { sink, logger } = setup({ level: 'warn' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(sink.records.map((record) => record.msg)).toEqual(['w', 'e']);
  });

  it('keeps the fields of the merging object and of child bindings', () => {
    const { sink, logger } = setup();
    logger.child({ component: 'reports' }).info({ reportId: 'r-1', attempt: 2 }, 'started');
    expect(sink.records[0]).toEqual({
      level: 'INFO',
      timestamp: '2025-03-01T12:34:56.789Z',
      environment: 'test',
      component: 'reports',
      reportId: 'r-1',
      attempt: 2,
      msg: 'started',
    });
  });

  it('formats printf-style arguments into the message', () => {
    const { sink, logger } = setup();
    logger.info('took %d ms for %s', 42, 'nursing');
    expect(sink.records[0].msg).toBe('took 42 ms for nursing');
  });

  it('writes to process.stdout when no stdout is given', () => {
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string) => written.push(chunk) > 0;
    try {
      createLogger({ level: 'info', environment: 'test' }).info('to stdout');
    } finally {
      process.stdout.write = write;
    }
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0])).toMatchObject({ level: 'INFO', msg: 'to stdout' });
  });
});

describe('log context', () => {
  it('adds requestId and userId only inside withLogContext', () => {
    const { sink, logger } = setup();
    logger.info('before');
    withLogContext({ requestId: 'req-1', userId: 'user-1' }, () => logger.info('inside'));
    logger.info('after');
    expect(sink.records.map(({ msg, requestId, userId }) => ({ msg, requestId, userId }))).toEqual([
      { msg: 'before', requestId: undefined, userId: undefined },
      { msg: 'inside', requestId: 'req-1', userId: 'user-1' },
      { msg: 'after', requestId: undefined, userId: undefined },
    ]);
    expect(sink.lines[0]).not.toContain('requestId');
  });

  it('survives awaits and timers, and keeps concurrent contexts apart', async () => {
    const { sink, logger } = setup();
    const handle = async (requestId: string, delay: number) =>
      withLogContext({ requestId }, async () => {
        await sleep(delay);
        logger.info(`done ${requestId}`);
      });
    await Promise.all([handle('slow', 20), handle('fast', 1)]);
    expect(sink.records.map(({ msg, requestId }) => [msg, requestId])).toEqual([
      ['done fast', 'fast'],
      ['done slow', 'slow'],
    ]);
  });

  it('returns what the function returns', async () => {
    expect(withLogContext({}, () => 7)).toBe(7);
    await expect(withLogContext({ requestId: 'r' }, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('lets setLogContext add the userId for the rest of the context, including earlier-started work', async () => {
    const { sink, logger } = setup();
    await withLogContext({ requestId: 'req-2' }, async () => {
      logger.info('anonymous');
      // Work started before the user is known, which logs only after 'identified' (released by hand, not by a
      // timer: two timers 1 and 5 ms apart swap order when the machine is busy).
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const later = gate.then(() => logger.info('background'));
      setLogContext({ userId: 'user-9' });
      await sleep(1);
      logger.info('identified');
      release();
      await later;
    });
    expect(sink.records.map(({ msg, requestId, userId }) => ({ msg, requestId, userId }))).toEqual([
      { msg: 'anonymous', requestId: 'req-2', userId: undefined },
      { msg: 'identified', requestId: 'req-2', userId: 'user-9' },
      { msg: 'background', requestId: 'req-2', userId: 'user-9' },
    ]);
  });

  it('nests: an inner context starts from the outer one and ends with its function', () => {
    withLogContext({ requestId: 'outer', userId: 'u' }, () => {
      withLogContext({ requestId: 'inner' }, () => {
        expect(getLogContext()).toEqual({ requestId: 'inner', userId: 'u' });
        setLogContext({ userId: 'changed' });
      });
      expect(getLogContext()).toEqual({ requestId: 'outer', userId: 'u' });
    });
  });

  it('does nothing outside a context, and getLogContext returns a copy', () => {
    setLogContext({ userId: 'nobody' });
    expect(getLogContext()).toEqual({});
    withLogContext({ requestId: 'r' }, () => {
      const copy = getLogContext();
      copy.userId = 'mutated';
      expect(getLogContext()).toEqual({ requestId: 'r' });
    });
  });

  it('lets fields of the call override the context', () => {
    const { sink, logger } = setup();
    withLogContext({ requestId: 'ctx' }, () => logger.info({ requestId: 'explicit' }, 'x'));
    expect(sink.records[0].requestId).toBe('explicit');
  });
});
