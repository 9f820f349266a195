/**
 * Follow-up questions on a report (issue 15), end to end in Chromium with the built-in knowledge-base writer: a
 * finished London report offers "Ask a follow-up about this report" with three questions drawn from its profile;
 * one is asked by its chip (from the keyboard), one typed; each answer streams in (the `delta` events of its SSE
 * stream) with `[n]` markers linked to its own sources; a reload shows both again from storage, with no stream opened
 * and no answer written again; axe-core finds no WCAG A/AA problem. Desktop and 360 px screenshots in e2e/output.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DESKTOP, launchChromium, openGuardedPage, PHONE, screenshot, type ConsoleGuard } from './support/browser.js';
import { expectFinishedReport } from './support/report.js';
import { tabTo, wcagViolations } from './support/quality.js';
import { countStreamEvents, streamEventCounts } from './support/streams.js';
import { startServerUnderTest, type ServerUnderTest } from './support/server.js';
import { askForReport, newEmail, signUpFromSignIn } from './support/student.js';

const SUBJECT = 'MSc Data Science';
const FOLLOW_UP = 'Ask a follow-up about this report';
const BY_CHIP = 'Can my family come with me?';
const TYPED = 'How many hours can I work during term time?';
/** The server's log line for each answer written (by either writer). */
const ANSWERED = 'follow-up answered';

describe('follow-up questions, end to end', () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let page: Page;
  let guard: ConsoleGuard;

  /** The exchange under the report whose question is `text`: the student's bubble and the assistant's answer. */
  const exchange = (text: string): Locator =>
    page
      .getByRole('list', { name: 'Follow-up questions' })
      .getByRole('listitem')
      .filter({ has: page.getByTestId('user-message').filter({ hasText: text }) });

  /** Waits for the answer to `text` to be stored and shown, and checks it is cited: markers linked to its own sources. */
  const expectCitedAnswer = async (text: string): Promise<void> => {
    const answer = exchange(text).getByTestId('assistant-message');
    await answer.getByText(/sources, each with its publisher/).waitFor({ timeout: 60_000 });
    const markers = answer.locator('a.citation');
    expect(await markers.count()).toBeGreaterThan(0);
    const target = (await markers.first().getAttribute('href')) ?? '';
    expect(target).toMatch(/^#answer-[0-9a-f-]{36}-source-\d+$/);
    // The marker's source is listed in this answer (not the report's list).
    expect(await answer.locator(target).count()).toBe(1);
  };

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchChromium();
    // axe-core is injected as a script, which the app's Content-Security-Policy would refuse.
    ({ page, guard } = await openGuardedPage(browser, { bypassCSP: true }));
    await countStreamEvents(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(guard.problems).toEqual([]);
  });

  test('a finished London report offers three follow-ups drawn from its profile', async () => {
    await page.goto(`${server.url}/sign-in`);
    await signUpFromSignIn(page, newEmail('follow-ups'));
    await askForReport(page, `${SUBJECT} in London`);
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expectFinishedReport(page, SUBJECT);

    await page.getByLabel(FOLLOW_UP).waitFor();
    const chips = page.getByRole('list', { name: 'Suggested follow-up questions' }).getByRole('button');
    expect(await chips.allTextContents()).toEqual([
      BY_CHIP,
      'What if I study in Manchester instead of London?',
      'What could I earn after studying Data Science?',
    ]);
  });

  test('one follow-up asked by its chip from the keyboard, one typed: both answers stream in, cited', async () => {
    // The chip, from the keyboard: from the follow-up input, Tab to it and press Enter; the focus stays in the input.
    await page.getByLabel(FOLLOW_UP).focus();
    await tabTo(page, BY_CHIP);
    await page.keyboard.press('Enter');
    await exchange(BY_CHIP).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer');
    await expectCitedAnswer(BY_CHIP);
    await page.getByText('The answer is ready.').waitFor({ state: 'attached' });
    await screenshot(page, 'follow-up-chip-answer-1280');

    await page.getByLabel(FOLLOW_UP).fill(TYPED);
    await page.keyboard.press('Enter');
    await exchange(TYPED).waitFor();
    await expectCitedAnswer(TYPED);

    // Each answer came over its own SSE stream, in `delta` events, and ended with `complete`.
    const streams = (await streamEventCounts(page)).filter((stream) => /\/questions\/[^/]+\/stream$/.test(stream.path));
    expect(streams).toHaveLength(2);
    for (const stream of streams) {
      expect(stream.events.delta).toBeGreaterThan(0);
      expect(stream.events.complete).toBe(1);
    }
    console.log(`Follow-up answers streamed: ${streams.map((stream) => `${stream.events.delta} deltas`).join(', ')}`);
    expect(server.countLogLines(ANSWERED)).toBe(2);
    // The allowance left is said under the input (10 by default, two asked).
    await page.locator('form').getByText('8 more follow-up questions are included with this report.').waitFor();

    expect(await wcagViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await screenshot(page, 'follow-ups-1280');
    await screenshot(page, 'follow-ups-full-1280', true);
  });

  test('at 360 px the follow-ups fit without sideways scrolling, with large enough tap targets', async () => {
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const small = await page.evaluate((selector) => {
      const targets = Array.from(document.querySelectorAll(selector));
      return targets
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.width < 24 || box.height < 24);
        })
        .map((element) => element.textContent);
    }, '[aria-label="Follow-up questions"] a, [aria-label="Suggested follow-up questions"] button, form button');
    expect(small).toEqual([]);
    await screenshot(page, 'follow-ups-360');
    await screenshot(page, 'follow-ups-full-360', true);
    await page.setViewportSize(DESKTOP);
  });

  test('a reload shows both questions and answers again from storage: no stream, no new answer', async () => {
    await page.reload();
    await expectFinishedReport(page, SUBJECT);
    await expectCitedAnswer(BY_CHIP);
    await expectCitedAnswer(TYPED);
    await page.getByLabel(FOLLOW_UP).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The report is not followed live either: it is completed.
    expect(await streamEventCounts(page)).toEqual([]);
    expect(server.countLogLines(ANSWERED)).toBe(2);
    // The questions asked are not suggested again.
    expect(await page.getByRole('button', { name: BY_CHIP }).count()).toBe(0);
    expect(await wcagViolations(page)).toEqual([]);
    await exchange(BY_CHIP).scrollIntoViewIfNeeded();
    await screenshot(page, 'follow-ups-reopened-1280');
  });
});
