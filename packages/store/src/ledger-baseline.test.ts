import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventSummary } from "@zw/estimates";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_ARTICLES } from "../../../tests/fixtures/ledger-articles";
import { startTestRedis, type TestRedis } from "../../../tests/fixtures/redis";
import { ClaimLedger } from "./claim-ledger";
import { type ExtractFigures, loadBaseline, readSeeds } from "./ledger-baseline";

const seedsDir = join(import.meta.dirname, "../../../seeds");

/** The gold reading of each seed stands in for the extractor here (tests/ runs the real one). */
let goldExtractor: ExtractFigures;

describe("readSeeds", () => {
  it("lists the seeds by date, the undated one last, each at seeds/<file> with its outlet", async () => {
    const seeds = await readSeeds(seedsDir);
    expect(seeds.map((s) => [s.report.url, s.report.outlet, s.report.publishedAt])).toEqual([
      ["seeds/003_f63df39f82d48ae5.txt", "tagesschau.de", "2024-10-25"],
      ["seeds/002_6e943628f41e7ae9.txt", null, "2024-11-05"],
      ["seeds/000_7eea13fe94a1d89c.txt", "ntv.de", "2025-02-27"],
      ["seeds/004_0d372b563bdb1cc8.txt", null, "2025-03-27"],
      ["seeds/001_37545d6c4a403162.txt", null, null],
    ]);
    expect(seeds[2]?.report.title).toBe("Kim soll weitere Soldaten nach Russland geschickt haben");
    expect(seeds[3]?.report.title).toBeNull();
    expect(seeds[4]?.seed.note).toMatch(/late October or early November 2024/);
  });

  it("names the file and the field when the seed list is wrong", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zw-seeds-"));
    try {
      writeFileSync(
        join(dir, "seeds.json"),
        JSON.stringify([{ file: "a.txt", lang: "fr", outlet: null, date: null }]),
      );
      await expect(readSeeds(dir)).rejects.toThrow(/seeds\.json.*lang/s);
      writeFileSync(join(dir, "seeds.json"), "{not json");
      await expect(readSeeds(dir)).rejects.toThrow(/cannot read the seed list .*seeds\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("loadBaseline", () => {
  let server: TestRedis;
  let redis: Redis;

  beforeAll(async () => {
    server = await startTestRedis();
    redis = new Redis(server.url);
    const seeds = Object.values(SEED_ARTICLES);
    const figuresByText = new Map(
      (await readSeeds(seedsDir)).map((s) => [
        s.text,
        seeds.find((g) => g.report.url === s.report.url)!.figures,
      ]),
    );
    goldExtractor = (text) => figuresByText.get(text) ?? [];
  });
  afterAll(async () => {
    redis.disconnect();
    await server.dispose();
  });
  beforeEach(() => redis.flushall());

  it("loads the seeds into an empty ledger once, with the seeds' own events, and is a no-op after", async () => {
    const ledger = new ClaimLedger(redis, { prefix: "t:" });
    const first = await loadBaseline(ledger, { seedsDir, extractFigures: goldExtractor });
    expect(first.loaded).toBe(true);
    expect(first.events.map(eventSummary)).toContain(
      "inconsistency troops_deployed_total: additional_mismatch, expected 14000, reported 11000",
    );
    // 12 metrics first reported, one of them again for a place no claim before named; a projection;
    // the inconsistency.
    expect(first.events).toHaveLength(15);
    const estimates = await ledger.estimates();
    expect(estimates).toHaveLength(12);

    const second = await loadBaseline(ledger, { seedsDir, extractFigures: goldExtractor });
    expect(second).toMatchObject({ loaded: false, events: [] });
    expect(await ledger.estimates()).toEqual(estimates);
  });

  it("writes nothing when the extractor fails on any seed", async () => {
    const ledger = new ClaimLedger(redis, { prefix: "t:" });
    const failing: ExtractFigures = (text, options) => {
      if (options.date === null) throw new Error("extractor broke");
      return goldExtractor(text, options);
    };
    await expect(loadBaseline(ledger, { seedsDir, extractFigures: failing })).rejects.toThrow(
      /extractor broke/,
    );
    expect(await ledger.isEmpty()).toBe(true);
  });

  it("does nothing to a ledger that already has claims", async () => {
    const ledger = new ClaimLedger(redis, { prefix: "t:" });
    const { report, figures } = SEED_ARTICLES.s000;
    await ledger.ingestArticle(report, figures);
    const result = await loadBaseline(ledger, { seedsDir, extractFigures: goldExtractor });
    expect(result.loaded).toBe(false);
    expect(await ledger.metrics()).toEqual(["troops_deployed_total", "ammo_share_percent"]);
  });
});
