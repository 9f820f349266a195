/** What a finished report looks like in the browser. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { SECTIONS } from '@uksmr/contract';

/** The ten section titles, in the contract's order. */
export const SECTION_TITLES = SECTIONS.map((section) => section.title);

/** The level-2 headings on the page, in order. */
export async function sectionHeadings(page: Page): Promise<string[]> {
  return (await page.getByRole('heading', { level: 2 }).allTextContents()).map((text) => text.trim());
}

/** Waits until the page shows the completed report on `subject` and checks its ten section headings, in order. */
export async function expectFinishedReport(page: Page, subject: string): Promise<void> {
  await page.getByRole('article', { name: `Report: ${subject}` }).waitFor({ timeout: 60_000 });
  expect(await sectionHeadings(page)).toEqual(SECTION_TITLES);
}

/** The report id of a `/reports/{report_id}` page. */
export function reportIdOf(page: Page): string {
  const match = /^\/reports\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not a report page: ${page.url()}`);
  return match[1];
}
