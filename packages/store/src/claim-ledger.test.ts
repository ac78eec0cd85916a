import { type Claim, type Event, type MetricId, type SourceId, ThresholdsSchema } from "@zw/core";
import {
  type ClaimsByMetric,
  claimFromFigure,
  computeEstimate,
  eventSummary,
  judgeArticle,
  relatedMetrics,
} from "@zw/estimates";
import { Redis } from "ioredis";
import { beforeEach, describe, expect, it } from "vitest";
import {
  figure,
  LATER_ARTICLES,
  type LedgerArticle,
  SEED_ARTICLES,
} from "../../../tests/fixtures/ledger-articles";
import { useTestRedis } from "../../../tests/fixtures/redis";
import { ClaimLedger } from "./claim-ledger";

/** The pure judgement over every claim, article after article: what the ledger must match. */
function judgedInMemory() {
  let state: ClaimsByMetric = {};
  return (article: LedgerArticle): Event[] => {
    const claims = article.figures.map((f) => claimFromFigure(f, article.report));
    const judgement = judgeArticle(claims, state, ThresholdsSchema.parse({}));
    state = judgement.state;
    return judgement.events;
  };
}

/**
 * Two years of a story: each article has four totals from different sources, rising over time
 * (now and then about Kursk, now and then dated weeks back), sometimes an additional contingent;
 * one in ten is an agency copy of the one before. Seeded.
 */
function longHistory(count: number): LedgerArticle[] {
  let seed = 7;
  const rng = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const sources: SourceId[] = ["NIS", "JCS", "HUR", "UA_GOV", "US_GOV", "UK_GOV"];
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
  const articles: LedgerArticle[] = [];
  for (let i = 0; i < count; i++) {
    const previous = articles.at(-1);
    if (previous && rng() < 0.1) {
      articles.push({
        report: { ...previous.report, url: `https://copy.example/${i}` },
        figures: previous.figures,
      });
      continue;
    }
    const date = day(Math.floor((i / count) * 730) - (rng() < 0.2 ? Math.floor(rng() * 40) : 0));
    const first = Math.floor(rng() * sources.length);
    const totals = [0, 1, 2, 3].map((k) => {
      const value = 8000 + 10 * i + 100 * Math.floor(rng() * 8);
      return figure({
        metric: "troops_deployed_total",
        min: value,
        max: value,
        qualifier: rng() < 0.5 ? "approx" : "exact",
        source: sources[(first + k) % sources.length]!,
        region: rng() < 0.2 ? "Kursk" : null,
        date,
      });
    });
    const additional = figure({
      metric: "troops_additional",
      min: 1000 * (1 + Math.floor(rng() * 3)),
      max: null,
      qualifier: "at_least",
      source: totals[0]!.source,
      date,
    });
    const report = { url: `https://news.example/${i}`, outlet: null, title: null, publishedAt: date };
    articles.push({ report, figures: rng() < 0.1 ? [...totals, additional] : totals });
  }
  return articles;
}

