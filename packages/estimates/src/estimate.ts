import type { Claim, MetricId, Thresholds } from "@zw/core";
import { type Consensus, consensusOf, isPartyClaim, shownRegion } from "./consensus";
import { currentClaim, latestBySource } from "./recency";

/** What the ledger believes about one metric. */
export interface Estimate {
  metric: MetricId;
  /** The latest current report of anyone, party or not; null while there is none. */
  current: Claim | null;
  /** The region the consensus is about: that of the newest claim of a named non-party source (null: none named). */
  region: string | null;
  /** What the non-party sources agree on (best, low–high, members); null when none spoke. */
  consensus: Consensus | null;
  /** The latest current claim of each non-party source, most recent first, window or not. */
  bySource: Claim[];
  /** Shown apart, never in the consensus: the latest claim of each party (KP_GOV, RU_GOV). */
  parties: Claim[];
  /** Shown but never moving the estimate: the latest projection and denial of each source. */
  projected: Claim[];
  denied: Claim[];
}

/**
 * The estimate of `metric` from its claims in arrival order (each source's latest is enough):
 * the consensus of its non-party sources (`consensusOf`), each source's latest, and the party
 * claims, projections and denials apart.
 */
export function computeEstimate(
  metric: MetricId,
  claims: readonly Claim[],
  thresholds: Thresholds,
): Estimate {
  const ofMetric = claims.filter((c) => c.metric === metric);
  const reported = latestBySource(ofMetric, "reported");
  const region = shownRegion(ofMetric);
  return {
    metric,
    current: currentClaim(ofMetric),
    region,
    consensus: consensusOf(ofMetric, region, thresholds),
    bySource: reported.filter((c) => !isPartyClaim(c)),
    parties: reported.filter(isPartyClaim),
    projected: latestBySource(ofMetric, "projected"),
    denied: latestBySource(ofMetric, "denied"),
  };
}
