import { describe, expect, it } from "vitest";
import { intervalOf, namedRange, overlaps, representative } from "./interval";

describe("intervals", () => {
  it("widens only approximate values", () => {
    expect(intervalOf({ min: 11000, max: 11000, qualifier: "approx" }, 0.05)).toEqual({
      lo: 10450,
      hi: 11550,
    });
    expect(intervalOf({ min: 11000, max: 12000, qualifier: "range" }, 0.05)).toEqual({
      lo: 11000,
      hi: 12000,
    });
  });

  it("leaves the open side of an open-ended claim open", () => {
    const atLeast = intervalOf({ min: 3000, max: null, qualifier: "at_least" }, 0.05);
    expect(atLeast).toEqual({ lo: 3000, hi: Number.POSITIVE_INFINITY });
    expect(overlaps(atLeast, { lo: 1_000_000, hi: 1_000_000 })).toBe(true);
    expect(overlaps(intervalOf({ min: null, max: 12000, qualifier: "up_to" }, 0.05), atLeast)).toBe(true);
    expect(overlaps({ lo: 0, hi: 2999 }, atLeast)).toBe(false);
  });

  it("stands for a claim by its floor, ceiling, midpoint or value", () => {
    expect(representative({ min: 3000, max: null, qualifier: "at_least" })).toBe(3000);
    expect(representative({ min: null, max: 12000, qualifier: "up_to" })).toBe(12000);
    expect(representative({ min: 11000, max: 12000, qualifier: "range" })).toBe(11500);
    expect(representative({ min: 50, max: 50, qualifier: "exact" })).toBe(50);
    expect(namedRange({ min: 3000, max: null, qualifier: "more_than" })).toEqual({ lo: 3000, hi: 3000 });
    expect(() => representative({ min: null, max: null, qualifier: "exact" })).toThrow(/min and max/);
  });
});
