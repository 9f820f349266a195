/**
 * The student's journey in the chat, against the real server with the Gemini writer pointed at the local Gemini
 * stand-in (300 ms before its first chunk, then small chunks, so the report visibly streams).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startGeminiStandIn, type GeminiStandIn } from '../apps/server/test/support/gemini-stand-in.js';
import { launchChromium, openGuardedPage, screenshot, type ConsoleGuard } from './support/browser.js';
import { expectFinishedReport, reportIdOf, sectionHeadings } from './support/report.js';
import { startServerUnderTest, type ServerUnderTest } from './support/server.js';
import { askForReport, newEmail, signUpFromSignIn } from './support/student.js';

const SUBJECT = 'Computer Science';
const QUESTION = 'Which subject do you want to study in the UK?';
const UK_ONLY = 'This MVP currently supports the UK only.';
const GENERATION_STARTED = 'generation started';

describe('the chat, end to end', () => {
  let gemini: GeminiStandIn;
  let server: ServerUnderTest;
  let browser: Browser;
  let page: Page;
  let reportId = '';
  const guards: ConsoleGuard[] = [];

  /** A new page in a new browser context (its own storage, so its own student), watched for console problems. */
  const openPage = async (): Promise<{ page: Page; guard: ConsoleGuard }> => {
    const opened = await openGuardedPage(browser);
    guards.push(opened.guard);
    return opened;
  };

  /** Generations the server has started, by the 'generation started' lines in its log file. */
  const generationsStarted = async (expected: number): Promise<number> => {
    await expect
      .poll(() => server.countLogLines(GENERATION_STARTED), { timeout: 5_000 })
      .toBeGreaterThanOrEqual(expected);
    return server.countLogLines(GENERATION_STARTED);
  };

  beforeAll(async () => {
    gemini = await startGeminiStandIn({
      defaultScenario: { kind: 'answer', firstChunkDelayMs: 300, chunkSize: 24, chunkDelayMs: 30 },
    });
    server = await startServerUnderTest({ env: { GEMINI_API_KEY: 'stand-in-key', GEMINI_API_BASE: gemini.baseUrl } });
    browser = await launchChromium();
    ({ page } = await openPage());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await gemini?.close();
  });

  afterEach(() => {
    expect(guards.flatMap((guard) => guard.problems)).toEqual([]);
  });

  test('a visitor is sent to sign in, creates an account and lands on the empty chat', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: /cited research report/ }).waitFor();
    await screenshot(page, 'first-page-1280', true);
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'first-page-360', true);
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await screenshot(page, 'privacy-360', true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'privacy-1280', true);
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in');

    await signUpFromSignIn(page, newEmail('first'));
    await page.getByLabel(QUESTION).waitFor();
    await page.getByRole('navigation', { name: 'Your reports' }).getByText('No reports yet').waitFor();
    await screenshot(page, 'chat-empty');
  });

  test(`asking "${SUBJECT}" streams the ten sections in, one after another`, async () => {
    await askForReport(page, SUBJECT);
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    reportId = reportIdOf(page);

    await page.getByRole('heading', { level: 2, name: 'Executive Summary' }).waitFor();
    const whileStreaming = await sectionHeadings(page);
    await screenshot(page, 'report-streaming');
    expect(whileStreaming.length).toBeGreaterThan(0);
    expect(whileStreaming.length).toBeLessThan(10);
    expect(await page.getByRole('article').count()).toBe(0);

    await expectFinishedReport(page, SUBJECT);
    await screenshot(page, 'report-finished', true);
    expect(gemini.requests).toHaveLength(1);
    expect(await generationsStarted(1)).toBe(1);
  });

  test('reopening the report from the sidebar replays it with no second generation', async () => {
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByLabel(QUESTION).waitFor();
    await page
      .getByRole('navigation', { name: 'Your reports' })
      .getByRole('link', { name: new RegExp(SUBJECT) })
      .click();
    await page.waitForURL((url) => url.pathname === `/reports/${reportId}`);
    await expectFinishedReport(page, SUBJECT);

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.countLogLines(GENERATION_STARTED)).toBe(1);
    expect(gemini.requests).toHaveLength(1);
  });

  test('the report fits a 360 px wide phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole('button', { name: 'Show reports' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'mobile-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('a destination other than the UK gets the UK-only reply and starts nothing', async () => {
    guards[0].expectClientError(422, /\/(reports|queries)$/);
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByLabel(QUESTION).fill(`${SUBJECT} in Canada`);
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page.getByTestId('assistant-message');
    await reply.waitFor();
    expect(await reply.textContent()).toBe(`Assistant: ${UK_ONLY}`);
    // The next step is offered as a chip.
    await page.getByRole('button', { name: `${SUBJECT} in the UK` }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/chat');
    expect(server.countLogLines(GENERATION_STARTED)).toBe(1);
  });

  test('a second student opening the first one\'s report URL sees "Report not found"', async () => {
    const second = await openPage();
    second.guard.expectClientError(404, new RegExp(`/reports/${reportId}$`));
    const response = await second.page.goto(`${server.url}/reports/${reportId}`);
    expect(response?.headers()['content-type'], 'a browser navigation to /reports/{id} gets the web app').toMatch(
      /^text\/html/,
    );
    await second.page.waitForURL((url) => url.pathname === '/sign-in');
    await signUpFromSignIn(second.page, newEmail('second'));
    await second.page.waitForURL((url) => url.pathname === `/reports/${reportId}`);
    await second.page.getByRole('heading', { name: 'Report not found' }).waitFor();
    expect(await second.page.getByRole('article').count()).toBe(0);
    expect(server.countLogLines(GENERATION_STARTED)).toBe(1);
  });
});
