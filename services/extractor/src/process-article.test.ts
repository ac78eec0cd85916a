import type { AlertJob, ArticleJob, Event, Figure } from "@zw/core";
import { describe, expect, it } from "vitest";
import { type ExtractorDeps, processArticle } from "./process-article";

const figure: Figure = {
  metric: "troops_deployed_total",
  min: 14000,
  max: 14000,
  qualifier: "approx",
  source: "NIS",
  modality: "reported",
  region: null,
  date: "2025-04-30",
  quote: "q",
  span: [0, 1],
};
const event = { type: "new_metric", id: "ev1", metric: "troops_deployed_total" } as unknown as Event;

function article(overrides: Partial<ArticleJob> = {}): ArticleJob {
  return {
    url: "https://news.example/a",
    feedUrl: "https://news.example/feed",
    title: "T",
    outlet: "news.example",
    publishedAt: "2025-04-30T02:00:00Z",
    lang: null,
    content: "item text",
    fullText: true,
    ...overrides,
  };
}

function deps(page: string | null, news = true, events: Event[] = [event]) {
  const seen: { text?: string; lang?: string; date?: string | null; hash?: string } = {};
  const alerts: AlertJob[] = [];
  const keys: { url: string; contentHash: string }[] = [];
  const d: ExtractorDeps = {
    pageText: async () => page,
    extractFigures: (text, options) => {
      seen.text = text;
      seen.lang = options.lang;
      seen.date = options.date;
      return [figure];
    },
    detectLanguage: () => "en",
    contentHash: (text) => `hash(${text})`,
    ingest: async (report) => {
      seen.hash = report.contentHash;
      return events;
    },
    isNews: async (e) => news && e.id !== "old",
    alertTargets: async () => [
      { guildId: "100000000000000001", channelId: "200000000000000001", roleId: null, lang: "de" },
      {
        guildId: "100000000000000002",
        channelId: "200000000000000002",
        roleId: "300000000000000003",
        lang: "en",
      },
    ],
    enqueueAlert: async (job, key) => {
      alerts.push(job);
      keys.push(key);
      return "id";
    },
  };
  return { d, seen, alerts, keys };
}

describe("processArticle", () => {
  it("reads the page, detects the language, dates by publication and fans out one alert per channel", async () => {
    const { d, seen, alerts, keys } = deps("page text");
    const outcome = await processArticle(article(), d);
    expect(seen).toEqual({
      text: "page text",
      lang: "en",
      date: "2025-04-30",
      hash: "hash(https://news.example/a\nT\nitem text)",
    });
    expect(outcome).toMatchObject({ figures: [figure], alerts: 2, textFrom: "page" });
    expect(alerts.map((a) => [a.channelId, a.lang, a.roleId])).toEqual([
      ["200000000000000001", "de", null],
      ["200000000000000002", "en", "300000000000000003"],
    ]);
    // Each message is keyed by the article (URL and the hash the ledger knows it by).
    const key = { url: "https://news.example/a", contentHash: "hash(https://news.example/a\nT\nitem text)" };
    expect(keys).toEqual([key, key]);
  });

  it("sends each channel one job with all the article's news events, in the ledger's order", async () => {
    const conflict = { type: "conflict", id: "ev2", metric: "killed" } as unknown as Event;
    const old = { type: "conflict", id: "old", metric: "killed" } as unknown as Event;
    const { d, alerts } = deps("page text", true, [event, old, conflict]);
    expect((await processArticle(article(), d)).alerts).toBe(2);
    expect(alerts.map((a) => [a.channelId, a.alerts.map((e) => e.id)])).toEqual([
      ["200000000000000001", ["ev1", "ev2"]],
      ["200000000000000002", ["ev1", "ev2"]],
    ]);
  });

  it("falls back to the item's text when the page has none, and keeps a given language", async () => {
    const { d, seen } = deps(null);
    const outcome = await processArticle(article({ lang: "de" }), d);
    expect(seen.text).toBe("item text");
    expect(seen.lang).toBe("de");
    expect(outcome.textFrom).toBe("item");
  });

  it("does not fetch the page of a feed that is not full-text", async () => {
    const { d, seen } = deps("page text");
    await processArticle(article({ fullText: false }), d);
    expect(seen.text).toBe("item text");
  });

  it("records but does not alert an event that is history", async () => {
    const { d, alerts } = deps("page text", false);
    const outcome = await processArticle(article(), d);
    expect(outcome).toMatchObject({ events: [event], alerts: 0 });
    expect(alerts).toEqual([]);
  });

  it("a job retried after its alerts failed to enqueue still alerts, though the page changed meanwhile", async () => {
    // The ledger's rule: the same URL and hash is a replay (its recorded events come back); another
    // hash is judged anew, and claims already recorded cause no event.
    const recorded = new Map<string, string>();
    const pages = ["page text", "page text, updated"];
    let enqueueFails = true;
    const { d, alerts } = deps(null);
    const retried: ExtractorDeps = {
      ...d,
      pageText: async () => pages.shift() ?? null,
      ingest: async (report) => {
        const before = recorded.get(report.url);
        recorded.set(report.url, report.contentHash);
        return before === undefined || before === report.contentHash ? [event] : [];
      },
      enqueueAlert: async (job, key) => {
        if (enqueueFails) throw new Error("Redis went away");
        return d.enqueueAlert(job, key);
      },
    };
    await expect(processArticle(article(), retried)).rejects.toThrow("Redis went away");
    enqueueFails = false;
    expect((await processArticle(article(), retried)).alerts).toBe(2);
    expect(alerts).toHaveLength(2);
  });

  it("does nothing without any text", async () => {
    const { d, alerts } = deps(null);
    const outcome = await processArticle(article({ content: null }), d);
    expect(outcome).toEqual({ figures: [], events: [], alerts: 0, textFrom: "none" });
    expect(alerts).toEqual([]);
  });
});
