import {
  type Claim,
  type Event,
  type Figure,
  type MetricId,
  type Modality,
  type SourceId,
  seededRandom,
  ThresholdsSchema,
} from "@zw/core";
import { describe, expect, it } from "vitest";
import { figure } from "../../../tests/fixtures/ledger-articles";
import { claimFromFigure } from "./claims";
import { judgeArticle } from "./judge";
import { type ClaimsByMetric, relatedMetrics } from "./ledger-state";
import { type ClaimLookup, groupsOf, judgeWithLookups, lookupKey } from "./lookups";
import { byRecency, latestBySeries } from "./recency";

const thresholds = ThresholdsSchema.parse({});
const MODALITIES: Modality[] = ["reported", "projected", "denied"];

/** What a store answers: the claims of the lookup's group within its dates (`claims` in arrival order). */
function answer(lookup: ClaimLookup, claims: readonly Claim[]): Claim[] {
  const group = JSON.stringify(lookup.group);
  const { dates } = lookup;
  const inDates = (date: string | null) =>
    dates === "undated"
      ? date === null
      : date !== null &&
        (dates.after === undefined || date > dates.after) &&
        (dates.from === undefined || date >= dates.from) &&
        (dates.to === undefined || date <= dates.to) &&
        (dates.before === undefined || date < dates.before);
  const arrived = claims.filter(
    (c) => inDates(c.date) && groupsOf(c).some((g) => JSON.stringify(g) === group),
  );
  const found = byRecency(arrived);
  const one = { latest: found.at(-1), earliest: found[0], "first-arrival": arrived[0], all: undefined }[
    lookup.take
  ];
  return lookup.take === "all" ? found : one ? [one] : [];
}

/**
 * What a store judges `article` with: the latest claim per modality and source and the claims
 * sharing an id with the article's, then the answers to the lookups asked, until it is judged.
 */
function judgedWithLookups(article: Claim[], full: ClaimsByMetric) {
  const metrics = [...new Set(article.flatMap((c) => relatedMetrics(c.metric)))];
  const found = new Set<Claim>();
  for (const metric of metrics) {
    const claims = full[metric] ?? [];
    for (const modality of MODALITIES) for (const c of latestBySeries(claims, modality)) found.add(c);
    for (const c of claims) if (article.some((a) => a.id === c.id)) found.add(c);
  }
  const answered = new Set<string>();
  for (;;) {
    const known = Object.fromEntries(metrics.map((m) => [m, (full[m] ?? []).filter((c) => found.has(c))]));
    const step = judgeWithLookups(article, known, thresholds, answered);
    if ("judgement" in step) return { judged: step.judgement, known };
    for (const lookup of step.lookups) {
      answered.add(lookupKey(lookup));
      for (const c of answer(lookup, full[lookup.metric] ?? [])) found.add(c);
    }
  }
}

const METRICS: MetricId[] = [
  "troops_deployed_total",
  "troops_additional",
  "killed",
  "wounded",
  "casualties_total",
  "troops_in_region",
];
const SOURCES: (SourceId | null)[] = [null, "NIS", "JCS", "HUR", "UA_GOV", "KP_GOV"];
const REGIONS = [null, null, "Kursk", " kursk", "Donetsk"];
const VALUES = [900, 1000, 1100, 3000, 4000, 4200, 11000, 12000, 14000];
/** Calendar days over three months, an odd date now and then, and undated claims. */
const DATES = [
  ...Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2025, 2, 1 + i)).toISOString().slice(0, 10)),
  "2025-02-30",
  "2025-04-31",
  "2025-13-01",
  null,
  null,
];

/** A random history: articles on a few sources, values, regions and URLs, so that every rule fires. */
function randomArticles(seed: number, count: number) {
  const rng = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const randomFigure = (date: string | null): Figure => {
    const value = pick(VALUES);
    const qualifier = pick(["exact", "approx", "approx", "at_least", "up_to", "range"] as const);
    return figure({
      metric: pick(METRICS),
      min: qualifier === "up_to" ? null : value,
      max: qualifier === "at_least" ? null : qualifier === "range" ? value * 1.2 : value,
      qualifier,
      source: pick(SOURCES),
      modality: rng() < 0.85 ? "reported" : pick(MODALITIES),
      region: pick(REGIONS),
      // Most figures carry the article's date; some their own.
      date: rng() < 0.8 ? date : pick(DATES),
      ...(rng() < 0.08 ? { historical: true } : {}),
    });
  };
  return Array.from({ length: count }, () => {
    const date = pick(DATES);
    const report = {
      url: `https://news.example/${Math.floor(rng() * 40)}`,
      outlet: null,
      title: null,
      publishedAt: date,
    };
    const figures = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => randomFigure(date));
    return figures.map((f) => claimFromFigure(f, report));
  });
}

describe("judgeWithLookups", () => {
  it("judges every article of random histories against its lookups exactly as against every claim", () => {
    const seen = new Map<string, number>();
    const tally = (kind: string) => seen.set(kind, (seen.get(kind) ?? 0) + 1);
    const kindOf = (event: Event) =>
      event.type === "inconsistency"
        ? event.rule
        : event.type === "estimate_changed"
          ? event.basis
          : event.type;
    let claimsAgainst = 0;
    let claimsInAll = 0;
    for (let seed = 1; seed <= 20; seed++) {
      let full: ClaimsByMetric = {};
      for (const [i, article] of randomArticles(seed, 80).entries()) {
        const whole = judgeArticle(article, full, thresholds);
        const { judged, known } = judgedWithLookups(article, full);
        const context = `seed ${seed}, article ${i}`;
        expect(judged.events, context).toEqual(whole.events);
        expect(judged.written, context).toEqual(whole.written);
        // The latest claim of each source's series, as a store indexes them (in no order).
        const latestIds = (claims: Claim[] = []) =>
          MODALITIES.flatMap((m) => latestBySeries(claims, m).map((c) => `${m} ${c.id}`)).sort();
        for (const metric of new Set(whole.written.map((c) => c.metric))) {
          expect(latestIds(judged.state[metric]), context).toEqual(latestIds(whole.state[metric]));
        }
        for (const event of whole.events) tally(kindOf(event));
        const conflicts = whole.events.filter((e) => e.type === "conflict");
        if (new Set(conflicts.map((e) => e.claims[1]!.id)).size < conflicts.length)
          tally("several conflicts");
        for (const [metric, claims] of Object.entries(known)) {
          claimsAgainst += claims.length;
          claimsInAll += full[metric as MetricId]?.length ?? 0;
        }
        full = whole.state;
      }
    }
    // Every rule was exercised, several conflicts of one claim among them (their order matters).
    for (const kind of [
      "new_metric",
      "revision",
      "consensus",
      "conflict",
      "several conflicts",
      "corroboration",
      "projection",
      "denial",
      "sum_mismatch",
      "cumulative_fell",
      "additional_mismatch",
      "part_exceeds_whole",
    ]) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(5);
    }
    // ...while judging against a part of the ledger. Each series' latest claim (6 sources × 4
    // regions × 3 modalities) is much of a history this small; the store's test of 2,000 claims
    // of one metric shows the part staying small as a ledger grows.
    expect(claimsAgainst / claimsInAll).toBeLessThan(0.75);
  });
});
