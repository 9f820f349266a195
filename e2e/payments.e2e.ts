/**
 * Paying for a report, end to end: payments on (dev mode, `ENABLE_PAYMENTS=true`), the server's Stripe calls
 * going to the local Stripe stand-in, whose Checkout page completes the payment with a signed webhook and sends
 * the browser back to the app's success page, which opens the paid report.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ConsoleGuard, launchChromium, screenshot } from './support/browser.js';
import { PAY_BUTTON, startLocalStripe, type LocalStripe } from './support/local-stripe.js';
import { expectFinishedReport } from './support/report.js';
import { freePort, startServerUnderTest, type ServerUnderTest } from './support/server.js';
import { askForReport, newEmail, signUpFromSignIn } from './support/student.js';

const SUBJECT = 'Nursing';

describe('paying for a report, end to end', () => {
  let stripe: LocalStripe;
  let server: ServerUnderTest;
  let browser: Browser;
  let page: Page;
  let guard: ConsoleGuard;
  /** The app's paths the page has shown, in order (client-side navigations included). */
  const visited: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    stripe = await startLocalStripe(`http://127.0.0.1:${port}`);
    server = await startServerUnderTest({ port, env: stripe.env });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    guard = new ConsoleGuard(page);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await stripe?.close();
  });

  afterEach(() => {
    expect(guard.problems).toEqual([]);
  });

  test('pay → success page → the report', async () => {
    const email = newEmail('payer');
    await page.goto(`${server.url}/sign-in`);
    await signUpFromSignIn(page, email);

    await askForReport(page, SUBJECT);
    await page.waitForURL((url) => url.pathname.startsWith('/checkout/'));
    await screenshot(page, 'checkout');
    expect(server.countLogLines('generation started')).toBe(0);

    await page.getByRole('button', { name: PAY_BUTTON }).click();
    // The return from Checkout is a full page load: the refresh cookie keeps the student signed in.
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expectFinishedReport(page, SUBJECT);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'paid-report-finished');

    expect(visited).toContain('/chat/success');
    expect(stripe.deliveries).toEqual([{ eventId: expect.any(String), status: 200 }]);
    expect([...stripe.standIn.sessions.values()].map((s) => s.payment_status)).toEqual(['paid']);
    await expect.poll(() => server.countLogLines('generation started')).toBe(1);
  });
});
