/**
 * Sessions that last: a reload, a new tab and an opened link keep the student signed in (the refresh cookie); signing
 * out in one tab signs every tab out.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConsoleGuard, launchChromium } from './support/browser.js';
import { expectFinishedReport } from './support/report.js';
import { startServerUnderTest, type ServerUnderTest } from './support/server.js';
import { askForReport, newEmail, QUESTION, signUpFromSignIn } from './support/student.js';

describe('a session that lasts', () => {
  let server: ServerUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  const guards: ConsoleGuard[] = [];

  const open = async (): Promise<Page> => {
    const page = await context.newPage();
    const guard = new ConsoleGuard(page);
    // The signed-out tab's last renewal, answered 401 once the sign-in has ended.
    guard.expectClientError(401, /\/auth\/refresh$/);
    guards.push(guard);
    return page;
  };

  beforeAll(async () => {
    server = await startServerUnderTest();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(guards.flatMap((guard) => guard.problems)).toEqual([]);
  });

  test('sign up → reload → new tab → deep link: still signed in; sign out → both tabs signed out', async () => {
    const first = await open();
    await first.goto(`${server.url}/sign-in`);
    await signUpFromSignIn(first, newEmail('stays'));
    await first.getByLabel(QUESTION).waitFor();
    // Focus goes to the composer after sign-in.
    expect(await first.evaluate(() => document.activeElement?.id)).toBe('composer');

    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([
      ['uksmr_refresh', true, 'Strict', '/auth/refresh'],
    ]);

    await first.reload();
    await first.getByLabel(QUESTION).waitFor();
    expect(new URL(first.url()).pathname).toBe('/chat');

    await askForReport(first, 'Nursing');
    await first.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expectFinishedReport(first, 'Nursing');
    const reportUrl = first.url();

    const second = await open();
    await second.goto(reportUrl);
    await expectFinishedReport(second, 'Nursing');
    expect(second.url()).toBe(reportUrl);

    await first.getByRole('button', { name: 'Sign out' }).click();
    await first.waitForURL((url) => url.pathname === '/sign-in');
    await second.waitForURL((url) => url.pathname === '/sign-in', { timeout: 10_000 });
    await second.reload();
    await second.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await context.cookies()).toEqual([]);
  });
});
