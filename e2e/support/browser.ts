/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), and a guard that fails a test on any
 * console error or warning of the page, or an uncaught page error.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags of every launch: headless, no sandbox (containers), no GPU, QUIC or background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go (gitignored). */
export const OUTPUT_DIR = new URL('../output/', import.meta.url);

/**
 * Launches Chromium. playwright-core gives each launch a new, empty user-data-dir of its own (and each
 * `browser.newContext()` its own storage), so runs never share a profile.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The desktop window of the e2e run; {@link PHONE} is the narrowest phone the app supports. */
export const DESKTOP = { width: 1280, height: 900 } as const;
/** A 360 px wide phone. */
export const PHONE = { width: 360, height: 780 } as const;

/**
 * A new page in a new browser context (its own storage, so its own student; {@link DESKTOP} unless `options` say
 * otherwise, e.g. `bypassCSP` for axe-core's injected script), watched by a {@link ConsoleGuard}.
 */
export async function openGuardedPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; guard: ConsoleGuard }> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  const page = await context.newPage();
  return { page, guard: new ConsoleGuard(page) };
}

/** Saves a screenshot of `page` as `e2e/output/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = new URL(`${name}.png`, OUTPUT_DIR).pathname;
  await page.mouse.move(0, 0); // no hover highlight in the picture
  await page.screenshot({ path, fullPage });
  return path;
}

/** The browser's own line for a resource answered with an HTTP error, e.g. `… status of 404 (Not Found)`. */
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * Collects a page's console errors and warnings and its uncaught errors. A "Failed to load resource" line is
 * tolerated only for a 4xx answer the test announced with {@link ConsoleGuard.expectClientError}.
 */
export class ConsoleGuard {
  readonly #problems: string[] = [];
  readonly #expected: { readonly status: number; readonly url: RegExp }[] = [];

  /** Starts watching `page`. */
  constructor(page: Page) {
    // A server without POST /queries yet (before the profile branch merges): the chat falls back on its 404.
    this.expectClientError(404, /\/queries$/);
    page.on('console', (message) => this.#onConsole(message));
    page.on('pageerror', (error) => this.#problems.push(`pageerror: ${error.message}`));
  }

  /** Announces that the app will get `status` (4xx) from an address matching `url`, which the browser reports. */
  expectClientError(status: number, url: RegExp): void {
    this.#expected.push({ status, url });
  }

  /** Every console error or warning, and page error, not announced; empty when the page was clean. */
  get problems(): readonly string[] {
    return this.#problems;
  }

  #onConsole(message: ConsoleMessage): void {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const text = message.text();
    const { url } = message.location();
    const status = Number(FAILED_RESOURCE.exec(text)?.[1] ?? 0);
    const expected =
      status >= 400 && status < 500 && this.#expected.some((e) => e.status === status && e.url.test(url));
    if (!expected) this.#problems.push(`console.${type}: ${text}${url ? ` (${url})` : ''}`);
  }
}
