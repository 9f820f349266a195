/**
 * The README's picture (docs/images/report.png): a student's finished report in the chat, written by the offline
 * knowledge-base writer that `npm start` uses with no keys. Skipped unless README_SCREENSHOT=1, so `npm run e2e`
 * never rewrites a committed file: `npm run docs:screenshot` takes it again.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ConsoleGuard, launchChromium } from './support/browser.js';
import { expectFinishedReport } from './support/report.js';
import { startServerUnderTest, type ServerUnderTest } from './support/server.js';
import { askForReport, newEmail, signUpFromSignIn } from './support/student.js';

const SUBJECT = 'Nursing';
const PICTURE = fileURLToPath(new URL('../docs/images/report.png', import.meta.url));

describe.skipIf(process.env.README_SCREENSHOT !== '1')('the README screenshot', () => {
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

  it(`shows a finished report on ${SUBJECT}`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const guard = new ConsoleGuard(page);
    await page.goto(`${server.url}/sign-in`);
    await signUpFromSignIn(page, newEmail('readme'));
    await askForReport(page, SUBJECT);
    await expectFinishedReport(page, SUBJECT);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: PICTURE });
    expect(guard.problems).toEqual([]);
  });
});
