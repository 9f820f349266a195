/** What the page reads from the API's event streams, counted in the page itself (a pass-through of the bytes). */
import type { Page } from 'playwright-core';

/** For each stream the page followed (`GET …/stream`, by path, in the order opened): how many events of each name. */
export type StreamEventCounts = { readonly path: string; readonly events: Readonly<Record<string, number>> }[];

type CountingWindow = Window & { __streamEvents?: { path: string; events: Record<string, number> }[] };

/** Wraps the page's `fetch` so that each `…/stream` response's `event:` lines are counted as they pass. */
function installCounter(): void {
  const counting = window as CountingWindow;
  if (counting.__streamEvents) return;
  const seen: NonNullable<CountingWindow['__streamEvents']> = [];
  counting.__streamEvents = seen;
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await original(input, init);
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    if (!path.endsWith('/stream') || !response.body) return response;
    const stream = { path, events: {} as Record<string, number> };
    seen.push(stream);
    const decoder = new TextDecoder();
    let partial = '';
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const lines = (partial + decoder.decode(chunk, { stream: true })).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const name = /^event: ?(\w+)/.exec(line)?.[1];
          if (name) stream.events[name] = (stream.events[name] ?? 0) + 1;
        }
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), { status: response.status, headers: response.headers });
  };
}

/** Starts counting the stream events of `page`, now and after every navigation or reload. */
export async function countStreamEvents(page: Page): Promise<void> {
  await page.addInitScript(installCounter);
  await page.evaluate(installCounter);
}

/** The streams `page` has read since its document loaded, with their event counts. */
export function streamEventCounts(page: Page): Promise<StreamEventCounts> {
  return page.evaluate(() => (window as CountingWindow).__streamEvents ?? []);
}
