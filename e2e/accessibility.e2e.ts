/**
 * Quality of use, checked in the browser: axe-core's WCAG 2 A/AA rules (colour contrast included) on each kind of
 * page, the whole journey by keyboard alone, and no sideways scrolling at 360 px. Runs on the offline
 * knowledge-base writer, so the finished report is a real one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ConsoleGuard, launchChromium } from './support/browser.js';
import { tabTo, wcagViolations } from './support/quality.js';
import { expectFinishedReport } from './support/report.js';
import { startServerUnderTest, type ServerUnderTest } from './support/server.js';
import { newEmail, PASSWORD } from './support/student.js';

const QUESTION = 'Which subject do you want to study in the UK?';

describe('quality of use', () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let page: Page;
  let guard: ConsoleGuard;

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchChromium();
    // axe-core is injected as a script, which the app's own CSP rightly refuses: this context bypasses it.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })).newPage();
    guard = new ConsoleGuard(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(() => expect(guard.problems).toEqual([]));

  test('the first page, the Privacy and the Terms pages meet WCAG 2.1 AA', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show the sample report (Nursing)' }).click();
    await page.getByRole('article', { name: 'Report: Nursing' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    for (const path of ['/privacy', '/terms']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await wcagViolations(page), path).toEqual([]);
    }
  });

  test('the sign-in page meets WCAG 2.1 AA, and an account is created by keyboard alone', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await tabTo(page, 'Create an account');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await tabTo(page, 'Email');
    await page.keyboard.type(newEmail('keyboard'));
    await tabTo(page, 'Password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByLabel(QUESTION).waitFor();
  });

  test('the empty chat meets WCAG 2.1 AA, and a report is asked for by keyboard alone', async () => {
    expect(await wcagViolations(page)).toEqual([]);
    await tabTo(page, QUESTION);
    await page.keyboard.type('Nursing');
    await page.keyboard.press('Enter');
    // The chat asks what it still needs with chips: each answered "Not sure" by keyboard, then the report created.
    const create = page.getByRole('list', { name: 'Create the report' });
    const answers = page.getByRole('list', { name: 'Answers' });
    for (let question = 0; question < 5; question += 1) {
      const next = await Promise.race([
        create.waitFor().then(() => 'create' as const),
        answers.waitFor().then(() => 'answer' as const),
      ]);
      if (next === 'create') break;
      const said = await page.getByTestId('user-message').count();
      await tabTo(page, 'Not sure');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="user-message"]').length > n, said);
    }
    await tabTo(page, 'Create my report');
    await page.keyboard.press('Enter');
    await expectFinishedReport(page, 'Nursing');
  });

  test('a finished report meets WCAG 2.1 AA', async () => {
    expect(await wcagViolations(page)).toEqual([]);
  });

  test('at 360 px nothing scrolls sideways, and the report still meets WCAG 2.1 AA', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await expectFinishedReport(page, 'Nursing');
    // Text that runs past the right edge (a long URL, say), named in the failure message.
    const wide = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let node = walker.nextNode(); node && found.length < 5; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const right = Math.max(0, ...Array.from(range.getClientRects(), (rect) => rect.right));
        if (right > window.innerWidth + 1)
          found.push(`${node.parentElement?.tagName ?? ''} r=${right}: ${(node.textContent ?? '').slice(0, 80)}`);
      }
      return found;
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `text past the right edge:\n${wide.join('\n')}`).toBeLessThanOrEqual(0);
    expect(await wcagViolations(page)).toEqual([]);
  });
});
