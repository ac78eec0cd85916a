import { ClaimSchema } from "@zw/core";
import { describe, expect, it } from "vitest";
import { figure } from "../../../tests/fixtures/ledger-articles";
import { claimFromFigure, isSameClaim } from "./claims";

const report = {
  url: "https://a.example/1",
  outlet: "ntv.de",
  title: "T",
  publishedAt: "Thu, 27 Feb 2025 09:15:00 GMT",
};
const about11000 = figure({
  metric: "troops_deployed_total",
  min: 11000,
  max: 11000,
  qualifier: "approx",
  source: "UA_GOV",
});

describe("claimFromFigure", () => {
  it("dates an undated figure by its article, in any timestamp form, and keeps the article as first report", () => {
    const claim = claimFromFigure(about11000, report);
    expect(ClaimSchema.parse(claim)).toEqual(claim);
    expect(claim.date).toBe("2025-02-27");
    expect(claim.reports).toEqual([report]);
    expect(claimFromFigure({ ...about11000, date: "2025-02-20" }, report).date).toBe("2025-02-20");
    expect(claimFromFigure(about11000, { ...report, publishedAt: "not a date" }).date).toBeNull();
  });

  it("gives the same id to the same figure in the same article, another to another article", () => {
    const id = claimFromFigure(about11000, report).id;
    expect(claimFromFigure({ ...about11000, quote: "other words", span: [5, 9] }, report).id).toBe(id);
    expect(claimFromFigure(about11000, { ...report, url: "https://b.example/2" }).id).not.toBe(id);
    expect(claimFromFigure({ ...about11000, min: 11001 }, report).id).not.toBe(id);
  });
});

describe("isSameClaim", () => {
  const claim = claimFromFigure(about11000, report);
  const reprint = (fields: Partial<typeof about11000>) =>
    claimFromFigure({ ...about11000, ...fields }, { ...report, url: "https://b.example/2" });

  it("matches a reprint whatever its qualifier word, not another source, modality, region or value", () => {
    expect(isSameClaim(claim, reprint({ qualifier: "exact" }), 7)).toBe(true);
    expect(isSameClaim(claim, reprint({ source: "WEST" }), 7)).toBe(false);
    expect(isSameClaim(claim, reprint({ modality: "projected" }), 7)).toBe(false);
    expect(isSameClaim(claim, reprint({ region: "Kursk" }), 7)).toBe(false);
    expect(isSameClaim(claim, reprint({ max: 12000 }), 7)).toBe(false);
  });

  it("matches undated claims only with undated ones", () => {
    const undated = claimFromFigure(about11000, { ...report, publishedAt: null });
    expect(isSameClaim(undated, reprint({}), 7)).toBe(false);
    expect(
      isSameClaim(undated, claimFromFigure(about11000, { ...report, url: "x", publishedAt: null }), 7),
    ).toBe(true);
  });
});
