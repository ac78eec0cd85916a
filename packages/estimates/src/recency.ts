import type { Claim, Modality } from "@zw/core";

/**
 * Orders claims oldest first: a dated claim is more recent than an undated one, a later date than
 * an earlier one; on the same date (or both undated) the later arrival wins. Claims are always
 * passed in the order the ledger received them, so `arrival` decides ties.
 */
export function compareRecency(a: Claim, b: Claim, arrival: readonly Claim[]): number {
  if (a.date !== b.date) {
    if (a.date === null) return -1;
    if (b.date === null) return 1;
    return a.date < b.date ? -1 : 1;
  }
  return arrival.indexOf(a) - arrival.indexOf(b);
}

/** The most recent of `claims` (in arrival order) that pass `keep`, or null. */
export function latestOf(
  claims: readonly Claim[],
  keep: (claim: Claim) => boolean = () => true,
): Claim | null {
  let latest: Claim | null = null;
  for (const claim of claims) {
    if (keep(claim) && (latest === null || compareRecency(claim, latest, claims) > 0)) latest = claim;
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
  const ofModality = claims.filter((c) => c.modality === modality);
  const keys = new Set(ofModality.map(sourceKey));
  const latest = [...keys].map((key) => latestOf(ofModality, (c) => sourceKey(c) === key)!);
  return latest.sort((a, b) => compareRecency(b, a, ofModality));
}
