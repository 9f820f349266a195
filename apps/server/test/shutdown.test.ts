import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installShutdown } from '../src/shutdown.js';

function harness(stop: () => Promise<void>, forceAfterMs = 5_000) {
  const proc = new EventEmitter();
  const exits: number[] = [];
  const lines: [string, Record<string, unknown>, string][] = [];
  const logger = {
    warn: (obj: object, msg: string) => void lines.push(['warn', obj as Record<string, unknown>, msg]),
    error: (obj: object, msg: string) => void lines.push(['error', obj as Record<string, unknown>, msg]),
  };
  installShutdown({
    stop,
    logger,
    forceAfterMs,
    process: proc as unknown as NodeJS.Process,
    exit: (code) => void exits.push(code),
  });
  return { proc, exits, lines };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('installShutdown', () => {
  it('stops once on SIGTERM and exits 0', async () => {
    let stops = 0;
    const { proc, exits, lines } = harness(() => Promise.resolve(void stops++));
    proc.emit('SIGTERM');
    await settle();
    expect([stops, exits]).toEqual([1, [0]]);
    expect(lines[0]).toEqual(['warn', { event: 'shutdown.started', signal: 'SIGTERM' }, 'shutting down']);
  });

  it('exits at once with 1 on a second signal', async () => {
    const { proc, exits } = harness(() => new Promise(() => undefined));
    proc.emit('SIGTERM');
    proc.emit('SIGINT');
    await settle();
    expect(exits).toEqual([1]);
  });

  it('exits 1 when stopping fails or takes too long', async () => {
    const failing = harness(() => Promise.reject(new Error('pool')));
    failing.proc.emit('SIGINT');
    await settle();
    expect(failing.exits).toEqual([1]);
    expect(failing.lines.some(([level, obj]) => level === 'error' && obj.event === 'shutdown.failed')).toBe(true);
    const hanging = harness(() => new Promise(() => undefined), 20);
    hanging.proc.emit('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(hanging.exits).toEqual([1]);
  });

  it('logs an unhandled rejection and an uncaught exception with the error (stack), then stops cleanly and exits 1', async () => {
    const rejected = harness(() => Promise.resolve());
    const error = new Error('lost promise');
    rejected.proc.emit('unhandledRejection', error);
    await settle();
    expect(rejected.lines[0]).toEqual([
      'error',
      { event: 'process.unhandled_rejection', err: error },
      'unhandled promise rejection',
    ]);
    expect(rejected.exits).toEqual([1]);
    const thrown = harness(() => Promise.resolve());
    thrown.proc.emit('uncaughtException', new TypeError('boom'));
    await settle();
    expect(thrown.lines[0][1].event).toBe('process.uncaught_exception');
    expect(thrown.exits).toEqual([1]);
  });
});
