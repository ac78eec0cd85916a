import { type Claim, type Event, EventSchema, ThresholdsSchema } from "@zw/core";
import { describe, expect, it } from "vitest";
import { LATER_ARTICLES, type LedgerArticle, SEED_ARTICLES } from "../../../tests/fixtures/ledger-articles";
import { claimFromFigure } from "./claims";
import { computeEstimate } from "./estimate";
import { judgeArticle } from "./judge";
import type { ClaimsByMetric } from "./ledger-state";
import { eventSummary } from "./summary";

const defaults = ThresholdsSchema.parse({});

/** A ledger in memory: the pure judgement applied article after article. */
function ledger(thresholds = defaults) {
  let state: ClaimsByMetric = {};
  return {
    read(article: LedgerArticle): Event[] {
      const claims = article.figures.map((f) => claimFromFigure(f, article.report));
      const judgement = judgeArticle(claims, state, thresholds);
      state = judgement.state;
      return judgement.events;
    },
    get state() {
      return state;
    },
  };
}

function summaries(events: Event[]): string[] {
  return events.map(eventSummary);
}

function seeded() {
  const walk = ledger();
  for (const seed of Object.values(SEED_ARTICLES)) walk.read(seed);
  return walk;
}

describe("the seed baseline", () => {
  it("reads the seeds in date order into exactly these events", () => {
    const walk = ledger();
    const s = SEED_ARTICLES;
    expect(summaries(walk.read(s.s003))).toEqual([
      "new_metric troops_in_training: ≥3000 (KR_GOV, 2024-10-25)",
      "projection troops_deployed_total: ~12000 (KR_GOV, 2024-10-25, projected)",
      "new_metric officers: 500 (HUR, 2024-10-25)",
      "new_metric generals: 3 (HUR, 2024-10-25)",
    ]);
    expect(summaries(walk.read(s.s002))).toEqual([
      "new_metric troops_deployed_total: 11000–12000 (US_GOV, 2024-11-05)",
      "new_metric troops_in_region: ~8000 (US_GOV, 2024-11-05)",
    ]);
    // ~11,000 after 11,000–12,000 overlaps and moves the midpoint by 4.3 %: no news.
    expect(summaries(walk.read(s.s000))).toEqual(["new_metric ammo_share_percent: 50 (HUR, 2025-02-27)"]);
    // South Korea's military: 3,000 more, yet the total Ukraine gave a month before.
    expect(summaries(walk.read(s.s004))).toEqual([
      "new_metric troops_additional: ≥3000 (JCS, 2025-03-27)",
      "inconsistency troops_deployed_total: additional_mismatch, expected 14000, reported 11000",
      "new_metric casualties_total: ~4000 (KR_GOV, 2025-03-27)",
      "new_metric howitzers_delivered: ~220 (KR_GOV, 2025-03-27)",
      "new_metric killed: >400 (KR_GOV, 2025-03-27)",
      "new_metric wounded: ~3600 (KR_GOV, 2025-03-27)",
    ]);
    // Undated: kept, but it cannot replace a dated estimate or conflict with anything. Its 1,500
    // troops in a region, naming none, are the first such claim (the one before names Kursk).
    expect(summaries(walk.read(s.s001))).toEqual([
      "new_metric troops_in_region: 1500 (NIS, undated)",
      "new_metric shells_delivered: >8000000 (no source, undated)",
    ]);
  });

  it("shows the additional-troops arithmetic with the three claims it rests on", () => {
    const walk = ledger();
    walk.read(SEED_ARTICLES.s000);
    const inconsistency = walk.read(SEED_ARTICLES.s004).find((e) => e.type === "inconsistency");
    expect(inconsistency).toMatchObject({
      type: "inconsistency",
      rule: "additional_mismatch",
      expected: 14000,
      actual: 11000,
      formula: "11000 (2025-02-27) + 3000 additional = 14000 ≠ 11000",
    });
    const claims = inconsistency?.type === "inconsistency" ? inconsistency.claims : [];
    expect(claims.map((c) => [c.metric, c.source, c.date])).toEqual([
      ["troops_deployed_total", "UA_GOV", "2025-02-27"],
      ["troops_additional", "JCS", "2025-03-27"],
      ["troops_deployed_total", "JCS", "2025-03-27"],
    ]);
  });

  it("estimates troops deployed from the seeds: JCS's and Ukraine's ~11,000, the undated NIS figure kept aside", () => {
    const estimate = computeEstimate(
      "troops_deployed_total",
      seeded().state.troops_deployed_total ?? [],
      defaults,
    );
    expect(estimate.current?.source).toBe("JCS");
    const consensus = estimate.consensus!;
    expect([consensus.low, consensus.best, consensus.high]).toEqual([11000, 11000, 11000]);
    expect(consensus.members.map((c) => c.source)).toEqual(["JCS", "UA_GOV"]);
    expect(consensus.window).toEqual({ from: "2024-12-27", to: "2025-03-27" });
    expect(estimate.bySource.map((c) => c.source)).toEqual(["JCS", "UA_GOV", "US_GOV", "NIS"]);
    expect(estimate.projected.map((c) => [c.source, c.max])).toEqual([["KR_GOV", 12000]]);
  });
});

