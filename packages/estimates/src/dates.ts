const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD of a timestamp in any form Date understands (ISO 8601, RFC 2822), or null. */
export function isoDateOf(timestamp: string | null): string | null {
  if (!timestamp) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(timestamp)) return timestamp;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** Whole days between two dates, ignoring order. */
export function daysApart(a: string, b: string): number {
  return Math.abs(dayNumber(a) - dayNumber(b));
}

/** Whether a YYYY-MM-DD date names a day of the calendar (2025-02-30 and 2025-13-01 do not). */
export function isCalendarDate(date: string): boolean {
  const day = dayNumber(date);
  return !Number.isNaN(day) && dateOfDay(day) === date;
}

const FIRST_DAY = dayNumber("0000-01-01");
const LAST_DAY = dayNumber("9999-12-31");

/**
 * The dates within `days` of `date` (inclusive, kept within the years 0000–9999 that YYYY-MM-DD
 * can write), so that `from <= d <= to` for a calendar date d says `daysApart(d, date) <= days`;
 * null when `date` is no day at all (then no date is within any number of days of it).
 */
export function datesAround(date: string, days: number): { from: string; to: string } | null {
  const day = dayNumber(date);
  if (Number.isNaN(day)) return null;
  const writable = (d: number) => dateOfDay(Math.min(LAST_DAY, Math.max(FIRST_DAY, d)));
  return { from: writable(day - days), to: writable(day + days) };
}
