import type { Claim, MetricId } from "@zw/core";

/** The claims of some metrics, each list in the order the ledger received them. */
export type ClaimsByMetric = Partial<Record<MetricId, Claim[]>>;

/**
 * The metrics whose claims a judgement about `metric` reads besides its own: the parts and total
 * of the casualty sum, the totals an additional contingent adds to, and the troops of a region
 * that are a part of those totals.
 */
export function relatedMetrics(metric: MetricId): MetricId[] {
  const casualties: MetricId[] = ["killed", "wounded", "casualties_total"];
  // Troops in a region are a part of the troops sent (part_exceeds_whole).
  const troops: MetricId[] = ["troops_additional", "troops_deployed_total", "troops_in_region"];
  if (casualties.includes(metric)) return casualties;
  if (troops.includes(metric)) return troops;
  return [metric];
}
