import { EventEmitter } from 'node:events';

/**
 * In-process wake-ups for readers of a report in generation. The events themselves live in PostgreSQL
 * (`report_events`), so readers on other instances follow by polling; a reader on the generating instance is
 * woken at once instead of waiting for its next poll.
 */
export class ReportEventHub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  /** Signals that new events were stored for `reportId`. */
  notify(reportId: string): void {
    this.emitter.emit(reportId);
  }

  /** Resolves at the next notification for `reportId`, after `ms`, or when `signal` aborts. */
  wait(reportId: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.emitter.off(reportId, done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.emitter.once(reportId, done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
