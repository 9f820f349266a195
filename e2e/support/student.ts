/** What a student does on the sign-in pages, as a person would: by the fields' labels and the buttons' names. */
import type { Page } from 'playwright-core';

/** The password of every e2e account. */
export const PASSWORD = 'correct horse battery staple';

/** A new, unused email address. */
export function newEmail(who: string): string {
  return `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** From the sign-in page (where a signed-out visitor lands), creates an account and waits until it is left. */
export async function signUpFromSignIn(page: Page, email: string): Promise<void> {
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-'));
}

/** Signs in on the sign-in page and waits until it is left. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-'));
}
