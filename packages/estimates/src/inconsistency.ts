import { type Claim, type Event, type MetricId, metricDefinition, type Thresholds } from "@zw/core";
import { hashId } from "./ids";
import { intervalOf, overlaps, representative } from "./interval";
import type { ClaimsByMetric } from "./ledger-state";
import { byRecency, isCurrentReport, latestOf, seriesKey } from "./recency";

export type Inconsistency = Extract<Event, { type: "inconsistency" }>;
type Rule = Inconsistency["rule"];

/** Every inconsistency among `state`'s reported, dated claims. The judge keeps those a new claim takes part in. */
export function findInconsistencies(state: ClaimsByMetric, thresholds: Thresholds): Inconsistency[] {
  const found = [
    ...sumMismatches(state, thresholds),
    ...cumulativeFalls(state, thresholds),
    ...additionalMismatches(state, thresholds),
    ...partsExceedingWholes(state, thresholds),
  ];
  return [...new Map(found.map((e) => [e.id, e])).values()];
}

function dated(state: ClaimsByMetric, metric: MetricId): Claim[] {
  return (state[metric] ?? []).filter((c) => isCurrentReport(c) && c.date !== null);
}

/**
 * Parts that should add up to a total, and do not: the difference exceeds `sumTolerance` of the
 * total AND no values the claims allow (approximations widened) could make them agree. An open
 * part ("more than 400 killed") can only fail by being too large already.
 */
function checkSum(
  parts: Claim[],
  total: Claim,
  thresholds: Thresholds,
): { expected: number; actual: number } | null {
  const expected = parts.reduce((sum, c) => sum + representative(c), 0);
  const actual = representative(total);
  if (Math.abs(expected - actual) <= thresholds.sumTolerance * Math.abs(actual)) return null;
  const intervals = parts.map((c) => intervalOf(c, thresholds.approxWiden));
  const sum = {
    lo: intervals.reduce((s, i) => s + i.lo, 0),
    hi: intervals.reduce((s, i) => s + i.hi, 0),
  };
  return overlaps(sum, intervalOf(total, thresholds.approxWiden)) ? null : { expected, actual };
}

function inconsistency(
  rule: Rule,
  metric: MetricId,
  claims: Claim[],
  numbers: { expected: number; actual: number },
  formula: string,
): Inconsistency {
  const id = hashId("inconsistency", [rule, ...claims.map((c) => c.id)]);
  return { id, type: "inconsistency", metric, rule, claims, ...numbers, formula };
}

/** Claims stated together: by one source on one day, or in one article. */
export function statedTogether(a: Claim, b: Claim): boolean {
  return a.url === b.url || (a.source !== null && a.source === b.source && a.date === b.date);
}

/** killed + wounded against casualties_total stated together. */
function sumMismatches(state: ClaimsByMetric, thresholds: Thresholds): Inconsistency[] {
  const killed = dated(state, "killed");
  const wounded = dated(state, "wounded");
  return dated(state, "casualties_total").flatMap((total) => {
    const k = latestOf(killed, (c) => statedTogether(c, total));
    const w = latestOf(wounded, (c) => statedTogether(c, total));
    if (!k || !w) return [];
    const numbers = checkSum([k, w], total, thresholds);
    if (!numbers) return [];
    const formula = `killed + wounded = ${representative(k)} + ${representative(w)} = ${numbers.expected} ≠ casualties ${numbers.actual}`;
    return [inconsistency("sum_mismatch", "casualties_total", [k, w, total], numbers, formula)];
  });
}

/**
 * A cumulative count that one source reports lower than it did before, within one series (source
 * and region): NIS's 8,000 in Kursk after its 11,000 in all counts a part, not a fall.
 */
function cumulativeFalls(state: ClaimsByMetric, thresholds: Thresholds): Inconsistency[] {
  const metrics = (Object.keys(state) as MetricId[]).filter((m) => metricDefinition(m).cumulative);
  return metrics.flatMap((metric) => {
    const claims = dated(state, metric).filter((c) => c.source !== null);
    const keys = new Set(claims.map(seriesKey));
    return [...keys].flatMap((key) => {
      const series = byRecency(claims.filter((c) => seriesKey(c) === key));
      return series.slice(1).flatMap((later, i) => {
        const earlier = series[i]!;
        if (intervalOf(later, thresholds.approxWiden).hi >= intervalOf(earlier, thresholds.approxWiden).lo) {
          return [];
        }
        const numbers = { expected: representative(earlier), actual: representative(later) };
        const formula = `${key}: ${numbers.expected} (${earlier.date}) → ${numbers.actual} (${later.date}), a total cannot fall`;
        return [inconsistency("cumulative_fell", metric, [earlier, later], numbers, formula)];
      });
    });
  });
}

/** The total before a contingent plus the contingent, against the total stated with it. */
function additionalMismatches(state: ClaimsByMetric, thresholds: Thresholds): Inconsistency[] {
  const totals = dated(state, "troops_deployed_total");
  return dated(state, "troops_additional").flatMap((additional) => {
    const before = latestOf(totals, (c) => c.date! < additional.date!);
    const after = latestOf(totals, (c) => statedTogether(c, additional));
    if (!before || !after) return [];
    const numbers = checkSum([before, additional], after, thresholds);
    if (!numbers) return [];
    const formula = `${representative(before)} (${before.date}) + ${representative(additional)} additional = ${numbers.expected} ≠ ${numbers.actual}`;
    return [
      inconsistency(
        "additional_mismatch",
        "troops_deployed_total",
        [before, additional, after],
        numbers,
        formula,
      ),
    ];
  });
}

/**
 * Troops in one region above all troops sent, stated together (one article, or one source on one
 * day): no values the two allow (approximations widened) put the part at or below the whole.
 * Across sources and days a larger regional figure is another count, not arithmetic that fails.
 */
function partsExceedingWholes(state: ClaimsByMetric, thresholds: Thresholds): Inconsistency[] {
  const wholes = dated(state, "troops_deployed_total");
  return dated(state, "troops_in_region").flatMap((part) =>
    wholes
      .filter((whole) => statedTogether(part, whole))
      .filter(
        (whole) => intervalOf(part, thresholds.approxWiden).lo > intervalOf(whole, thresholds.approxWiden).hi,
      )
      .map((whole) => {
        const numbers = { expected: representative(whole), actual: representative(part) };
        const place = part.region?.trim() || "one region";
        const formula = `${numbers.actual} in ${place} > ${numbers.expected} sent in all`;
        return inconsistency("part_exceeds_whole", "troops_in_region", [whole, part], numbers, formula);
      }),
  );
}
