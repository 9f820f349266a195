/** One stored progress event: a section starts or its text grows, or the status changes. */
export interface LoggedEvent {
  readonly event: 'status' | 'section' | 'delta' | 'complete' | 'error';
  readonly data: Record<string, unknown>;
}

/** Stores one progress event of a stream (`reportEvents.append` or `questionEvents.append`, bound to its id). */
export type AppendEvent = (event: string, data: unknown) => Promise<unknown>;

/**
 * Appends a stream's progress events (a report's to `report_events`, a follow-up answer's to `question_events`) in
 * order, one write at a time. Deltas that arrive while a write is in flight are merged into one row (per section
 * key, where events have one), so a fast writer costs few statements.
 */
export class ReportEventLog {
  private readonly queue: LoggedEvent[] = [];
  private draining: Promise<void> | null = null;

  /**
   * @param append stores one event of the stream in progress.
   * @param onStored called after each stored row (wakes local readers).
   * @param onError called when a row cannot be stored; the final result is stored at completion anyway.
   */
  constructor(
    private readonly append: AppendEvent,
    private readonly onStored: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queues an event for storage. */
  push(entry: LoggedEvent): void {
    const last = this.queue.at(-1);
    if (entry.event === 'delta' && last?.event === 'delta' && last.data.key === entry.data.key) {
      this.queue[this.queue.length - 1] = {
        event: 'delta',
        data: { key: entry.data.key, text: `${String(last.data.text)}${String(entry.data.text)}` },
      };
    } else {
      this.queue.push(entry);
    }
    this.draining ??= this.drain();
  }

  /** Resolves once every queued event is stored. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    for (let entry = this.queue.shift(); entry; entry = this.queue.shift()) {
      try {
        await this.append(entry.event, entry.data);
        this.onStored();
      } catch (error) {
        this.onError(error);
      }
    }
    this.draining = null;
  }
}
