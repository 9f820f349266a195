/**
 * The background runs of one service on this instance (report generations, follow-up answers): started runs are
 * tracked until they end; a graceful stop lets them finish for a grace period, then aborts the rest through
 * {@link signal} and waits for them.
 */
export class BackgroundRuns<T> {
  private readonly running = new Set<Promise<T>>();
  private readonly shutdown = new AbortController();
  private stopped = false;

  /** Aborted when a stop's grace period is over: runs pass it to their work. */
  get signal(): AbortSignal {
    return this.shutdown.signal;
  }

  /** True once a stop has begun: nothing new is to start. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Tracks a started run until it ends. */
  add(run: () => Promise<T>): void {
    const tracked = run().finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Resolves when every run started here has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Stops: nothing new starts, running ones get up to `graceMs` to finish, then `signal` aborts with `reason` and
   * the rest are waited for. Returns how many were running and how many were still running when the grace ended.
   */
  async stop(graceMs: number, reason?: unknown): Promise<{ readonly before: number; readonly left: number }> {
    this.stopped = true;
    const before = this.running.size;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.idle(), graceOver]);
    clearTimeout(timer);
    const left = this.running.size;
    if (left > 0) {
      this.shutdown.abort(reason);
      await this.idle();
    }
    return { before, left };
  }
}
