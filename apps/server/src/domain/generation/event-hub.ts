/** One progress event as a notification delivered it (the stored row, without a read). */
export interface PushedEvent {
  readonly seq: number;
  readonly event: string;
  readonly data: unknown;
}

/** What a subscriber's wait ended with. */
export interface Wake {
  /** Events delivered with their data, in arrival order. */
  readonly events: readonly PushedEvent[];
  /** Something changed that came without its data (a local wake-up, a large event, a reconnect): read the rows. */
  readonly mustRead: boolean;
  /** Nothing came within the wait: the fallback poll. */
  readonly timedOut: boolean;
}

/** One reader's subscription to a report's progress. */
export interface Subscription {
  /** Waits up to `ms` (or until `signal` aborts) for the next delivery; returns everything delivered meanwhile. */
  next(ms: number, signal?: AbortSignal): Promise<Wake>;
  /** Stops receiving. */
  close(): void;
}

/** How often a reader looks at the rows without a wake-up: 100 ms when polling, 5 s as a safety net under LISTEN. */
export const POLL_MS = 100;
export const LISTENING_POLL_MS = 5_000;

class ReaderSubscription implements Subscription {
  private events: PushedEvent[] = [];
  private mustRead = false;
  private wake: (() => void) | null = null;

  constructor(private readonly onClose: (subscription: ReaderSubscription) => void) {}

  deliver(event: PushedEvent | null): void {
    if (event) this.events.push(event);
    else this.mustRead = true;
    this.wake?.();
  }

  next(ms: number, signal?: AbortSignal): Promise<Wake> {
    const take = (timedOut: boolean): Wake => {
      const wake = { events: this.events, mustRead: this.mustRead, timedOut };
      this.events = [];
      this.mustRead = false;
      return wake;
    };
    if (this.events.length > 0 || this.mustRead) return Promise.resolve(take(false));
    return new Promise((resolve) => {
      const done = (timedOut: boolean): void => {
        clearTimeout(timer);
        this.wake = null;
        signal?.removeEventListener('abort', onAbort);
        resolve(take(timedOut));
      };
      const onAbort = (): void => done(false);
      const timer = setTimeout(() => done(true), ms);
      this.wake = () => done(false);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  close(): void {
    this.onClose(this);
  }
}

/**
 * Wake-ups for readers of reports in generation. The events live in PostgreSQL (`report_events`). On a PostgreSQL
 * server each stored event is also announced with NOTIFY and this instance's one listening connection hands it to
 * {@link deliver}, so readers here follow without reading rows. Without a listener (PGlite, or the connection is
 * down) readers poll, and those on the generating instance are woken by {@link notify} at once.
 */
export class ReportEventHub {
  private readonly readers = new Map<string, Set<ReaderSubscription>>();
  private listeningNow = false;

  /** True while a LISTEN connection feeds this hub. */
  get listening(): boolean {
    return this.listeningNow;
  }

  /** How long a reader waits before reading the rows without a wake-up. */
  get pollMs(): number {
    return this.listeningNow ? LISTENING_POLL_MS : POLL_MS;
  }

  /** Subscribes to `reportId`'s deliveries; subscribe before the first read, so that nothing falls between. */
  subscribe(reportId: string): Subscription {
    const subscription = new ReaderSubscription((closed) => {
      const set = this.readers.get(reportId);
      set?.delete(closed);
      if (set?.size === 0) this.readers.delete(reportId);
    });
    const set = this.readers.get(reportId) ?? new Set();
    set.add(subscription);
    this.readers.set(reportId, set);
    return subscription;
  }

  /**
   * Signals, on the generating instance, that new events were stored for `reportId`. Under LISTEN the notification
   * itself brings them (with their data), so this does nothing then.
   */
  notify(reportId: string): void {
    if (!this.listeningNow) this.deliver(reportId, null);
  }

  /** Hands an announced event (or, with null, a bare "read the rows") to the readers of `reportId` here. */
  deliver(reportId: string, event: PushedEvent | null): void {
    for (const reader of this.readers.get(reportId) ?? []) reader.deliver(event);
  }

  /** The listener's state: once (re)connected every reader reads the rows, since notifications may have been missed. */
  setListening(listening: boolean): void {
    this.listeningNow = listening;
    for (const set of this.readers.values()) for (const reader of set) reader.deliver(null);
  }

  /** Readers subscribed here, across reports. */
  get readerCount(): number {
    let count = 0;
    for (const set of this.readers.values()) count += set.size;
    return count;
  }
}
