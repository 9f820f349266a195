import { LRUCache } from 'lru-cache';

/** Most bytes of completed reports' JSON kept (about 800 reports of 80 KB). */
export const REPORT_CACHE_MAX_BYTES = 64 * 2 ** 20;
/** Most bytes of report lists kept (about 4,000 light lists of 8 KB). */
export const LIST_CACHE_MAX_BYTES = 32 * 2 ** 20;

/** What changed in `reports`: one report of one user, or (fields absent) anything of anyone. */
export interface ReportChange {
  /** The owner; absent: every user's lists are forgotten. */
  readonly userId?: string;
  /** The report; absent with `userId` absent too: every cached report is forgotten. */
  readonly reportId?: string;
}

/**
 * Where a read began in the cache's history: what the database answered may be kept only when nothing changed
 * since (a change committed while the read was on its way would otherwise be hidden by a stale copy).
 */
export type ReadTicket = number;

/** A completed report's JSON and whose it is. */
interface CachedReport {
  readonly userId: string;
  readonly body: Buffer;
}

/** Bytes an entry costs: its body and a little for the key and the record. */
const sizeOf = (body: Buffer): number => body.length + 256;

/**
 * This instance's copies of what `GET /reports/{id}` and `GET /reports` answered, as the very bytes sent.
 * A completed report is kept by its id and given only to its owner; the lists are kept per user and per query.
 * Every change of a report forgets the user's lists and that report ({@link changed}); the caller tells it of the
 * changes made here (at once, after commit) and of those announced by the database (other instances, tools).
 * While it cannot hear the database's announcements ({@link setEnabled} false) it keeps and gives nothing.
 * Bounded by bytes, least recently used dropped first.
 */
export class ReportReadCache {
  readonly #reports = new LRUCache<string, CachedReport>({
    maxSize: REPORT_CACHE_MAX_BYTES,
    sizeCalculation: (entry) => sizeOf(entry.body),
  });
  /** User id → (query → body). A user's lists go together, so that one change forgets them all. */
  readonly #lists = new LRUCache<string, ReadonlyMap<string, Buffer>>({
    maxSize: LIST_CACHE_MAX_BYTES,
    sizeCalculation: (lists) => [...lists.values()].reduce((sum, body) => sum + sizeOf(body), 0),
  });
  /** Moves on with every change: a read that began before one may not keep what it read. */
  #epoch = 0;
  #enabled: boolean;

  /** @param enabled whether it starts trusted (embedded PGlite: yes; a PostgreSQL server: once listening). */
  constructor(enabled = true) {
    this.#enabled = enabled;
  }

  /** Taken before reading the database; handed back to {@link keepReport} or {@link keepList}. */
  ticket(): ReadTicket {
    return this.#epoch;
  }

  /** The completed report `reportId` as JSON, when kept and `userId` owns it. */
  report(userId: string, reportId: string): Buffer | undefined {
    if (!this.#enabled) return undefined;
    const entry = this.#reports.get(reportId);
    return entry?.userId === userId ? entry.body : undefined;
  }

  /** Keeps a completed report's JSON, unless something changed since `ticket`. */
  keepReport(ticket: ReadTicket, userId: string, reportId: string, body: Buffer): void {
    if (this.#enabled && ticket === this.#epoch) this.#reports.set(reportId, { userId, body });
  }

  /** The list `query` (limit, offset, status, view) of `userId`, when kept. */
  list(userId: string, query: string): Buffer | undefined {
    return this.#enabled ? this.#lists.get(userId)?.get(query) : undefined;
  }

  /** Keeps a list of `userId`, unless something changed since `ticket`. */
  keepList(ticket: ReadTicket, userId: string, query: string, body: Buffer): void {
    if (!this.#enabled || ticket !== this.#epoch) return;
    this.#lists.set(userId, new Map([...(this.#lists.get(userId) ?? []), [query, body]]));
  }

  /** Forgets what `change` may have made stale: the user's lists (all lists without a user) and the report. */
  changed(change: ReportChange): void {
    this.#epoch += 1;
    if (change.userId === undefined) this.#lists.clear();
    else this.#lists.delete(change.userId);
    if (change.reportId !== undefined) this.#reports.delete(change.reportId);
    else if (change.userId === undefined) this.#reports.clear();
  }

  /**
   * Trusts the cache (true) or stops using it (false: the database's announcements may be missed, as while the
   * listening connection is down). Either way everything kept so far is forgotten.
   */
  setEnabled(enabled: boolean): void {
    this.changed({});
    this.#enabled = enabled;
  }

  /** Whether it keeps and gives anything now. */
  get enabled(): boolean {
    return this.#enabled;
  }
}
