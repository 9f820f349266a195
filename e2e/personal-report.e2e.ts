/**
 * The report written for one student (issue 10), end to end in Chromium with the offline knowledge-base writer:
 * the chat reads "MSc Data Science in London", asks the one thing it still needs (the intake) with chips, shows what
 * the report covers and what it costs, and only then creates it; the finished summary carries this student's own
 * figures — the 18-month Graduate visa that applies to a 2028 graduate and the London living-cost funds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openGuardedPage, screenshot, type ConsoleGuard } from './support/browser.js';
import { expectFinishedReport } from './support/report.js';
import { startServerUnderTest, type ServerUnderTest } from './support/server.js';
import { newEmail, QUESTION, signUpFromSignIn } from './support/student.js';

describe('a report written for the student, end to end', () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let page: Page;
  let guard: ConsoleGuard;

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchChromium();
    ({ page, guard } = await openGuardedPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('asks the intake with chips, shows coverage and price, then a summary with 18 months and the London funds', async () => {
    await page.goto(`${server.url}/sign-in`);
    await signUpFromSignIn(page, newEmail('personal'));
    await page.getByLabel(QUESTION).fill('MSc Data Science in London');
    await page.getByRole('button', { name: 'Send' }).click();

    // The coverage note comes back before anything is created, then the intake question with its chips.
    const replies = page.getByTestId('assistant-message');
    await replies.filter({ hasText: 'A report on MSc Data Science.' }).waitFor();
    const answers = page.getByRole('list', { name: 'Answers' });
    await answers.getByRole('button', { name: 'September 2027', exact: true }).waitFor();
    expect(await answers.getByRole('button', { name: 'Not sure', exact: true }).count()).toBe(1);
    await answers.getByRole('button', { name: 'September 2027', exact: true }).click();

    // The offer names the profile and the price (free on a server without payments) before the student commits.
    const offer = replies.filter({ hasText: 'Your report:' });
    await offer.waitFor();
    const said = (await offer.textContent()) ?? '';
    expect(said).toContain('September 2027');
    expect(said).toContain('London');
    expect(said).toContain('The report is free here.');
    await screenshot(page, 'personal-offer');
    expect(server.countLogLines('generation started')).toBe(0);

    await page.getByRole('list', { name: 'Create the report' }).getByRole('button').click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expectFinishedReport(page, 'MSc Data Science');
    const summary = (await page.locator('#section-executive_summary').textContent()) ?? '';
    expect(summary).toContain('18 months');
    expect(summary).toContain('£13,761');
    await screenshot(page, 'personal-report-finished', true);
    expect(guard.problems).toEqual([]);
  });
});
