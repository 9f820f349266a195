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

/** The chat's central question, the composer's label. */
export const QUESTION = 'Which subject do you want to study in the UK?';

/**
 * Types `words` into the chat and goes on as a student would until the report starts (or Stripe Checkout opens):
 * answers each question the chat asks with `answer` (a chip's name; "Not sure" by default), then presses the
 * create or pay button. Without POST /queries the report starts at once, and this returns as soon as the chat is left.
 */
export async function askForReport(
  page: Page,
  words: string,
  answer: (question: number) => string = () => 'Not sure',
): Promise<void> {
  await page.getByLabel(QUESTION).fill(words);
  await page.getByRole('button', { name: 'Send' }).click();
  const left = page.waitForURL((url) => url.pathname !== '/chat').then(() => 'left' as const);
  const create = page.getByRole('list', { name: 'Create the report' }).getByRole('button');
  const answers = page.getByRole('list', { name: 'Answers' });
  for (let question = 0; ; question += 1) {
    const next = await Promise.race([
      left,
      create.waitFor().then(
        () => 'create' as const,
        () => 'left' as const,
      ),
      answers.waitFor().then(
        () => 'answer' as const,
        () => 'left' as const,
      ),
    ]);
    if (next === 'left') return;
    if (next === 'create') {
      await create.click();
      await left;
      return;
    }
    const said = await page.getByTestId('user-message').count();
    await answers.getByRole('button', { name: answer(question), exact: true }).click();
    // The answer is said as the student's message before the next question is asked.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="user-message"]').length > n, said);
  }
}
