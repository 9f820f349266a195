/**
 * The performance budget, measured and printed: initial JavaScript ≤ 250 KB gzipped, first contentful paint
 * ≤ 1.5 s and largest contentful paint ≤ 2.5 s for a first visit (a fresh browser context) on the local server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { measureInitialJavaScript, measurePaints, type PaintTimings } from './support/budget.js';
import { ConsoleGuard, launchChromium } from './support/browser.js';
import { startServerUnderTest, type ServerUnderTest } from './support/server.js';

/** 250 KB, counted in thousands of bytes (the stricter reading). */
const INITIAL_JS_BUDGET_BYTES = 250_000;
const FCP_BUDGET_MS = 1_500;
const LCP_BUDGET_MS = 2_500;
/** First visits measured; the budget holds for the slowest. */
const VISITS = 3;

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

describe('performance budget', () => {
  let server: ServerUnderTest;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test(`initial JavaScript is at most ${kb(INITIAL_JS_BUDGET_BYTES)} gzipped`, async () => {
    const { scripts, totalGzipBytes } = await measureInitialJavaScript(server.url);
    console.log(
      [
        'Initial JavaScript (entry script + modulepreload links of index.html):',
        ...scripts.map((s) => `  ${s.path}  ${kb(s.bytes)} raw, ${kb(s.gzipBytes)} gzipped`),
        `  total ${kb(totalGzipBytes)} gzipped (budget ${kb(INITIAL_JS_BUDGET_BYTES)})`,
      ].join('\n'),
    );
    expect(totalGzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });

  test(`a first visit paints within budget (FCP ≤ ${FCP_BUDGET_MS} ms, LCP ≤ ${LCP_BUDGET_MS} ms)`, async () => {
    const visits: PaintTimings[] = [];
    for (let i = 0; i < VISITS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const guard = new ConsoleGuard(page);
      await page.goto(server.url, { waitUntil: 'load' });
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      visits.push(await measurePaints(page));
      expect(guard.problems).toEqual([]);
      await context.close();
    }
    const fcp = Math.max(...visits.map((v) => v.firstContentfulPaintMs));
    const lcp = Math.max(...visits.map((v) => v.largestContentfulPaintMs));
    console.log(
      [
        `Paint timings of ${VISITS} first visits (fresh browser contexts) to ${server.url}/ (the sign-in page):`,
        ...visits.map((v, i) => `  visit ${i + 1}: FCP ${v.firstContentfulPaintMs.toFixed(0)} ms, LCP ${v.largestContentfulPaintMs.toFixed(0)} ms`),
        `  slowest: FCP ${fcp.toFixed(0)} ms (budget ${FCP_BUDGET_MS}), LCP ${lcp.toFixed(0)} ms (budget ${LCP_BUDGET_MS})`,
      ].join('\n'),
    );
    expect(fcp).toBeLessThanOrEqual(FCP_BUDGET_MS);
    expect(lcp).toBeLessThanOrEqual(LCP_BUDGET_MS);
  });
});
