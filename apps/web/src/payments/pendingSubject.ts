const KEY = 'uksmr.pendingSubject';

/** Keeps the typed subject across the trip to Stripe Checkout (this tab only). */
export function savePendingSubject(subject: string): void {
  try {
    sessionStorage.setItem(KEY, subject);
  } catch {
    // Storage may be disabled; the subject is then simply not restored.
  }
}

/** The subject kept before a Checkout, if any. */
export function readPendingSubject(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Forgets the kept subject (the report exists now). */
export function clearPendingSubject(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