describe("ClaimLedger", () => {
  const db = useTestRedis({ flush: true });
  let ledger: ClaimLedger;

  const ingest = async (article: LedgerArticle, into = ledger) =>
    (await into.ingestArticle(article.report, article.figures)).map(eventSummary);
  const loadSeeds = async () => {
    for (const seed of Object.values(SEED_ARTICLES)) await ingest(seed);
  };

  beforeEach(async () => {
    ledger = new ClaimLedger(db.redis, { prefix: "t:" });
  });

  it("walks the seeds and the later scenarios to exactly the events of the pure judgement", async () => {
    expect(await ledger.isEmpty()).toBe(true);
    await loadSeeds();
    expect(await ledger.isEmpty()).toBe(false);
    expect(await ingest(LATER_ARTICLES.nisUpdate)).toEqual([
      "estimate_changed troops_deployed_total: revision 12000 (NIS, undated) → ~14000 (NIS, 2025-05-10), +2000 (+16.7 %) up",
    ]);
    expect(await ingest(LATER_ARTICLES.ukraineConflict)).toEqual([
      "corroboration troops_deployed_total: ~11000 (UA_GOV, 2025-02-27) reprinted by tagesschau.de",
    ]);
    expect(await ingest(LATER_ARTICLES.nisReprint)).toEqual([
      "corroboration troops_deployed_total: ~14000 (NIS, 2025-05-10) reprinted by France 24",
    ]);
    expect(await ingest(LATER_ARTICLES.projection)).toEqual([
      "projection troops_deployed_total: ≤30000 (NIS, 2025-05-20, projected)",
    ]);
    expect(await ingest(LATER_ARTICLES.casualties)).toEqual([
      "estimate_changed killed: consensus 400 → 700 (HUR, KR_GOV) on 1000 (HUR, 2025-05-20), +300 (+75.0 %) up",
      "estimate_changed casualties_total: consensus 4000 → 5000 (HUR, KR_GOV) on 6000 (HUR, 2025-05-20), +1000 (+25.0 %) up",
      "inconsistency casualties_total: sum_mismatch, expected 4200, reported 6000",
    ]);

    const estimate = await ledger.estimate("troops_deployed_total");
    expect(estimate.current?.source).toBe("NIS");
    const consensus = estimate.consensus!;
    expect([consensus.low, consensus.best, consensus.high]).toEqual([11000, 11000, 14000]);
    expect(estimate.bySource.find((c) => c.source === "NIS")?.reports.map((r) => r.outlet)).toEqual([
      "Yonhap",
      "France 24",
    ]);
  });

  it("reads an estimate from the latest-per-source index alone, equal to the one over the whole history", async () => {
    await loadSeeds();
    for (const article of Object.values(LATER_ARTICLES)) await ingest(article);
    for (const metric of await ledger.metrics()) {
      const whole = computeEstimate(metric, await ledger.history(metric), ledger.thresholds);
      expect(await ledger.estimate(metric)).toEqual(whole);
    }
    expect((await ledger.estimates()).map((e) => e.metric)).toEqual([
      "troops_deployed_total",
      "troops_additional",
      "troops_in_region",
      "troops_in_training",
      "casualties_total",
      "killed",
      "wounded",
      "officers",
      "generals",
      "shells_delivered",
      "howitzers_delivered",
      "ammo_share_percent",
    ]);
  });

  it("keeps every claim in history, oldest first, and filters by age", async () => {
    await loadSeeds();
    await ingest(LATER_ARTICLES.nisUpdate);
    await ingest(LATER_ARTICLES.nisReprint);
    const history = await ledger.history("troops_deployed_total");
    expect(history.map((c) => [c.source, c.date, c.modality, c.reports.length])).toEqual([
      ["NIS", null, "reported", 1],
      ["KR_GOV", "2024-10-25", "projected", 1],
      ["US_GOV", "2024-11-05", "reported", 1],
      ["UA_GOV", "2025-02-27", "reported", 1],
      ["JCS", "2025-03-27", "reported", 1],
      ["NIS", "2025-05-10", "reported", 2],
    ]);
    const recent = await ledger.history("troops_deployed_total", {
      sinceDays: 60,
      now: new Date("2025-05-15T12:00:00Z"),
    });
    expect(recent.map((c) => c.date)).toEqual(["2025-03-27", "2025-05-10"]);
  });

  it("changes nothing and emits nothing for the same article twice, and can replay its events", async () => {
    await loadSeeds();
    const first = await ingest(LATER_ARTICLES.casualties);
    const dump = async () => {
      const keys = (await db.redis.keys("t:*")).sort();
      const content = async (k: string): Promise<unknown> =>
        (await db.redis.type(k)) === "hash" ? db.redis.hgetall(k) : db.redis.zrange(k, 0, -1, "WITHSCORES");
      return Promise.all(keys.map(async (k) => [k, await content(k)]));
    };
    const before = await dump();
    expect(await ingest(LATER_ARTICLES.casualties)).toEqual([]);
    expect(await dump()).toEqual(before);
    const { report, figures } = LATER_ARTICLES.casualties;
    const replayed = await ledger.ingestArticle(report, figures, { replay: true });
    expect(replayed.map(eventSummary)).toEqual(first);
    expect(await dump()).toEqual(before);
  });

  it("takes an edited article's new figures but not its old ones again", async () => {
    await loadSeeds();
    const { report, figures } = LATER_ARTICLES.nisUpdate;
    await ledger.ingestArticle({ ...report, contentHash: "v1" }, figures);
    const edited = [
      ...figures,
      figure({
        metric: "captured",
        min: 2,
        max: 2,
        qualifier: "exact",
        source: "UA_GOV",
        date: "2025-05-10",
      }),
    ];
    const events = await ledger.ingestArticle({ ...report, contentHash: "v2" }, edited);
    expect(events.map(eventSummary)).toEqual(["new_metric captured: 2 (UA_GOV, 2025-05-10)"]);
  });

  it("previews an article's events without storing anything", async () => {
    await loadSeeds();
    const keys = (await db.redis.keys("t:*")).length;
    const versions = await db.redis.hgetall("t:ledger:versions");
    const { report, figures } = LATER_ARTICLES.casualties;
    const preview = await ledger.preview(report, figures);
    expect(preview.claims.map((c) => c.source)).toEqual(["HUR", "HUR", "HUR"]);
    expect(preview.events.map((e) => e.type)).toEqual([
      "estimate_changed",
      "estimate_changed",
      "inconsistency",
    ]);
    expect((await db.redis.keys("t:*")).length).toBe(keys);
    expect(await db.redis.hgetall("t:ledger:versions")).toEqual(versions);
  });

  it("refuses an invalid figure with a clear error and writes nothing of its article", async () => {
    const { report } = LATER_ARTICLES.nisUpdate;
    const good = LATER_ARTICLES.nisUpdate.figures[0]!;
    const bad = { ...good, metric: "tanks" } as unknown as typeof good;
    await expect(ledger.ingestArticle(report, [good, bad])).rejects.toThrow(
      /figure 1 of https:\/\/en\.yna.*metric/s,
    );
    const empty = { ...good, min: null, max: null };
    await expect(ledger.ingestArticle(report, [empty])).rejects.toThrow(/min and max are both null/);
    expect(await ledger.isEmpty()).toBe(true);
  });

  it("loses no update when two writers ingest at once: ten agency copies make one claim with ten reports", async () => {
    const writers = [new Redis(db.server.url), new Redis(db.server.url), new Redis(db.server.url)];
    try {
      const ledgers = writers.map((r) => new ClaimLedger(r, { prefix: "t:" }));
      const copies = Array.from({ length: 10 }, (_, i) => ({
        report: {
          url: `https://outlet${i}.example/nis`,
          outlet: `outlet ${i}`,
          title: null,
          publishedAt: "2025-05-10",
        },
        figures: LATER_ARTICLES.nisUpdate.figures,
      }));
      const events = (
        await Promise.all(copies.map((c, i) => ledgers[i % 3]!.ingestArticle(c.report, c.figures)))
      ).flat();
      expect(events.filter((e) => e.type === "new_metric")).toHaveLength(1);
      expect(events.filter((e) => e.type === "corroboration")).toHaveLength(9);
      expect(new Set(events.map((e) => e.id)).size).toBe(10);
      const history = await ledger.history("troops_deployed_total");
      expect(history).toHaveLength(1);
      expect(history[0]!.reports.map((r) => r.url).sort()).toEqual(copies.map((c) => c.report.url).sort());
    } finally {
      for (const w of writers) w.disconnect();
    }
  });

  it("lets only one of two writers racing on the same article record it; the other may replay", async () => {
    await loadSeeds();
    const writers = [new Redis(db.server.url), new Redis(db.server.url)];
    try {
      const [a, b] = writers.map((r) => new ClaimLedger(r, { prefix: "t:" }));
      const { report, figures } = LATER_ARTICLES.casualties;
      const results = await Promise.all([
        a!.ingestArticle(report, figures),
        b!.ingestArticle(report, figures),
      ]);
      expect(results.map((events) => events.length).sort()).toEqual([0, 3]);
      expect(await ledger.history("killed")).toHaveLength(2);
      const replayed = await b!.ingestArticle(report, figures, { replay: true });
      expect(replayed).toEqual(results.find((events) => events.length));
    } finally {
      for (const w of writers) w.disconnect();
    }
  });

  it("loses no claim when writers race on one metric with different sources", async () => {
    const writers = [new Redis(db.server.url), new Redis(db.server.url)];
    try {
      const ledgers = writers.map((r) => new ClaimLedger(r, { prefix: "t:" }));
      const sources = ["NIS", "JCS", "KR_GOV", "HUR", "UA_GOV", "UA_MIL", "US_GOV", "UK_GOV"] as const;
      const articles = sources.map((source, i) => ({
        report: {
          url: `https://news.example/${source}`,
          outlet: null,
          title: null,
          publishedAt: "2025-05-10",
        },
        figures: [
          figure({ metric: "killed", min: 1000 * (i + 1), max: 1000 * (i + 1), qualifier: "exact", source }),
        ],
      }));
      const events = (
        await Promise.all(articles.map((a, i) => ledgers[i % 2]!.ingestArticle(a.report, a.figures)))
      ).flat();
      expect(events.filter((e) => e.type === "new_metric")).toHaveLength(1);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(await ledger.history("killed")).toHaveLength(8);
      expect((await ledger.estimate("killed")).bySource).toHaveLength(8);
    } finally {
      for (const w of writers) w.disconnect();
    }
  });

  it("survives a Redis restart (AOF): claims, estimates and the memory of read articles", async () => {
    await loadSeeds();
    await ingest(LATER_ARTICLES.nisUpdate);
    await ingest(LATER_ARTICLES.nisReprint);
    const estimates = await ledger.estimates();
    const history = await ledger.history("troops_deployed_total");
    await db.server.restart("stop");
    const after = new Redis(db.server.url);
    try {
      const reopened = new ClaimLedger(after, { prefix: "t:" });
      expect(await reopened.estimates()).toEqual(estimates);
      expect(await reopened.history("troops_deployed_total")).toEqual(history);
      const { report, figures } = LATER_ARTICLES.nisReprint;
      expect(await reopened.ingestArticle(report, figures)).toEqual([]);
      expect((await ingest(LATER_ARTICLES.lateJcs, reopened))[1]).toMatch(/^conflict/);
    } finally {
      after.disconnect();
    }
  });

  it("judges an article against a long history exactly as a fresh judgement over all its claims, reading few", async () => {
    /** The pure judgement of `article` against every stored claim of its metrics, in arrival order. */
    const judgedAfresh = async (article: LedgerArticle) => {
      const claims = article.figures.map((f) => claimFromFigure(f, article.report));
      const metrics = [...new Set(claims.flatMap((c) => relatedMetrics(c.metric)))];
      const stored = async (metric: MetricId) =>
        (await db.redis.hvals(`t:ledger:claims:${metric}`))
          .map((json) => JSON.parse(json) as { seq: number; claim: Claim })
          .sort((a, b) => a.seq - b.seq)
          .map((s) => s.claim);
      const state = Object.fromEntries(await Promise.all(metrics.map(async (m) => [m, await stored(m)])));
      return judgeArticle(claims, state, ledger.thresholds).events;
    };
    const sent = async () => Number(/total_net_output_bytes:(\d+)/.exec(await db.redis.info("stats"))?.[1]);
    /** Ingests `article`, checks its events, and returns how many bytes Redis sent meanwhile. */
    const ingestChecked = async (article: LedgerArticle) => {
      const expected = await judgedAfresh(article);
      const before = await sent();
      expect(await ledger.ingestArticle(article.report, article.figures), article.report.url).toEqual(
        expected,
      );
      return (await sent()) - before;
    };
    for (const [i, article] of longHistory(680).entries()) {
      if (i % 20 === 0) await ingestChecked(article);
      else await ledger.ingestArticle(article.report, article.figures);
    }
    expect(await db.redis.hlen("t:ledger:claims:troops_deployed_total")).toBeGreaterThan(2000);
    const probe = (
      url: string,
      date: string,
      figures: [SourceId, number, string | null][],
    ): LedgerArticle => ({
      report: { url, outlet: null, title: null, publishedAt: date },
      figures: figures.map(([source, value, region]) =>
        figure({
          metric: "troops_deployed_total",
          min: value,
          max: value,
          qualifier: "exact",
          source,
          region,
          date,
        }),
      ),
    });
    for (const article of [
      // In order: a change of the estimate, conflicting with the latest claims of other sources.
      probe("https://probe.example/now", "2025-12-31", [
        ["NIS", 30_000, null],
        ["HUR", 9000, null],
      ]),
      // Weeks back, about Kursk: out of order, inside a source's series and near other claims.
      probe("https://probe.example/back", "2025-11-01", [["JCS", 8000, "Kursk"]]),
    ]) {
      const bytes = await ingestChecked(article);
      // The latest claims per source and a few near ones, not 2,000 claims (1 MB).
      expect(bytes).toBeLessThan(32_000);
    }
  });

  it("builds the lookup index of a ledger written without it, on first use, and judges as before", async () => {
    const reference = new ClaimLedger(db.redis, { prefix: "ref:" });
    const inMemory = judgedInMemory();
    // The NIS claim of May 2025 is no source's latest among these: only the index finds it.
    const articles = [...Object.values(SEED_ARTICLES), LATER_ARTICLES.nisUpdate, ...longHistory(60)];
    for (const article of articles) {
      inMemory(article);
      await ingest(article);
      await ingest(article, reference);
    }
    // What a ledger written before the index (or in its first format) lacks: the indexes, the
    // versions they were built at, and a latest index per series (here: none at all).
    await db.redis.del(
      ...(await db.redis.keys("t:ledger:index:*")),
      ...(await db.redis.keys("t:ledger:latest:*")),
      "t:ledger:indexed-v2",
    );
    for (const article of [LATER_ARTICLES.nisReprint, LATER_ARTICLES.ukraineConflict]) {
      const events = await ingest(article);
      expect(events).toEqual(inMemory(article).map(eventSummary));
      expect(await ingest(article, reference)).toEqual(events);
    }
    expect(await ingest(LATER_ARTICLES.nisReprint)).toEqual([]);
    const indexOf = async (prefix: string) =>
      Promise.all(
        ["troops_deployed_total", "troops_additional"].map(async (metric) => [
          await db.redis.zrange(`${prefix}ledger:index:${metric}`, 0, -1),
          await db.redis.hget(`${prefix}ledger:indexed-v2`, metric),
        ]),
      );
    expect(await indexOf("t:")).toEqual(await indexOf("ref:"));
    expect(await ledger.estimates()).toEqual(await reference.estimates());
  });
});
