const pounds = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `16000` → `£16,000`. */
export function formatGbp(amount: number): string {
  return `£${pounds.format(amount)}`;
}

/** `[16000, 40000]` → `£16,000–£40,000`. */
export function formatGbpRange([low, high]: readonly [number, number]): string {
  return low === high ? formatGbp(low) : `${formatGbp(low)}–${formatGbp(high)}`;
}

/** A date (or ISO date string) as `1 January 2027`, read in UTC. */
export function formatLongDate(date: Date | string): string {
  return longDate.format(typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date);
}

/** A date as its ISO calendar day (`2026-11-26`), read in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
