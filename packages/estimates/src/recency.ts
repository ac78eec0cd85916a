import type { Claim, Modality } from "@zw/core";
import { normalRegion } from "./claims";

/*
 * Recency: a dated claim is more recent than an undated one, a later date than an earlier one; on
 * the same date (or both undated) the later arrival wins. Claims are always passed in the order
 * the ledger received them, so arrival is position, and stable sorts keep it for ties.
 */

function olderDate(a: Claim, b: Claim): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return -1;
  if (b.date === null) return 1;
  return a.date < b.date ? -1 : 1;
}

/** Claims (in arrival order) sorted oldest first. */
export function byRecency(claims: readonly Claim[]): Claim[] {
  return [...claims].sort(olderDate);
}

/** The most recent of `claims` (in arrival order) that pass `keep`, or null. */
export function latestOf(
  claims: readonly Claim[],
  keep: (claim: Claim) => boolean = () => true,
): Claim | null {
  let latest: Claim | null = null;
  for (const claim of claims) {
    // `>= 0`: a later arrival on the same date supersedes.
    if (keep(claim) && (latest === null || olderDate(claim, latest) >= 0)) latest = claim;
  }
  return latest;
}

/**
 * A claim about now: reported, and not marked by its text as past ("initially", "the first
 * contingent"). Only these are a source's latest, take part in conflicts, sums and the consensus.
 */
export function isCurrentReport(claim: Claim): boolean {
  return claim.modality === "reported" && claim.historical !== true;
}

/** The latest current report of anyone. Projections, denials and history never move it. */
export function currentClaim(claims: readonly Claim[]): Claim | null {
  return latestOf(claims, isCurrentReport);
}

/** The bucket a source's claims are kept under; claims naming no source share one. */
export function sourceKey(claim: Pick<Claim, "source">): string {
  return claim.source ?? "unattributed";
}

/** A source's series: its claims about one region (null: naming none), kept apart from other places. */
export function seriesKey(claim: Pick<Claim, "source" | "region">): string {
  const region = normalRegion(claim.region);
  return region === null ? sourceKey(claim) : `${sourceKey(claim)}@${region}`;
}

function latestBy(claims: readonly Claim[], modality: Modality, key: (c: Claim) => string): Claim[] {
  const latest = new Map<string, Claim>();
  const current = claims.filter((c) => c.modality === modality && c.historical !== true);
  for (const claim of byRecency(current)) latest.set(key(claim), claim);
  // Ties of date in arrival order, whatever other claims were passed.
  const picked = new Set(latest.values());
  return byRecency(current.filter((c) => picked.has(c))).reverse();
}

/** The latest claim of each source with the given modality (history left out), most recent first. */
export function latestBySource(claims: readonly Claim[], modality: Modality): Claim[] {
  return latestBy(claims, modality, sourceKey);
}

/** The latest claim of each source's series (source and region), most recent first. */
export function latestBySeries(claims: readonly Claim[], modality: Modality): Claim[] {
  return latestBy(claims, modality, seriesKey);
}
