import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** Lowest zxcvbn score (0–4) a new password must reach: 2 means more than about 10^6 guesses. */
export const MIN_PASSWORD_SCORE = 2;

let estimator: ZxcvbnFactory | undefined;

/** The strength estimator with zxcvbn's common-password and keyboard-pattern lists, built on first use. */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/**
 * Why `password` may not be chosen by the holder of `email`, as a sentence for the student; null when it may.
 * Refused: only whitespace, the email itself (or its name before the @), and common or easily guessed passwords
 * (`12345678`, `password`, `qwertyuiop`, …), judged by zxcvbn, which is told the email so that variants of it count.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.trim() === '') return 'must not be only spaces';
  const lowered = password.trim().toLowerCase();
  const [name = ''] = email.split('@');
  if (lowered === email.toLowerCase() || lowered === name.toLowerCase()) return 'must not be your email address';
  const { score } = strength().check(password, [email, name]);
  if (score < MIN_PASSWORD_SCORE) return 'is too common or easy to guess: use a longer phrase of unrelated words';
  return null;
}