describe("later news against the seeds", () => {
  const later = LATER_ARTICLES;

  it("walks the scenarios to exactly these events", () => {
    const walk = seeded();
    // NIS revises its own undated 12,000 of the seeds (against its own word only: the others
    // spoke more than 30 days before, and the median of JCS, Ukraine and NIS stays 11,000).
    expect(summaries(walk.read(later.nisUpdate))).toEqual([
      "estimate_changed troops_deployed_total: revision 12000 (NIS, undated) → ~14000 (NIS, 2025-05-10), +2000 (+16.7 %) up",
    ]);
    // Ukraine's ~11,000 of February told again: old news, not a fall from NIS's 14,000.
    expect(summaries(walk.read(later.ukraineConflict))).toEqual([
      "corroboration troops_deployed_total: ~11000 (UA_GOV, 2025-02-27) reprinted by tagesschau.de",
    ]);
    // The agency copy is one more report of the same claim, nothing else.
    expect(summaries(walk.read(later.nisReprint))).toEqual([
      "corroboration troops_deployed_total: ~14000 (NIS, 2025-05-10) reprinted by France 24",
    ]);
    expect(summaries(walk.read(later.projection))).toEqual([
      "projection troops_deployed_total: ≤30000 (NIS, 2025-05-20, projected)",
    ]);
    // HUR joins South Korea's government: the median of killed moves, that of wounded (3,600 and
    // 3,200) by under 10 %; HUR's killed and wounded do not add up to its total.
    expect(summaries(walk.read(later.casualties))).toEqual([
      "estimate_changed killed: consensus 400 → 700 (HUR, KR_GOV) on 1000 (HUR, 2025-05-20), +300 (+75.0 %) up",
      "estimate_changed casualties_total: consensus 4000 → 5000 (HUR, KR_GOV) on 6000 (HUR, 2025-05-20), +1000 (+25.0 %) up",
      "inconsistency casualties_total: sum_mismatch, expected 4200, reported 6000",
    ]);
    // Read late but dated after JCS's March total: JCS revising itself, against NIS's 14,000 of
    // the same weeks, and a cumulative count falling.
    expect(summaries(walk.read(later.lateJcs))).toEqual([
      "estimate_changed troops_deployed_total: revision ~11000 (JCS, 2025-03-27) → ~9000 (JCS, 2025-04-20), -2000 (-18.2 %) down",
      "conflict troops_deployed_total: ~14000 (NIS, 2025-05-10) vs ~9000 (JCS, 2025-04-20)",
      "inconsistency troops_deployed_total: cumulative_fell, expected 11000, reported 9000",
    ]);

    const estimate = computeEstimate(
      "troops_deployed_total",
      walk.state.troops_deployed_total ?? [],
      defaults,
    );
    expect(estimate.current?.source).toBe("NIS");
    const consensus = estimate.consensus!;
    expect([consensus.low, consensus.best, consensus.high]).toEqual([9000, 11000, 14000]);
    expect(consensus.members.map((c) => c.source)).toEqual(["NIS", "JCS", "UA_GOV"]);
    expect(estimate.bySource.map((c) => c.source)).toEqual(["NIS", "JCS", "UA_GOV", "US_GOV"]);
    expect(estimate.projected.map((c) => c.source)).toEqual(["NIS", "KR_GOV"]);
    const nis = estimate.bySource[0]!;
    expect(nis.reports.map((r) => r.outlet)).toEqual(["Yonhap", "France 24"]);
  });

  it("changes nothing and emits nothing when the same article is read twice", () => {
    const walk = seeded();
    walk.read(later.nisUpdate);
    walk.read(later.casualties);
    const before = structuredClone(walk.state);
    expect(walk.read(later.nisUpdate)).toEqual([]);
    expect(walk.read(later.casualties)).toEqual([]);
    expect(walk.state).toEqual(before);
  });

  it("counts a reprint under the reprint's URL only once", () => {
    const walk = seeded();
    walk.read(later.nisUpdate);
    expect(walk.read(later.nisReprint)).toHaveLength(1);
    expect(walk.read(later.nisReprint)).toEqual([]);
    expect(walk.state.troops_deployed_total?.filter((c) => c.source === "NIS" && c.date)).toHaveLength(1);
  });

  it("gives every event a deterministic id fit for a BullMQ job id, and the shape of EventSchema", () => {
    const first = seeded();
    const second = seeded();
    const events = Object.values(later).flatMap((a) => first.read(a));
    for (const event of events) expect(EventSchema.parse(event)).toEqual(event);
    const ids = events.map((e) => e.id);
    expect(Object.values(later).flatMap((a) => second.read(a).map((e) => e.id))).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z_]+-[0-9a-f]{20}$/);
  });
});

