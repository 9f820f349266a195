import type { ReportRow, Repositories } from '@uksmr/database';
import { SECTIONS } from '../report/sections.js';
import { sectionMarkdown } from '../report/render.js';
import type { ReportContent } from '../report/types.js';
import { toReportDto } from '../reports/report-dto.js';
import type { PushedEvent, ReportEventHub, Wake } from './event-hub.js';
import { GENERATION_FAILED, type StreamEvent } from './stream-events.js';

/** What a reader needs to follow one report. */
export interface FollowOptions {
  readonly repos: Repositories;
  readonly hub: ReportEventHub;
  /** The owner's report, already loaded (ownership checked) by the caller. */
  readonly report: ReportRow;
  /** Aborts when the reader goes away; the generation itself goes on. */
  readonly signal: AbortSignal;
  /** How often to read the rows when no wake-up comes; default the hub's (fast polling, or a safety net under LISTEN). */
  readonly pollMs?: number;
}

/** Empty reads between looks at the report row itself (a worker that died leaves no terminal event until swept). */
const POLLS_PER_ROW_CHECK = 20;

/**
 * The delivered events that follow `seq` without a gap, in order, or null when they cannot stand in for a read
 * (a bare wake-up, the fallback poll, a gap, or nothing new).
 */
export function usableDelivery(wake: Wake, seq: number): PushedEvent[] | null {
  if (wake.mustRead || wake.timedOut) return null;
  const next = [...wake.events].filter((e) => e.seq > seq).sort((a, b) => a.seq - b.seq);
  if (next.length === 0 || next.some((e, i) => e.seq !== seq + 1 + i)) return null;
  return next;
}

/** The stream of a completed report, replayed from storage: no AI call. */
export function* replayCompleted(report: ReportRow): Generator<StreamEvent, void> {
  const content = report.content as ReportContent;
  for (const section of SECTIONS) {
    yield { event: 'section', data: { key: section.key, title: section.title } };
    yield { event: 'delta', data: { key: section.key, text: sectionMarkdown(content, section.key) } };
  }
  yield { event: 'complete', data: { report: toReportDto(report) } };
}

/**
 * What a reader has been sent of each section so far. Progress rows are deleted once the report is stored, so a
 * reader that polls may find the terminal row after a gap: {@link catchUp} then sends what it missed.
 */
export class SentSections {
  private readonly text = new Map<string, string>();

  /** Records an event the reader was sent. */
  record(event: StreamEvent): void {
    if (event.event === 'section') this.text.set(event.data.key, this.text.get(event.data.key) ?? '');
    if (event.event === 'delta')
      this.text.set(event.data.key, `${this.text.get(event.data.key) ?? ''}${event.data.text}`);
  }

  /**
   * The events that bring this reader up to the stored report: each section it was never sent, whole, and the rest
   * of a section it was sent in part; nothing when it saw every row.
   */
  *catchUp(report: ReportRow): Generator<StreamEvent, void> {
    const content = report.content as ReportContent;
    for (const section of SECTIONS) {
      const stored = sectionMarkdown(content, section.key);
      const sent = this.text.get(section.key);
      if (sent === undefined) {
        yield { event: 'section', data: { key: section.key, title: section.title } };
        yield { event: 'delta', data: { key: section.key, text: stored } };
      } else if (stored.length > sent.length && stored.startsWith(sent)) {
        yield { event: 'delta', data: { key: section.key, text: stored.slice(sent.length) } };
      }
    }
  }
}

/** The terminal event of a failed or expired report. */
function failure(report: ReportRow): StreamEvent {
  return {
    event: 'error',
    data: { code: GENERATION_FAILED, detail: report.errorMessage ?? 'This report could not be generated.' },
  };
}

/** A stored progress row as a reader reads it. */
export interface StoredEvent {
  readonly seq: number;
  readonly event: string;
  readonly data: unknown;
}

/**
 * One stream followed through its stored progress rows: a report's generation or a follow-up question's answer.
 * The caller has checked the owner and sent what the row alone gives (status, a replay); this follows the rest.
 */
