import { describe, expect, it } from "vitest";
import { f1, tallyByMetric } from "./breakdown";

describe("the dev set's breakdown", () => {
  it("tallies the scorer's verbose lines per metric", () => {
    const report = [
      "# a",
      "  found    killed 300–300 approx  [NIS]",
      "  missed   wounded 2700–2700 exact  [NIS]",
      "# b",
      "  spurious killed 20–20 exact  [HUR] (a distractor)  «…»",
      "  found    killed 100–… at_least  [null] (source: want NIS)",
      "documents 2 · gold 3",
    ].join("\n");
    expect(Object.fromEntries(tallyByMetric(report))).toEqual({
      killed: { found: 2, missed: 0, spurious: 1 },
      wounded: { found: 0, missed: 1, spurious: 0 },
    });
  });

  it("computes precision, recall and F1, zero for an empty slice", () => {
    expect(f1({ found: 3, missed: 1, spurious: 1 })).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(f1({ found: 0, missed: 0, spurious: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
