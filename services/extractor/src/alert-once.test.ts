import type { ArticleJob, Claim, Event, Figure } from "@zw/core";
import { createQueues, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestRedis } from "../../../tests/fixtures/redis";
import { type ExtractorDeps, processArticle } from "./process-article";

const figure: Figure = {
  metric: "killed",
  min: 2000,
  max: 2000,
  qualifier: "approx",
  source: "NIS",
  modality: "reported",
  region: null,
  date: "2025-09-10",
  quote: "about 2,000 killed",
  span: [0, 1],
};
const claim: Claim = {
  ...figure,
  id: "c1",
  url: "https://news.example/a",
  outlet: "news.example",
  title: "T",
  publishedAt: "2025-09-10T02:00:00Z",
  reports: [{ url: "https://news.example/a", outlet: "news.example", title: "T", publishedAt: null }],
};
const changed: Event = {
  type: "estimate_changed",
  id: "ev-changed",
  metric: "killed",
  basis: "revision",
  previous: { ...claim, id: "c0", min: 600, max: 600 },
  current: claim,
  change: { absolute: 1400, relative: 2.33, direction: "up" },
};
const conflict: Event = {
  type: "conflict",
  id: "ev-conflict",
  metric: "killed",
  claims: [{ ...claim, id: "c9", source: "KP_GOV", min: 9, max: 9 }, claim],
};
const article: ArticleJob = {
  url: "https://news.example/a",
  feedUrl: "https://news.example/feed",
  title: "T",
  outlet: "news.example",
  publishedAt: "2025-09-10T02:00:00Z",
  lang: "en",
  content: "item text",
  fullText: false,
};
const channel = {
  guildId: "100000000000000001",
  channelId: "200000000000000001",
  roleId: null,
  lang: "en" as const,
};

describe("an article's message on a real queue", () => {
  const suite = useTestRedis();
  let connection: ReturnType<typeof connectRedis>;
  let queues: Queues;
  beforeAll(() => {
    connection = connectRedis(suite.server.url, "alert-once-test");
    queues = createQueues(connection);
  });
  beforeEach(async () => {
    await connection.flushall();
  });
  afterAll(async () => {
    await queues.close();
    connection.disconnect();
  });

  function deps(news: () => Set<string>, failAfterEnqueue: { on: boolean }): ExtractorDeps {
    return {
      pageText: async () => null,
      extractFigures: () => [figure],
      detectLanguage: () => "en",
      contentHash: (text) => `hash(${text})`,
      // A replayed article gets its recorded events back, as the ledger does.
      ingest: async () => [changed, conflict],
      isNews: async (event) => news().has(event.id),
      alertTargets: async () => [channel],
      enqueueAlert: async (job, articleKey) => {
        const id = await queues.enqueueAlert(job, articleKey);
        if (failAfterEnqueue.on) throw new Error("worker died after the enqueue");
        return id;
      },
    };
  }

  it("a retry that sees other news events does not enqueue a second message for the channel", async () => {
    // First attempt: both events are news; the worker dies after enqueueing. Meanwhile the conflict's
    // older claim aged out of news, so the retry would post only the change: a second, overlapping message.
    let news = new Set(["ev-changed", "ev-conflict"]);
    const failing = { on: true };
    const d = deps(() => news, failing);
    await expect(processArticle(article, d)).rejects.toThrow("worker died");
    news = new Set(["ev-changed"]);
    failing.on = false;
    await processArticle(article, d);
    const jobs = await queues.alert.getJobs(["waiting", "delayed", "active", "completed", "failed"]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.data.alerts.map((a) => a.id)).toEqual(["ev-changed", "ev-conflict"]);
  });

  it("the same article and channel always give the same job id; another channel or content another", async () => {
    const d = deps(() => new Set(["ev-changed"]), { on: false });
    const ids: string[] = [];
    const record: ExtractorDeps = {
      ...d,
      enqueueAlert: async (job, key) => {
        const id = await queues.enqueueAlert(job, key);
        ids.push(id);
        return id;
      },
    };
    await processArticle(article, record);
    await processArticle(article, { ...record, isNews: async () => true });
    await processArticle({ ...article, content: "updated item text" }, record);
    await processArticle(article, {
      ...record,
      alertTargets: async () => [{ ...channel, channelId: "200000000000000002" }],
    });
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /^alert-[0-9a-f]{16}-\d+$/.test(id))).toBe(true);
  });
});