export interface StoredStream<Row, Event> {
  /** The stream's key in the hub and its events table (the report's or the question's id). */
  readonly id: string;
  readonly hub: ReportEventHub;
  readonly signal: AbortSignal;
  readonly pollMs?: number | undefined;
  /** The stored progress rows after `seq`, in order. */
  listAfter(seq: number): Promise<readonly StoredEvent[]>;
  /** The row again as its owner sees it; null once it is gone (deleted, expired). */
  reload(): Promise<Row | null>;
  /** Whether the row is still waiting or being written. */
  inProgress(row: Row): boolean;
  /** Called with each progress event the reader is sent. */
  record(event: Event): void;
  /** The last events: what the reader missed of the stored result and `complete`, or the stored error, or the row's failure. */
  finish(row: Row | null, errorData: unknown): Iterable<Event>;
}

/**
 * Follows a stream in progress through its stored rows (written on any instance) until its terminal row, or, when a
 * worker died and left none, until its row is no longer in progress. Wake-ups come from the hub (LISTEN/NOTIFY or
 * local), with polling as the fallback.
 */
export async function* followStored<Row, Event>(stream: StoredStream<Row, Event>): AsyncGenerator<Event, void> {
  const { hub, signal, pollMs } = stream;
  const subscription = hub.subscribe(stream.id);
  try {
    let seq = 0;
    let emptyReads = 0;
    // Events a notification brought, which stand in for the next read; null = read the rows.
    let delivered: readonly StoredEvent[] | null = null;
    while (!signal.aborted) {
      const events = delivered ?? (await stream.listAfter(seq));
      const read = delivered === null;
      delivered = null;
      for (const stored of events) {
        seq = stored.seq;
        if (stored.event === 'complete' || stored.event === 'error') {
          yield* stream.finish(await stream.reload(), stored.event === 'error' ? stored.data : null);
          return;
        }
        const event = { event: stored.event, data: stored.data } as Event;
        stream.record(event);
        yield event;
      }
      if (read && events.length > 0) continue;
      if (read && ++emptyReads % POLLS_PER_ROW_CHECK === 0) {
        const current = await stream.reload();
        if (!current || !stream.inProgress(current)) {
          yield* stream.finish(current, null);
          return;
        }
      }
      delivered = usableDelivery(await subscription.next(pollMs ?? hub.pollMs, signal), seq);
    }
  } finally {
    subscription.close();
  }
}

/**
 * Follows a report: `status` at once; a completed report replayed from storage; a failed one as `error`;
 * one in generation followed through its stored events (from any instance) until `complete` or `error`.
 */
export async function* followReport(options: FollowOptions): AsyncGenerator<StreamEvent, void> {
  const { repos, hub, report, signal, pollMs } = options;
  yield { event: 'status', data: { status: report.status } };
  if (report.status === 'completed') {
    yield* replayCompleted(report);
    return;
  }
  if (report.status === 'failed' || report.status === 'expired') {
    yield failure(report);
    return;
  }
  const sent = new SentSections();
  yield* followStored<ReportRow, StreamEvent>({
    id: report.reportId,
    hub,
    signal,
    pollMs,
    listAfter: (seq) => repos.reportEvents.listAfter(report.reportId, seq),
    reload: () => repos.reports.getForOwner(report.userId, report.reportId),
    inProgress: (row) => row.status === 'pending' || row.status === 'generating',
    record: (event) => sent.record(event),
    *finish(final, errorData) {
      if (final?.status === 'completed') yield* sent.catchUp(final);
      yield* finish(final, errorData);
    },
  });
}

/** The last event: the stored report when complete, else the stored error, else the row's own failure. */
function* finish(final: ReportRow | null, errorData: unknown): Generator<StreamEvent, void> {
  if (final?.status === 'completed') yield { event: 'complete', data: { report: toReportDto(final) } };
  else if (errorData) yield { event: 'error', data: errorData as { code: string; detail: string } };
  else if (final) yield failure(final);
  else yield { event: 'error', data: { code: GENERATION_FAILED, detail: 'This report is no longer available.' } };
}
