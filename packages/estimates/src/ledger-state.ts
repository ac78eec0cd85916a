import type { Claim, MetricId } from "@zw/core";

/** The claims of some metrics, each list in the order the ledger received them. */
export type ClaimsByMetric = Partial<Record<MetricId, Claim[]>>;

/**
 * The metrics whose claims a judgement about `metric` reads besides its own: the parts and total
 * of the casualty sum, and the totals an additional contingent adds to.
 */
export function relatedMetrics(metric: MetricId): MetricId[] {
  const casualties: MetricId[] = ["killed", "wounded", "casualties_total"];
  const troops: MetricId[] = ["troops_additional", "troops_deployed_total"];
  if (casualties.includes(metric)) return casualties;
  if (troops.includes(metric)) return troops;
  return [metric];
}
