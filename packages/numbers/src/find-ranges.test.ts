import { describe, expect, it } from "vitest";
import { findNumbers } from "./find-numbers";
import { findRanges } from "./find-ranges";
import type { Lang } from "./lexicon";

function ranges(text: string, lang: Lang) {
  return findRanges(text, findNumbers(text, { lang }), lang).map((r) => ({
    text: text.slice(r.start, r.end),
    min: r.min.value,
    max: r.max.value,
    kind: r.min.kind,
  }));
}

describe("findRanges", () => {
  it.each([
    ["rund 11.000 bis 12.000 Soldaten", "de", "11.000 bis 12.000", 11000, 12000],
    ["11.000-12.000 Soldaten", "de", "11.000-12.000", 11000, 12000],
    ["zwischen 11.000 und 12.000 Soldaten", "de", "zwischen 11.000 und 12.000", 11000, 12000],
    ["von 2 bis 3 Millionen Granaten", "de", "von 2 bis 3 Millionen", 2e6, 3e6],
    ["zwischen 11.000 bis 12.000 Soldaten", "de", "zwischen 11.000 bis 12.000", 11000, 12000],
    ["zehn- bis zwölftausend Soldaten", "de", "zehn- bis zwölftausend", 10000, 12000],
    ["11,000-12,000 troops", "en", "11,000-12,000", 11000, 12000],
    ["11,000 – 12,000 troops", "en", "11,000 – 12,000", 11000, 12000],
    ["between 11,000 and 12,000 troops", "en", "between 11,000 and 12,000", 11000, 12000],
    ["two to three million shells", "en", "two to three million", 2e6, 3e6],
  ] as const)("%j", (text, lang, span, min, max) => {
    expect(ranges(text, lang)).toEqual([{ text: span, min, max, kind: "cardinal" }]);
  });

  it("gives the lower bound the upper bound's percent", () => {
    expect(ranges("10 bis 20 Prozent", "de")).toEqual([
      { text: "10 bis 20", min: 10, max: 20, kind: "percent" },
    ]);
  });

  it("finds no range between years, in descending pairs, or across other words", () => {
    expect(ranges("der Koreakrieg (1950 bis 1953)", "de")).toEqual([]);
    expect(ranges("12.000 bis 11.000", "de")).toEqual([]);
    expect(ranges("11.000 Soldaten und 12.000 Granaten", "de")).toEqual([]);
    expect(ranges("between 11,000 troops and 12,000 shells", "en")).toEqual([]);
  });
});
