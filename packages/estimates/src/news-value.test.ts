import type { Claim, Event } from "@zw/core";
import { describe, expect, it } from "vitest";
import { eventClaims, isHistory } from "./news-value";

function claim(date: string | null): Claim {
  return {
    id: `c-${date}`,
    metric: "troops_deployed_total",
    min: 10000,
    max: 10000,
    qualifier: "approx",
    source: "US_GOV",
    modality: "reported",
    region: null,
    date,
    quote: "q",
    span: [0, 1],
    url: "https://x.example/a",
    outlet: null,
    title: null,
    publishedAt: null,
    reports: [{ url: "https://x.example/a", outlet: null, title: null, publishedAt: null }],
  };
}
const conflict = (a: string | null, b: string | null): Event => ({
  type: "conflict",
  id: "e",
  metric: "troops_deployed_total",
  claims: [claim(a), claim(b)],
});

describe("isHistory", () => {
  it("calls an event history when all its claims are far older than the metric's newest claim", () => {
    expect(isHistory(conflict("2024-10-29", "2024-11-05"), "2025-03-27", 30)).toBe(true);
  });
  it("keeps an event news when one claim is recent, or a late report is within the window", () => {
    expect(isHistory(conflict("2024-10-29", "2025-03-20"), "2025-03-27", 30)).toBe(false);
    expect(isHistory(conflict("2025-03-01", "2025-03-02"), "2025-03-27", 30)).toBe(false);
  });
  it("keeps undated claims and empty ledgers as news", () => {
    expect(isHistory(conflict("2024-10-29", null), "2025-03-27", 30)).toBe(false);
    expect(isHistory(conflict("2024-10-29", "2024-11-05"), null, 30)).toBe(false);
  });
  it("lists the claims of each event type", () => {
    expect(eventClaims(conflict("2024-10-29", "2024-11-05")).map((c) => c.date)).toEqual([
      "2024-10-29",
      "2024-11-05",
    ]);
    const single: Event = {
      type: "new_metric",
      id: "n",
      metric: "troops_deployed_total",
      claim: claim("2025-01-01"),
    };
    expect(eventClaims(single)).toHaveLength(1);
  });
});
