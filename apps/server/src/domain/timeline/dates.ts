/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC, with no time of day. Adding months clamps to the end of
 * a shorter month (31 August + 6 months = 28 February), so a date computed "N months before" never overshoots.
 */

import { MONTH_NAMES } from '@uksmr/contract';
function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `iso` moved by `days` (negative = earlier). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return fromUtc(Date.UTC(y, m - 1, d + days));
}

/** `iso` moved by `months` (negative = earlier), the day clamped to the target month's length. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The later of two ISO dates. */
export function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** The first day of a `YYYY-MM` month. */
export function firstOfMonth(month: string): string {
  return `${month}-01`;
}

/** "1 September 2027". */
export function formatDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTH_NAMES[m - 1] ?? ''} ${y}`;
}

/** "September 2027" for `2027-09`. */
export function formatMonth(month: string): string {
  const [y, m] = parts(`${month}-01`);
  return `${MONTH_NAMES[m - 1] ?? ''} ${y}`;
}
