import type { Claim, MetricId, Thresholds } from "@zw/core";
import { dateOfDay, dayNumber } from "./dates";
import { namedRange, representative } from "./interval";
import { currentClaim, latestBySource } from "./recency";

/** What the ledger believes about one metric. */
export interface Estimate {
  metric: MetricId;
  /** The latest reported claim; null while a metric has only projections or denials. */
  current: Claim | null;
  /** Across the latest claim of each source in the window: the lowest and highest values named. */
  low: number | null;
  /** The current claim's representative value. */
  best: number | null;
  high: number | null;
  /** The days low/high look at, ending at the current claim's date; null when it is undated. */
  window: { from: string; to: string } | null;
  /** The latest reported claim of each source, most recent first, window or not. */
  bySource: Claim[];
  /** Shown but never moving the estimate: the latest projection and denial of each source. */
  projected: Claim[];
  denied: Claim[];
}

/**
 * The estimate of `metric` from its claims in arrival order. Low and high follow UCDP's
 * low/best/high: they span the latest claim of every source within `estimateWindowDays` before the
 * current claim's date, anchored there rather than at today so that a quiet story keeps its range.
 */
export function computeEstimate(
  metric: MetricId,
  claims: readonly Claim[],
  thresholds: Thresholds,
): Estimate {
  const ofMetric = claims.filter((c) => c.metric === metric);
  const current = currentClaim(ofMetric);
  const bySource = latestBySource(ofMetric, "reported");
  const window = current?.date
    ? { from: dateOfDay(dayNumber(current.date) - thresholds.estimateWindowDays), to: current.date }
    : null;
  const inWindow = bySource.filter((c) =>
    window ? c.date !== null && c.date >= window.from && c.date <= window.to : c.date === null,
  );
  const ranges = inWindow.map(namedRange);
  return {
    metric,
    current,
    low: ranges.length ? Math.min(...ranges.map((r) => r.lo)) : null,
    best: current ? representative(current) : null,
    high: ranges.length ? Math.max(...ranges.map((r) => r.hi)) : null,
    window,
    bySource,
    projected: latestBySource(ofMetric, "projected"),
    denied: latestBySource(ofMetric, "denied"),
  };
}
