import type { Claim, Figure, Report } from "@zw/core";
import { daysApart, isoDateOf } from "./dates";
import { hashId } from "./ids";

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
  ]);
  return { ...figure, date, id, ...report, reports: [report] };
}

/** A region as claims compare it: trimmed, lower case, null when empty. */
export function normalRegion(region: string | null): string | null {
  return region?.trim().toLowerCase() || null;
}

/**
 * Whether two claims can be about the same quantity as far as place goes: "8,000 in Kursk" and
 * "11,000 in Russia" count different things, but a claim naming no region may mean either.
 */
export function comparableRegions(a: Pick<Claim, "region">, b: Pick<Claim, "region">): boolean {
  const [ra, rb] = [normalRegion(a.region), normalRegion(b.region)];
  return ra === null || rb === null || ra === rb;
}

/**
 * True when `reprint` says what `claim` says (same metric, interval, source, modality, region) within
 * `windowDays`: an agency copy, not a second confirmation. The qualifier may differ ("rund"/"about").
 */
export function isSameClaim(claim: Claim, reprint: Claim, windowDays: number): boolean {
  if (claim.metric !== reprint.metric || claim.min !== reprint.min || claim.max !== reprint.max) return false;
  if (claim.source !== reprint.source || claim.modality !== reprint.modality) return false;
  if (normalRegion(claim.region) !== normalRegion(reprint.region)) return false;
  if (claim.date === null || reprint.date === null) return claim.date === reprint.date;
  return daysApart(claim.date, reprint.date) <= windowDays;
}

export function hasReport(claim: Claim, url: string): boolean {
  return claim.reports.some((r) => r.url === url);
}