describe("the rules one by one", () => {
  function claim(
    fields: Partial<Claim> & Pick<Claim, "min" | "max" | "qualifier">,
    url = "https://a.example/1",
  ): Claim {
    const figure = {
      metric: "troops_deployed_total" as const,
      source: "NIS" as const,
      modality: "reported" as const,
      region: null,
      date: "2025-01-01",
      quote: "",
      span: [0, 0] as [number, number],
      ...fields,
    };
    return claimFromFigure(figure, { url, outlet: null, title: null, publishedAt: null });
  }
  function judge(existing: Claim[], next: Claim, thresholds = defaults): string[] {
    const state: ClaimsByMetric = { troops_deployed_total: existing };
    return summaries(judgeArticle([next], state, thresholds).events);
  }

  it("an open claim that still allows the estimate is no change; one beyond it is", () => {
    const about11000 = claim({ min: 11000, max: 11000, qualifier: "approx" });
    const atLeast3000 = claim(
      { min: 3000, max: null, qualifier: "at_least", date: "2025-01-05" },
      "https://b",
    );
    expect(judge([about11000], atLeast3000)).toEqual([]);
    const over12500 = claim(
      { min: 12500, max: null, qualifier: "more_than", date: "2025-01-05" },
      "https://b",
    );
    expect(judge([about11000], over12500)).toEqual([
      "estimate_changed troops_deployed_total: revision ~11000 (NIS, 2025-01-01) → >12500 (NIS, 2025-01-05), +1500 (+13.6 %) up",
    ]);
  });

  it("compares 'up to' by its ceiling and ranges by their midpoint", () => {
    const range = claim({ min: 10000, max: 12000, qualifier: "range" });
    const upTo = claim({ min: null, max: 14000, qualifier: "up_to", date: "2025-01-02" }, "https://b");
    // ≤14000 allows 11,000 (the midpoint): an open claim that says less.
    expect(judge([range], upTo)).toEqual([]);
    const point = claim({ min: 13300, max: 13300, qualifier: "exact", date: "2025-01-02" }, "https://b");
    expect(judge([range], point)).toEqual([
      "estimate_changed troops_deployed_total: revision 10000–12000 (NIS, 2025-01-01) → 13300 (NIS, 2025-01-02), +2300 (+20.9 %) up",
    ]);
  });

  it("takes a change of exactly the threshold as a change, and a smaller one as none", () => {
    // Exact figures: the intervals are points, so only the relative change decides.
    const base = claim({ min: 11000, max: 11000, qualifier: "exact" });
    const plus10 = claim({ min: 12100, max: 12100, qualifier: "exact", date: "2025-01-02" }, "https://b");
    const plus9 = claim({ min: 12000, max: 12000, qualifier: "exact", date: "2025-01-02" }, "https://b");
    expect(judge([base], plus10)).toHaveLength(1);
    expect(judge([base], plus9)).toEqual([]);
  });

  it("calls it a revision only when the widened intervals part AND the value moved by changeRelative", () => {
    // Apart but by 0.1 %: two exact figures that differ are no revision (alerts.md, estimate_changed).
    const exact1000 = claim({ min: 1000, max: 1000, qualifier: "exact" });
    const exact1001 = claim({ min: 1001, max: 1001, qualifier: "exact", date: "2025-01-02" }, "https://b");
    expect(judge([exact1000], exact1001)).toEqual([]);
    // +10 % but "about" both times: [10,450, 11,550] and [11,495, 12,705] overlap, no revision.
    const about11000 = claim({ min: 11000, max: 11000, qualifier: "approx" });
    const about12100 = claim(
      { min: 12100, max: 12100, qualifier: "approx", date: "2025-01-02" },
      "https://b",
    );
    expect(judge([about11000], about12100)).toEqual([]);
  });

  it("reads every threshold from configuration", () => {
    const base = claim({ min: 11000, max: 11000, qualifier: "approx" });
    const next = claim({ min: 14000, max: 14000, qualifier: "approx", date: "2025-01-02" }, "https://b");
    const lenient = ThresholdsSchema.parse({ approxWiden: 0.15, changeRelative: 0.3 });
    expect(judge([base], next, lenient)).toEqual([]);
    expect(judge([base], next)).toHaveLength(1);
  });

  it("another source's different number the same day is one conflict, not a change and a conflict", () => {
    const nis = claim({ min: 11000, max: 11000, qualifier: "exact" });
    const ua = claim({ min: 13000, max: 13000, qualifier: "exact", source: "UA_GOV" }, "https://b");
    expect(judge([nis], ua)).toEqual([
      "conflict troops_deployed_total: 11000 (NIS, 2025-01-01) vs 13000 (UA_GOV, 2025-01-01)",
    ]);
  });

  it("sees no conflict beyond the window, nor with an unattributed claim", () => {
    const nis = claim({ min: 11000, max: 11000, qualifier: "exact" });
    const late = claim(
      { min: 9000, max: 9000, qualifier: "exact", source: "UA_GOV", date: "2024-11-30" },
      "https://b",
    );
    expect(judge([nis], late)).toEqual([]);
    const anonymous = claim(
      { min: 9000, max: 9000, qualifier: "exact", source: null, date: "2024-12-30" },
      "https://c",
    );
    expect(judge([nis], anonymous)).toEqual([]);
  });

  it("does not compare claims about different regions, a named one and none among them", () => {
    const kursk = claim({ min: 8000, max: 8000, qualifier: "approx", region: "Kursk" });
    const russia = claim(
      { min: 11000, max: 11000, qualifier: "approx", region: "Russia", source: "UA_GOV", date: "2025-01-03" },
      "https://b",
    );
    // The first word on another place: news of its own, no comparison with Kursk.
    expect(judge([kursk], russia)).toEqual(["new_metric troops_deployed_total: ~11000 (UA_GOV, 2025-01-03)"]);
    const anywhere = claim({ ...russia, region: null }, "https://c");
    // The first claim naming no place counts something else than Kursk's ("same metric and
    // region", alerts.md): its own first word, no conflict.
    expect(judge([kursk], anywhere)).toEqual([
      "new_metric troops_deployed_total: ~11000 (UA_GOV, 2025-01-03)",
    ]);
    const lowerElsewhere = claim(
      { ...kursk, min: 5000, max: 5000, region: "Donetsk", date: "2025-01-05" },
      "https://d",
    );
    const state: ClaimsByMetric = { troops_deployed_total: [kursk] };
    expect(summaries(judgeArticle([lowerElsewhere], state, defaults).events)).toEqual([
      "new_metric troops_deployed_total: ~5000 (NIS, 2025-01-05)",
    ]);
  });

  it("sees no conflict between a total naming no region and another source's figure for one region", () => {
    const us = claim({ min: 11000, max: 11000, qualifier: "approx", source: "US_GOV" });
    const hurKursk = claim(
      { min: 8000, max: 8000, qualifier: "approx", source: "HUR", region: "Kursk", date: "2025-01-05" },
      "https://b",
    );
    expect(judge([us], hurKursk)).toEqual(["new_metric troops_deployed_total: ~8000 (HUR, 2025-01-05)"]);
  });

  it("sees no cumulative fall between one source's total and its figure for one region", () => {
    const total = claim({ min: 11000, max: 11000, qualifier: "approx" });
    const kursk = claim(
      { min: 8000, max: 8000, qualifier: "approx", region: "Kursk", date: "2025-01-05" },
      "https://b",
    );
    expect(judge([total], kursk)).toEqual(["new_metric troops_deployed_total: ~8000 (NIS, 2025-01-05)"]);
    // Within one region it still falls.
    const lessInKursk = claim({ ...kursk, min: 5000, max: 5000, date: "2025-01-09" }, "https://c");
    expect(judge([total, kursk], lessInKursk)).toEqual([
      "estimate_changed troops_deployed_total: revision ~8000 (NIS, 2025-01-05) → ~5000 (NIS, 2025-01-09), -3000 (-37.5 %) down",
      "inconsistency troops_deployed_total: cumulative_fell, expected 8000, reported 5000",
    ]);
  });

  it("finds a part larger than its whole: troops in one region above all troops sent, stated together", () => {
    const report = { url: "https://a.example/9", outlet: null, title: null, publishedAt: "2025-02-01" };
    const figure = (
      metric: "troops_deployed_total" | "troops_in_region",
      value: number,
      region: string | null,
    ) =>
      claimFromFigure(
        {
          metric,
          min: value,
          max: value,
          qualifier: "approx",
          source: "JCS",
          modality: "reported",
          region,
          date: null,
          quote: "",
          span: [0, 0],
        },
        report,
      );
    const total = figure("troops_deployed_total", 11000, null);
    expect(
      summaries(judgeArticle([total, figure("troops_in_region", 13000, "Kursk")], {}, defaults).events),
    ).toEqual([
      "new_metric troops_deployed_total: ~11000 (JCS, 2025-02-01)",
      "new_metric troops_in_region: ~13000 (JCS, 2025-02-01)",
      "inconsistency troops_in_region: part_exceeds_whole, expected 11000, reported 13000",
    ]);
    // About 11,500 in Kursk may be no more than about 11,000 sent: the widened figures overlap.
    const close = figure("troops_in_region", 11500, "Kursk");
    expect(summaries(judgeArticle([total, close], {}, defaults).events)).toEqual([
      "new_metric troops_deployed_total: ~11000 (JCS, 2025-02-01)",
      "new_metric troops_in_region: ~11500 (JCS, 2025-02-01)",
    ]);
    // Either order: the total read after the part finds it too.
    const part = figure("troops_in_region", 13000, "Kursk");
    const later = judgeArticle([total], { troops_in_region: [part] }, defaults).events;
    expect(summaries(later)).toContain(
      "inconsistency troops_in_region: part_exceeds_whole, expected 11000, reported 13000",
    );
  });

  it("records denials and projections without touching the estimate", () => {
    const nis = claim({ min: 11000, max: 11000, qualifier: "exact" });
    const denial = claim(
      {
        min: 11000,
        max: 11000,
        qualifier: "exact",
        source: "RU_GOV",
        modality: "denied",
        date: "2025-02-01",
      },
      "https://b",
    );
    expect(judge([nis], denial)).toEqual([
      "denial troops_deployed_total: 11000 (RU_GOV, 2025-02-01, denied)",
    ]);
    const estimate = computeEstimate("troops_deployed_total", [nis, denial], defaults);
    expect(estimate.current).toBe(nis);
    expect(estimate.denied).toEqual([denial]);
  });

  it("takes a copy within a week either side, and the same figure told any time later, as the claim", () => {
    const nis = claim({ min: 11000, max: 11000, qualifier: "approx", date: "2025-01-10" });
    const weekEarlier = claim(
      { min: 11000, max: 11000, qualifier: "approx", date: "2025-01-03" },
      "https://b",
    );
    const earlier = claim({ min: 11000, max: 11000, qualifier: "approx", date: "2025-01-02" }, "https://c");
    const monthsLater = claim(
      { min: 11000, max: 11000, qualifier: "exact", date: "2025-04-20" },
      "https://d",
    );
    expect(judge([nis], weekEarlier)[0]).toMatch(/^corroboration/);
    // Older than the claim and more than a week apart: another claim of the source's series.
    expect(judge([nis], earlier)).toEqual([]);
    expect(judge([nis], monthsLater)).toEqual([
      "corroboration troops_deployed_total: ~11000 (NIS, 2025-01-10) reprinted by https://d",
    ]);
  });

  it("keeps a party's claim about its own losses out of the consensus; against others, a conflict", () => {
    const nis = claim({ metric: "killed", min: 2000, max: 2000, qualifier: "approx", date: "2025-09-01" });
    const kp = claim(
      { metric: "killed", min: 9, max: 9, qualifier: "exact", source: "KP_GOV", date: "2025-09-20" },
      "https://b",
    );
    const state: ClaimsByMetric = { killed: [nis] };
    const { events, state: after } = judgeArticle([kp], state, defaults);
    expect(summaries(events)).toEqual(["conflict killed: ~2000 (NIS, 2025-09-01) vs 9 (KP_GOV, 2025-09-20)"]);
    const estimate = computeEstimate("killed", after.killed ?? [], defaults);
    expect(estimate.consensus?.best).toBe(2000);
    expect(estimate.consensus?.members).toEqual([nis]);
    expect(estimate.parties).toEqual([kp]);
    // A party is held against the others' figures of the estimate window (90 days), not 30.
    const laterKp = claim({ ...kp, date: "2025-11-20" }, "https://c");
    expect(summaries(judgeArticle([laterKp], state, defaults).events)).toEqual([
      "conflict killed: ~2000 (NIS, 2025-09-01) vs 9 (KP_GOV, 2025-11-20)",
    ]);
    // Beyond it, a party's figure moves nothing.
    const lateKp = claim({ ...kp, date: "2026-01-20" }, "https://d");
    expect(judgeArticle([lateKp], state, defaults).events).toEqual([]);
  });

  it("holds another source's claim against a party's within the estimate window, not only the reverse", () => {
    // Spec, Dec 2025: North Korea's nine dead against NIS's 2,000 months apart is a conflict,
    // whichever of the two was said last (here KP_GOV in September, NIS 70 days later).
    const kp = claim({
      metric: "killed",
      min: 9,
      max: 9,
      qualifier: "exact",
      source: "KP_GOV",
      date: "2025-09-01",
    });
    const nis = claim(
      { metric: "killed", min: 2000, max: 2000, qualifier: "approx", date: "2025-11-10" },
      "https://b",
    );
    const state: ClaimsByMetric = { killed: [kp] };
    expect(summaries(judgeArticle([nis], state, defaults).events)).toEqual([
      "conflict killed: 9 (KP_GOV, 2025-09-01) vs ~2000 (NIS, 2025-11-10)",
    ]);
    // Two sources that are no party keep the conflict window of 30 days.
    const hur = claim({ ...kp, source: "HUR" }, "https://c");
    expect(summaries(judgeArticle([nis], { killed: [hur] }, defaults).events)).not.toContainEqual(
      expect.stringMatching(/^conflict/),
    );
  });

  it("moves the consensus when a source that starts a series shifts the median, and says by how much", () => {
    const nis = claim({ min: 10000, max: 10000, qualifier: "approx" });
    const hur = claim(
      { min: 11000, max: 11000, qualifier: "approx", source: "HUR", date: "2025-01-02" },
      "https://b",
    );
    // 10,000 → median of 10,000 and 11,000: 10,500, +5 %: no news.
    expect(judge([nis], hur)).toEqual([]);
    // JCS's 10,000–14,000 instead allows NIS's figure (no conflict), yet its midpoint of 12,000
    // moves the median of the two to 11,000, +10 %.
    const jcs = claim(
      { min: 10000, max: 14000, qualifier: "range", source: "JCS", date: "2025-01-03" },
      "https://c",
    );
    expect(judge([nis], jcs)).toEqual([
      "estimate_changed troops_deployed_total: consensus 10000 → 11000 (JCS, NIS) on 10000–14000 (JCS, 2025-01-03), +1000 (+10.0 %) up",
    ]);
  });

  it("keeps claims naming no source out of the consensus, and records them", () => {
    const nis = claim({ min: 10000, max: 10000, qualifier: "approx" });
    const anonymous = claim(
      { min: 12000, max: 12000, qualifier: "approx", source: null, date: "2025-01-03" },
      "https://c",
    );
    // Unattributed voices are no source of their own (review finding 9): nothing moves.
    const { events, state } = judgeArticle([anonymous], { troops_deployed_total: [nis] }, defaults);
    expect(events).toEqual([]);
    expect(state.troops_deployed_total).toContain(anonymous);
    const estimate = computeEstimate("troops_deployed_total", state.troops_deployed_total ?? [], defaults);
    expect(estimate.consensus?.members).toEqual([nis]);
    expect(estimate.consensus?.best).toBe(10000);
  });

  it("gives the first source that is no party its own first word after only parties spoke", () => {
    const ru = claim({ min: 11000, max: 11000, qualifier: "approx", source: "RU_GOV" });
    const nis = claim({ min: 11500, max: 11500, qualifier: "exact", date: "2025-01-05" }, "https://b");
    expect(judge([ru], nis)).toEqual(["new_metric troops_deployed_total: 11500 (NIS, 2025-01-05)"]);
    // Likewise after a voice naming no source only.
    const anonymous = claim({ ...ru, source: null }, "https://c");
    expect(judge([anonymous], nis)).toEqual(["new_metric troops_deployed_total: 11500 (NIS, 2025-01-05)"]);
    // A second party, or a second unattributed voice, is no first word.
    const kp = claim({ ...ru, source: "KP_GOV", date: "2025-01-02" }, "https://d");
    expect(judge([ru], kp)).toEqual([]);
  });

  it("moves the consensus only when one member is in the consensus before and after", () => {
    // NIS's 600 has left the 90-day window when HUR says 5,000: that is HUR's number, not the
    // consensus moving from 600 to 5,000 (principle 1). Too far apart to conflict: nothing.
    const nis = claim({ metric: "killed", min: 600, max: 600, qualifier: "approx", date: "2025-01-10" });
    const hur = claim(
      { metric: "killed", min: 5000, max: 5000, qualifier: "approx", source: "HUR", date: "2025-06-10" },
      "https://b",
    );
    expect(summaries(judgeArticle([hur], { killed: [nis] }, defaults).events)).toEqual([]);
  });

  it("never lets a figure the text marks as historical move, conflict or start anything", () => {
    const nis = claim({ min: 15000, max: 15000, qualifier: "approx", date: "2025-03-01" });
    const firstWave = claim(
      { min: 11000, max: 11000, qualifier: "approx", source: "NIS", date: "2025-03-05", historical: true },
      "https://b",
    );
    const other = claim({ ...firstWave, source: "HUR" }, "https://c");
    expect(judge([nis], firstWave)).toEqual([]);
    expect(judge([nis], other)).toEqual([]);
    expect(judge([], firstWave)).toEqual([]);
    const estimate = computeEstimate("troops_deployed_total", [nis, firstWave, other], defaults);
    expect(estimate.consensus?.members).toEqual([nis]);
    expect(estimate.bySource).toEqual([nis]);
  });
});
