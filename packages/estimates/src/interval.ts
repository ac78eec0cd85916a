import type { Claim, QualifierId } from "@zw/core";

type Bounds = Pick<Claim, "min" | "max" | "qualifier">;

/** A closed interval; an open-ended claim ("at least 3,000") reaches to infinity on its open side. */
export interface Interval {
  lo: number;
  hi: number;
}

/**
 * The values a claim allows. Approximate values are widened by `approxWiden` on both sides, so
 * "about 11,000" and "about 11,500" overlap; every other qualifier is taken at its word.
 */
export function intervalOf(claim: Bounds, approxWiden: number): Interval {
  const lo = claim.min ?? Number.NEGATIVE_INFINITY;
  const hi = claim.max ?? Number.POSITIVE_INFINITY;
  if (claim.qualifier !== "approx") return { lo, hi };
  return { lo: lo - Math.abs(lo) * approxWiden, hi: hi + Math.abs(hi) * approxWiden };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

export function contains(interval: Interval, value: number): boolean {
  return interval.lo <= value && value <= interval.hi;
}

export function isOpenEnded(claim: Bounds): boolean {
  return claim.min === null || claim.max === null;
}

const LOWER_BOUND_QUALIFIERS: ReadonlySet<QualifierId> = new Set(["at_least", "more_than"]);

/**
 * The one number that stands for a claim in arithmetic (relative change, sums): a point is
 * itself, a range its midpoint, "at least"/"more than" its floor, "up to"/"under" its ceiling.
 */
export function representative(claim: Bounds): number {
  const { min, max } = claim;
  if (min !== null && max !== null) {
    return LOWER_BOUND_QUALIFIERS.has(claim.qualifier) ? min : (min + max) / 2;
  }
  const value = min ?? max;
  if (value === null) throw new Error("a claim needs at least one of min and max");
  return value;
}

/** The lowest and highest value a claim names, without widening; open sides fall back to the named bound. */
export function namedRange(claim: Bounds): Interval {
  const value = representative(claim);
  return { lo: claim.min ?? value, hi: claim.max ?? value };
}
