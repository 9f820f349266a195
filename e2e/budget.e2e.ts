/**
 * The performance budget, measured and printed (Lighthouse-style, with Chromium's own metrics): initial JavaScript
 * ≤ 100 KB transferred (compressed by the server), first contentful paint ≤ 1.8 s on a phone (360 px, CPU slowed
 * 4×) and FCP ≤ 1.5 s / LCP ≤ 2.5 s on a desktop, for first visits (fresh browser contexts) on the local server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { measureInitialJavaScript, measurePaints, type PaintTimings } from './support/budget.js';
import { ConsoleGuard, launchChromium } from './support/browser.js';
import { startServerUnderTest, type ServerUnderTest } from './support/server.js';

/** 100 KB transferred, counted in thousands of bytes (the stricter reading). */
const INITIAL_JS_BUDGET_BYTES = 100_000;
const MOBILE_FCP_BUDGET_MS = 1_800;
/** Lighthouse's mobile preset slows the CPU four times. */
const MOBILE_CPU_SLOWDOWN = 4;
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

  test(`initial JavaScript is at most ${kb(INITIAL_JS_BUDGET_BYTES)} transferred`, async () => {
    const { scripts, totalBytes, totalGzipBytes, totalTransferredBytes } = await measureInitialJavaScript(server.url);
    console.log(
      [
        'Initial JavaScript (entry script + modulepreload links of index.html):',
        ...scripts.map(
          (s) =>
            `  ${s.path}  ${kb(s.bytes)} uncompressed, ${kb(s.transferredBytes)} transferred (${s.encoding}), ${kb(s.gzipBytes)} if gzipped`,
        ),
        `  total ${kb(totalBytes)} uncompressed (what was sent before compression), ${kb(totalTransferredBytes)} transferred (budget ${kb(INITIAL_JS_BUDGET_BYTES)}), ${kb(totalGzipBytes)} if gzipped`,
      ].join('\n'),
    );
    expect(scripts.every((s) => s.encoding === 'br')).toBe(true);
    expect(totalTransferredBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });

  test(`a first visit on a phone paints first within ${MOBILE_FCP_BUDGET_MS} ms (360 px, CPU ${MOBILE_CPU_SLOWDOWN}× slower)`, async () => {
    const visits: PaintTimings[] = [];
    for (let i = 0; i < VISITS; i += 1) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 780 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE_CPU_SLOWDOWN });
      const guard = new ConsoleGuard(page);
      await page.goto(server.url, { waitUntil: 'load' });
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      visits.push(await measurePaints(page));
      expect(guard.problems).toEqual([]);
      await context.close();
    }
    const fcp = Math.max(...visits.map((v) => v.firstContentfulPaintMs));
    console.log(
      [
        `Mobile first visits (360 px, CPU ${MOBILE_CPU_SLOWDOWN}× slower) to ${server.url}/:`,
        ...visits.map(
          (v, i) =>
            `  visit ${i + 1}: FCP ${v.firstContentfulPaintMs.toFixed(0)} ms, LCP ${v.largestContentfulPaintMs.toFixed(0)} ms`,
        ),
        `  slowest FCP ${fcp.toFixed(0)} ms (budget ${MOBILE_FCP_BUDGET_MS})`,
      ].join('\n'),
    );
    expect(fcp).toBeLessThanOrEqual(MOBILE_FCP_BUDGET_MS);
  });

  test(`a first visit paints within budget (FCP ≤ ${FCP_BUDGET_MS} ms, LCP ≤ ${LCP_BUDGET_MS} ms)`, async () => {
    const visits: PaintTimings[] = [];
    for (let i = 0; i < VISITS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const guard = new ConsoleGuard(page);
      await page.goto(server.url, { waitUntil: 'load' });
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      visits.push(await measurePaints(page));
      expect(guard.problems).toEqual([]);
      await context.close();
    }
    const fcp = Math.max(...visits.map((v) => v.firstContentfulPaintMs));
    const lcp = Math.max(...visits.map((v) => v.largestContentfulPaintMs));
    console.log(
      [
        `Paint timings of ${VISITS} first visits (fresh browser contexts) to ${server.url}/:`,
        ...visits.map(
          (v, i) =>
            `  visit ${i + 1}: FCP ${v.firstContentfulPaintMs.toFixed(0)} ms, LCP ${v.largestContentfulPaintMs.toFixed(0)} ms`,
        ),
        `  slowest: FCP ${fcp.toFixed(0)} ms (budget ${FCP_BUDGET_MS}), LCP ${lcp.toFixed(0)} ms (budget ${LCP_BUDGET_MS})`,
      ].join('\n'),
    );
    expect(fcp).toBeLessThanOrEqual(FCP_BUDGET_MS);
    expect(lcp).toBeLessThanOrEqual(LCP_BUDGET_MS);
  });
});
