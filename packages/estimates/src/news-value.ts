import type { Claim, Event } from "@zw/core";
import { daysApart } from "./dates";

/** The claims an event is about. */
export function eventClaims(event: Event): Claim[] {
  switch (event.type) {
    case "estimate_changed":
      return [event.previous, event.current];
    case "conflict":
    case "inconsistency":
      return event.claims;
    default:
      return [event.claim];
  }
}

/**
 * An event is history, not news, when even its newest claim is dated more than `windowDays` before
 * `latestDate` (the newest reported claim of its metric): the backlog of a newly added feed is
 * recorded in the ledger but alerts nobody. An undated claim is taken as new.
 */
export function isHistory(event: Event, latestDate: string | null, windowDays: number): boolean {
  if (!latestDate) return false;
  const dates = eventClaims(event).map((claim) => claim.date);
  if (dates.some((date) => date === null)) return false;
  const newest = (dates as string[]).sort().at(-1)!;
  return daysApart(newest, latestDate) > windowDays && newest < latestDate;
}
