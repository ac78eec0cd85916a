import type { Claim, Figure, Report } from "@zw/core";
import { dayNumber, daysApart, isoDateOf } from "./dates";
import { hashId } from "./ids";
import { namedRange } from "./interval";

/**
 * A figure read in an article becomes a claim. Its date is the figure's own, else the article's;
 * its id hashes the article URL and what the figure says, so re-reading the article gives the same id.
 */
export function claimFromFigure(figure: Figure, report: Report): Claim {
  const date = figure.date ?? isoDateOf(report.publishedAt);
  const id = hashId("claim", [
    report.url,
    figure.metric,
    figure.min,
    figure.max,
    figure.qualifier,
    figure.source,
    figure.modality,
    normalRegion(figure.region),
    date,
    // Only when set, so the ids of claims read before the flag existed stay what they were.
    ...(figure.historical ? ["historical"] : []),
  ]);
  return { ...figure, date, id, ...report, reports: [report] };
}

/** A region as claims compare it: trimmed, lower case, null when empty. */
export function normalRegion(region: string | null): string | null {
  return region?.trim().toLowerCase() || null;
}

/**
 * Whether two claims say the same: same metric, the same numbers named (the qualifier may differ:
 * "rund", "about", "at least" 600 all name 600), source, modality, region and time (both history
 * or both current).
 */
export function sameStatement(a: Claim, b: Claim): boolean {
  const [ra, rb] = [namedRange(a), namedRange(b)];
  if (a.metric !== b.metric || ra.lo !== rb.lo || ra.hi !== rb.hi) return false;
  if (a.source !== b.source || a.modality !== b.modality) return false;
  return (
    normalRegion(a.region) === normalRegion(b.region) && (a.historical ?? false) === (b.historical ?? false)
  );
}

/**
 * True when `reprint` tells `claim` again: it says the same, and is dated within `windowDays` of
 * it (an agency copy) or later (an old figure repeated months on is old news, not a fall).
 * Undated claims reprint only undated ones.
 */
export function isSameClaim(claim: Claim, reprint: Claim, windowDays: number): boolean {
  if (!sameStatement(claim, reprint)) return false;
  if (claim.date === null || reprint.date === null) return claim.date === reprint.date;
  // Days, not text: a date on no calendar day (2025-13-01) is measured as the lookups measure it.
  return (
    dayNumber(claim.date) <= dayNumber(reprint.date) || daysApart(claim.date, reprint.date) <= windowDays
  );
}

export function hasReport(claim: Claim, url: string): boolean {
  return claim.reports.some((r) => r.url === url);
}
