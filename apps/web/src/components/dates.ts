const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** "26 Nov 2026": a date-only ISO string as the calendar date it names, a timestamp in the reader's zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: DATE_ONLY.test(iso) ? 'UTC' : undefined,
  });
}

/** Whole days left before `expiresAt` (rounded up; never below 0). */
export function daysLeft(expiresAt: string, now: Date = new Date()): number {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.ceil(ms / DAY_MS));
}

/** "1 Dec 14:05": a timestamp's day and time in the reader's zone (the sidebar tells same-day reports apart). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
  return `${day} ${time}`;
}

/** The ISO timestamp `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * DAY_MS).toISOString();
}
