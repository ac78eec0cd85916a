import type { Claim, Modality } from "@zw/core";

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

/** The current estimate: the latest reported claim. Projections and denials never move it. */
export function currentClaim(claims: readonly Claim[]): Claim | null {
  return latestOf(claims, (c) => c.modality === "reported");
}

/** The bucket a source's claims are kept under; claims naming no source share one. */
export function sourceKey(claim: Pick<Claim, "source">): string {
  return claim.source ?? "unattributed";
}

/** The latest claim of each source with the given modality, most recent first. */
export function latestBySource(claims: readonly Claim[], modality: Modality): Claim[] {
  const latest = new Map<string, Claim>();
  for (const claim of byRecency(claims.filter((c) => c.modality === modality)))
    latest.set(sourceKey(claim), claim);
  return byRecency([...latest.values()]).reverse();
}
