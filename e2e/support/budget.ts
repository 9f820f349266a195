/** The performance budget's figures: initial JavaScript (gzipped) and paint timings of a page load. */
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** One script the index page loads before anything else. */
export interface InitialScript {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Bytes on the wire as the server sends them to a browser (`Accept-Encoding: br, gzip`), and their encoding. */
  readonly transferredBytes: number;
  readonly encoding: string;
}

/** The scripts `index.html` loads at once (its module entry and `modulepreload` links) and their sums. */
export interface InitialJavaScript {
  readonly scripts: readonly InitialScript[];
  readonly totalGzipBytes: number;
  readonly totalBytes: number;
  readonly totalTransferredBytes: number;
}

/** GETs `url` as a browser would (`Accept-Encoding: br, gzip`) and counts the body's bytes as sent, undecoded. */
export function transferred(url: URL): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
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
      const sent = await transferred(new URL(path, baseUrl));
      return {
        path,
        bytes: body.length,
        gzipBytes: gzipSync(body).length,
        transferredBytes: sent.bytes,
        encoding: sent.encoding,
      };
    }),
  );
  const sum = (pick: (script: InitialScript) => number): number =>
    scripts.reduce((total, script) => total + pick(script), 0);
  return {
    scripts,
    totalGzipBytes: sum((s) => s.gzipBytes),
    totalBytes: sum((s) => s.bytes),
    totalTransferredBytes: sum((s) => s.transferredBytes),
  };
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
