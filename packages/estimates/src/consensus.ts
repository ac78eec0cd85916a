import { type Claim, metricDefinition, sourceDefinition, type Thresholds } from "@zw/core";
import { normalRegion } from "./claims";
import { dateOfDay, dayNumber, isCalendarDate } from "./dates";
import { namedRange, representative } from "./interval";
import { byRecency, isCurrentReport, latestBySource } from "./recency";

/** What the sources that are no party agree on for a metric and region (alerts.md, "Consensus"). */
export interface Consensus {
  /** The median of the members' representative values. */
  best: number;
  /** The lowest and highest end the members name. */
  low: number;
  high: number;
  /** The latest current claim of each member source, most recent first. */
  members: Claim[];
  /** The days the members were taken from, ending at the newest; null when they are undated. */
  window: { from: string; to: string } | null;
}

/**
 * A party's claim: North Korea or Russia about North Korea's own troops and losses. It is kept and
 * shown as theirs, and never taken into the consensus.
 */
export function isPartyClaim(claim: Pick<Claim, "source" | "metric">): boolean {
  if (claim.source === null) return false;
  return sourceDefinition(claim.source).party === true && metricDefinition(claim.metric).subject === "troops";
}

/**
 * Whether a claim can be a member of a consensus: a named source that is no party. A claim naming
 * no source is recorded and shown, but "officials said" is nobody in particular: pooling such
 * voices into one member would let anonymous wire copy outvote NIS.
 */
export function countsInConsensus(claim: Pick<Claim, "source" | "metric">): boolean {
  return claim.source !== null && !isPartyClaim(claim);
}

/**
 * The days apart within which two sources' claims can conflict: when either is a party's,
 * `estimateWindowDays` (it is held against the consensus it contradicts, whichever spoke last:
 * "North Korea names 9 dead; NIS: about 2,000" months apart), else `conflictWindowDays`.
 */
export function conflictWindowOf(
  a: Pick<Claim, "source" | "metric">,
  b: Pick<Claim, "source" | "metric">,
  thresholds: Thresholds,
): number {
  return isPartyClaim(a) || isPartyClaim(b) ? thresholds.estimateWindowDays : thresholds.conflictWindowDays;
}

/**
 * The consensus of `claims` (one metric) about `region`: the latest current claim of every
 * named non-party source naming exactly that region (`countsInConsensus`),
 * dated within `estimateWindowDays` before the newest of them. Undated claims count only while
 * none is dated. Null when no source qualifies.
 */
export function consensusOf(
  claims: readonly Claim[],
  region: string | null,
  thresholds: Thresholds,
): Consensus | null {
  const key = normalRegion(region);
  const candidates = claims.filter(
    (c) => isCurrentReport(c) && countsInConsensus(c) && normalRegion(c.region) === key,
  );
  const latest = latestBySource(candidates, "reported");
  const newest = latest.find((c) => c.date !== null)?.date ?? null;
  const day = newest === null ? Number.NaN : dayNumber(newest);
  // A newest date on no calendar day (2025-13-01) bounds nothing: every dated claim counts.
  const window =
    newest !== null && isCalendarDate(newest)
      ? { from: dateOfDay(day - thresholds.estimateWindowDays), to: newest }
      : null;
  const members =
    newest === null
      ? latest
      : latest.filter((c) => c.date !== null && (window === null || c.date >= window.from));
  if (members.length === 0) return null;
  const ranges = members.map(namedRange);
  return {
    best: median(members.map(representative)),
    low: Math.min(...ranges.map((r) => r.lo)),
    high: Math.max(...ranges.map((r) => r.hi)),
    members,
    window,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The region whose consensus a metric's estimate shows: that of its newest claim a consensus can hold. */
export function shownRegion(claims: readonly Claim[]): string | null {
  const current = byRecency(claims.filter((c) => isCurrentReport(c) && countsInConsensus(c))).at(-1);
  return normalRegion(current?.region ?? null);
}
