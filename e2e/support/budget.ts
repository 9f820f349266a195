/** The performance budget's figures: initial JavaScript (gzipped) and paint timings of a page load. */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** One script the index page loads before anything else. */
export interface InitialScript {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The scripts `index.html` loads at once (its module entry and `modulepreload` links) and their gzipped sum. */
export interface InitialJavaScript {
  readonly scripts: readonly InitialScript[];
  readonly totalGzipBytes: number;
}

/** The `src`/`href` of each `<script type="module" src>` and `<link rel="modulepreload" href>` of an HTML page. */
export function initialScriptPaths(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const paths = tags.flatMap((tag) => {
    const attribute = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    if (tag.startsWith('<script') && attribute('type') === 'module') return attribute('src') ?? [];
    if (tag.startsWith('<link') && attribute('rel') === 'modulepreload') return attribute('href') ?? [];
    return [];
  });
  return [...new Set(paths)];
}

/** Fetches the index page from `baseUrl` and gzips (zlib's default level) each script it loads initially. */
export async function measureInitialJavaScript(baseUrl: string): Promise<InitialJavaScript> {
  const html = await (await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } })).text();
  const paths = initialScriptPaths(html);
  if (paths.length === 0) throw new Error('index.html loads no module script');
  const scripts = await Promise.all(
    paths.map(async (path): Promise<InitialScript> => {
      const response = await fetch(new URL(path, baseUrl));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { path, bytes: body.length, gzipBytes: gzipSync(body).length };
    }),
  );
  return { scripts, totalGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0) };
}

/** First and largest contentful paint of the page's navigation, in ms from its start. */
export interface PaintTimings {
  readonly firstContentfulPaintMs: number;
  readonly largestContentfulPaintMs: number;
}

/**
 * Reads the buffered `paint` and `largest-contentful-paint` entries of the page (call once the page shows its
 * content); waits `settleMs` for a later, larger paint to be reported.
 */
export async function measurePaints(page: Page, settleMs = 500): Promise<PaintTimings> {
  return page.evaluate(
    (wait) =>
      new Promise<PaintTimings>((resolve) => {
        let fcp = Number.NaN;
        let lcp = Number.NaN;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntriesByName('first-contentful-paint')) fcp = entry.startTime;
        }).observe({ type: 'paint', buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = Math.max(Number.isNaN(lcp) ? 0 : lcp, entry.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve({ firstContentfulPaintMs: fcp, largestContentfulPaintMs: lcp }), wait);
      }),
    settleMs,
  );
}
