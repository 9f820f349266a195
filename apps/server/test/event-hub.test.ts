import { describe, expect, it } from 'vitest';
import { LISTENING_POLL_MS, POLL_MS, ReportEventHub, type Wake } from '../src/domain/generation/event-hub.js';
import { usableDelivery } from '../src/domain/generation/follow.js';
import { deliverNotice } from '../src/plugins/app/generation.js';

const event = (seq: number) => ({ seq, event: 'delta', data: { key: 'study_options', text: String(seq) } });
const wake = (over: Partial<Wake>): Wake => ({ events: [], mustRead: false, timedOut: false, ...over });

describe('usableDelivery: delivered events stand in for a read only when they follow on without a gap', () => {
  it.each([
    ['the next events in order', wake({ events: [event(4), event(5)] }), 3, [4, 5]],
    ['out of order but contiguous', wake({ events: [event(5), event(4)] }), 3, [4, 5]],
    ['already seen ones dropped', wake({ events: [event(2), event(3), event(4)] }), 3, [4]],
    ['a gap', wake({ events: [event(5)] }), 3, null],
    ['a gap inside', wake({ events: [event(4), event(6)] }), 3, null],
    ['nothing new', wake({ events: [event(3)] }), 3, null],
    ['a bare wake-up', wake({ events: [event(4)], mustRead: true }), 3, null],
    ['the fallback poll', wake({ timedOut: true }), 3, null],
  ] as const)('%s', (_name, given, seq, expected) => {
    expect(usableDelivery(given, seq)?.map((e) => e.seq) ?? null).toEqual(expected);
  });
});

describe('ReportEventHub', () => {
  it('hands deliveries to the readers of that report only, and forgets closed ones', async () => {
    const hub = new ReportEventHub();
    const a = hub.subscribe('a');
    const b = hub.subscribe('b');
    hub.deliver('a', event(1));
    hub.deliver('a', event(2));
    expect(await a.next(1000)).toEqual({ events: [event(1), event(2)], mustRead: false, timedOut: false });
    expect(await b.next(10)).toEqual({ events: [], mustRead: false, timedOut: true });
    expect(hub.readerCount).toBe(2);
    a.close();
    b.close();
    expect(hub.readerCount).toBe(0);
  });

  it('wakes a waiting reader at once, and ends a wait when the reader goes away', async () => {
    const hub = new ReportEventHub();
    const reader = hub.subscribe('r');
    const waiting = reader.next(60_000);
    hub.notify('r');
    expect(await waiting).toEqual({ events: [], mustRead: true, timedOut: false });
    const controller = new AbortController();
    const aborted = reader.next(60_000, controller.signal);
    controller.abort();
    expect(await aborted).toMatchObject({ timedOut: false, mustRead: false });
  });

  it('polls fast without a listener; under LISTEN local wake-ups are left to the notifications, and a reconnect makes readers read', async () => {
    const hub = new ReportEventHub();
    expect(hub.pollMs).toBe(POLL_MS);
    const reader = hub.subscribe('r');
    hub.setListening(true);
    expect(hub.listening).toBe(true);
    expect(hub.pollMs).toBe(LISTENING_POLL_MS);
    expect(await reader.next(10)).toMatchObject({ mustRead: true });
    hub.notify('r');
    expect(await reader.next(10)).toEqual({ events: [], mustRead: false, timedOut: true });
    hub.setListening(false);
    expect(await reader.next(10)).toMatchObject({ mustRead: true });
  });

  it('reads NOTIFY payloads: an event with its data, a bare one as "read the rows", and ignores what is not one', async () => {
    const hub = new ReportEventHub();
    const reader = hub.subscribe('r');
    deliverNotice(hub, JSON.stringify({ r: 'r', s: 1, e: 'status', d: { status: 'generating' } }));
    expect(await reader.next(10)).toEqual({
      events: [{ seq: 1, event: 'status', data: { status: 'generating' } }],
      mustRead: false,
      timedOut: false,
    });
    deliverNotice(hub, JSON.stringify({ r: 'r', s: 2 }));
    expect(await reader.next(10)).toMatchObject({ events: [], mustRead: true });
    for (const bad of ['not json', '{"r":1,"s":2}', '{"r":"r"}']) deliverNotice(hub, bad);
    expect(await reader.next(10)).toMatchObject({ timedOut: true });
  });

  it('starts at once a report another instance handed back while stopping, and nothing else', () => {
    const hub = new ReportEventHub();
    const started: string[] = [];
    const start = (reportId: string): void => void started.push(reportId);
    deliverNotice(hub, JSON.stringify({ r: 'a', s: 3, e: 'status', d: { status: 'generating' } }), {
      onHandedBack: start,
    });
    deliverNotice(hub, JSON.stringify({ r: 'b', s: 4, e: 'delta', d: { key: 'k', text: 'pending' } }), {
      onHandedBack: start,
    });
    deliverNotice(hub, JSON.stringify({ r: 'c', s: 5 }), { onHandedBack: start });
    deliverNotice(hub, JSON.stringify({ r: 'e', s: 7, e: 'status', d: { status: 'pending', requeued: true } }), {
      onHandedBack: start,
    });
    expect(started).toEqual([]);
    deliverNotice(hub, JSON.stringify({ r: 'd', s: 6, e: 'status', d: { status: 'pending', handed_back: true } }), {
      onHandedBack: start,
    });
    expect(started).toEqual(['d']);
  });
});
