import { type ArticleJob, type Config, ConfigSchema, type FeedHealthNotice, FeedSchema } from "@zw/core";
import { type FeedServer, type PublishedArticle, startFeedServer } from "@zw/feed-server";
import { type Fetcher, startFetcher } from "@zw/fetcher";
import { createLogger, createMetrics, type Metrics } from "@zw/observability";
import { type Connection, createQueues, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { type Scheduler, startScheduler } from "@zw/scheduler";
import { FeedStateStore } from "@zw/store";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "./fixtures/redis";
import { waitFor } from "./fixtures/wait-for";

const logger = createLogger({ logLevel: "silent" });
const t0 = new Date("2026-11-24T04:00:00.000Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

function article(path: string, title: string, summary: string, extra: Partial<PublishedArticle> = {}) {
  return { path, title, paragraphs: [summary], summary, publishedAt: "2026-11-23T10:00:00Z", ...extra };
}

describe("scheduler → fetcher → article queue", () => {
  let redis: TestRedis;
  let feeds: FeedServer;
  let connection: Connection;
  let queues: Queues;
  let running: { schedulers: Scheduler[]; fetchers: Fetcher[] };
  let now: Date;
  let notices: FeedHealthNotice[];
  /** How many notices the alert queue refuses next (Redis away at that moment). */
  let noticesRefused: number;
  let metrics: Metrics;

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.dispose();
  });
  beforeEach(async () => {
    feeds = await startFeedServer();
    connection = connectRedis(redis.url);
    await connection.flushall();
    queues = createQueues(connection);
    running = { schedulers: [], fetchers: [] };
    now = t0;
    notices = [];
    noticesRefused = 0;
    metrics = createMetrics();
  });
  afterEach(async () => {
    for (const fetcher of running.fetchers) await fetcher.stop(2_000);
    for (const scheduler of running.schedulers) await scheduler.stop();
    await queues.close();
    connection.disconnect();
    await feeds.close();
  });

  /** Operator feeds on the local server (trusted, so 127.0.0.1 is allowed). */
  function configFor(paths: string[], overrides: Record<string, unknown> = {}): Config {
    return ConfigSchema.parse({
      feeds: paths.map((path) => ({ url: feeds.url + path, name: path.slice(1), lang: "de" })),
      keywords: ["Nordkorea"],
      pollIntervalMinutes: 5,
      ...overrides,
    });
  }

  function start(
    config: Config,
    copies = 1,
    extra: { guildFeeds?: string[]; guildKeywords?: string[] } = {},
  ) {
    for (let i = 0; i < copies; i++) {
      running.schedulers.push(
        startScheduler({
          config,
          connection,
          logger,
          cron: false,
          listFeeds: async () => (extra.guildFeeds ?? []).map((url) => FeedSchema.parse({ url })),
        }),
      );
      running.fetchers.push(
        startFetcher({
          config,
          connection,
          logger,
          metrics,
          clock: () => now,
          listKeywords: async () => extra.guildKeywords ?? [],
          onFeedHealthChange: async (notice) => {
            if (noticesRefused > 0) {
              noticesRefused--;
              throw new Error("the alert queue is unreachable");
            }
            notices.push(notice);
          },
        }),
      );
    }
  }

  /** Every scheduler ticks at `at`; resolves when the fetchers have handled every poll. */
  async function tickAll(at: Date) {
    now = at;
    await Promise.all(running.schedulers.map((scheduler) => scheduler.tick(at)));
    await waitFor("the polls to be handled", async () => {
      const counts = await queues.poll.getJobCounts("waiting", "active", "delayed", "prioritized");
      return Object.values(counts).every((count) => count === 0);
    });
  }

  async function articleJobs(): Promise<ArticleJob[]> {
    return (await queues.article.getJobs(["waiting", "active", "completed", "failed", "delayed"])).map(
      (j) => j.data,
    );
  }

  const requestsTo = (path: string) => feeds.requests.filter((request) => request.path === path);

  it("two fetchers and two schedulers on one Redis poll each feed once per slot", async () => {
    for (const path of ["/a", "/b", "/c"]) {
      feeds.setFeed(path, path, [article(`${path}/1`, `Nordkorea schickt Soldaten (${path})`, "Text")]);
    }
    start(configFor(["/a", "/b", "/c"]), 2);
    await tickAll(t0);
    await tickAll(t0);
    await tickAll(minutes(0.25));
    await tickAll(minutes(0.25));
    for (const path of ["/a", "/b", "/c"]) {
      // The slot may begin within the first quarter minute: then two polls, never more.
      expect(requestsTo(path).length).toBeGreaterThanOrEqual(1);
      expect(requestsTo(path).length).toBeLessThanOrEqual(2);
    }
    const before = feeds.requests.length;
    await tickAll(minutes(5.25));
    await tickAll(minutes(5.25));
    expect(feeds.requests.length - before).toBe(3);
    expect((await articleJobs()).length).toBe(3);
  });

  it("sends the validators again, and a 304 creates no article job", async () => {
    feeds.setFeed("/news", "News", [article("/n/1", "Nordkorea: 12.000 Soldaten", "Laut NIS")]);
    start(configFor(["/news"]));
    await tickAll(t0);
    expect(await articleJobs()).toHaveLength(1);
    await tickAll(minutes(5));
    const [first, second] = requestsTo("/news");
    expect(first).toMatchObject({ status: 200, ifNoneMatch: null });
    expect(second?.status).toBe(304);
    expect(second?.ifNoneMatch).toMatch(/^".+"$/);
    expect(second?.ifModifiedSince).toBeTruthy();
    expect(await articleJobs()).toHaveLength(1);
    const polls = await metrics.registry.getSingleMetricAsString("zw_feed_polls_total");
    expect(polls).toContain('outcome="ok"} 1');
    expect(polls).toContain('outcome="not_modified"} 1');
  });

  it("turns an item in two feeds, or reprinted under another URL, into one article job", async () => {
    const shared = article("/story/1", "Nordkorea verstärkt Truppen in Kursk", "Rund 3.000 weitere Soldaten");
    feeds.setFeed("/one", "One", [shared]);
    feeds.setFeed("/two", "Two", [
      { ...shared, link: `${feeds.url}/story/1?utm_source=rss` },
      // The same text under another URL: a reprint.
      { ...shared, path: "/reprint/1", link: undefined },
      article("/story/2", "Nordkorea: neue Zahlen", "Eine andere Meldung"),
    ]);
    start(configFor(["/one", "/two"]), 2);
    await tickAll(t0);
    const urls = (await articleJobs()).map((job) => job.url).sort();
    expect(urls).toEqual([`${feeds.url}/story/1`, `${feeds.url}/story/2`]);
    const items = await metrics.registry.getSingleMetricAsString("zw_feed_items_total");
    expect(items).toContain('kind="new"} 2');
    expect(items).toContain('kind="duplicate"} 2');
    const job = (await articleJobs()).find((j) => j.url.endsWith("/story/2"));
    expect(job).toMatchObject({ lang: "de", fullText: true, title: "Nordkorea: neue Zahlen" });
    expect(job?.outlet).toMatch(/^(one|two)$/);
  });

  it("keeps only items mentioning a watched keyword, umlauts spelled either way", async () => {
    feeds.setFeed("/mix", "Mix", [
      article("/k/1", "Raketen aus Pjöngjang", "Neue Tests"),
      article("/k/2", "Nordkoreanische Soldaten in Kursk", "Bericht"),
      article("/k/3", "Wetter in Berlin", "Sonnig"),
      article("/k/4", "Südkorea wählt", "Seoul"),
    ]);
    start(configFor(["/mix"]), 1, { guildKeywords: ["Pjoengjang"] });
    await tickAll(t0);
    const urls = (await articleJobs()).map((job) => job.url).sort();
    expect(urls).toEqual([`${feeds.url}/k/1`, `${feeds.url}/k/2`]);
  });

  it("backs a failing feed off exponentially while the others continue, and it recovers by itself", async () => {
    feeds.setFeed("/good", "Good", [article("/g/1", "Nordkorea", "Gut")]);
    feeds.setFeed("/bad", "Bad", [article("/b/1", "Nordkorea", "Schlecht")]);
    feeds.setFault("/bad", { kind: "status", status: 503 });
    start(configFor(["/good", "/bad"]));
    const badAt: number[] = [];
    const goodAt: number[] = [];
    for (let minute = 0; minute <= 100; minute++) {
      if (minute === 50) feeds.setFault("/bad", null);
      const [bad, good] = [requestsTo("/bad").length, requestsTo("/good").length];
      await tickAll(minutes(minute));
      if (requestsTo("/bad").length > bad) badAt.push(minute);
      if (requestsTo("/good").length > good) goodAt.push(minute);
    }
    // Failures at 0, 5, 15, 35: waits of 5, 10, 20, 40 minutes; the poll at 75 succeeds, and from
    // its next slot on the feed is polled every 5 minutes again.
    expect(badAt.slice(0, 5)).toEqual([0, 5, 15, 35, 75]);
    expect(badAt[5]! - 75).toBeLessThanOrEqual(5);
    const afterRecovery = badAt.slice(5);
    for (let i = 1; i < afterRecovery.length; i++) expect(afterRecovery[i]! - afterRecovery[i - 1]!).toBe(5);
    expect(afterRecovery.length).toBeGreaterThanOrEqual(5);
    // The good feed was polled in every slot throughout (its first slot began before minute 0).
    expect(goodAt[1]! - goodAt[0]!).toBeLessThanOrEqual(5);
    for (let i = 2; i < goodAt.length; i++) expect(goodAt[i]! - goodAt[i - 1]!).toBe(5);
    expect(goodAt.length).toBeGreaterThanOrEqual(20);

    expect(notices.map((n) => [n.type, n.feedUrl])).toEqual([
      ["feed_failing", `${feeds.url}/bad`],
      ["feed_recovered", `${feeds.url}/bad`],
    ]);
    expect(notices[0]?.reason).toMatch(/^http_status/);
    expect(notices[0]?.id).not.toBe(notices[1]?.id);
    const health = await new FeedStateStore(connection).health(`${feeds.url}/bad`);
    expect(health).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: minutes(badAt.at(-1)!).toISOString(),
    });
    expect(health?.lastError).toMatch(/503/);
  });

  it("hands a feed-failing notice on at the next poll when it could not be handed on at once", async () => {
    feeds.setFeed("/bad", "Bad", [article("/b/1", "Nordkorea", "Schlecht")]);
    feeds.setFault("/bad", { kind: "status", status: 503 });
    start(configFor(["/bad"]));
    noticesRefused = 1;
    // Failures at 0, 5 and 15 make it failing (its notice refused); the poll at 35 hands it on.
    for (const minute of [0, 5, 15]) await tickAll(minutes(minute));
    expect(noticesRefused).toBe(0);
    expect(notices).toEqual([]);
    await tickAll(minutes(35));
    expect(notices.map((n) => [n.type, n.feedUrl])).toEqual([["feed_failing", `${feeds.url}/bad`]]);
    expect(notices[0]?.id).toContain(String(minutes(15).getTime()));
    // Handed on once: later polls do not repeat it.
    await tickAll(minutes(75));
    expect(notices).toHaveLength(1);
    expect(await new FeedStateStore(connection).pendingNotice(`${feeds.url}/bad`)).toBeNull();
  });

  it("refuses a guild's feed on a private address unless the operator allows private feeds", async () => {
    feeds.setFeed("/private", "Private", [article("/p/1", "Nordkorea", "Text")]);
    const guildFeed = `${feeds.url}/private`;
    start(configFor([]), 1, { guildFeeds: [guildFeed] });
    await tickAll(t0);
    expect(requestsTo("/private")).toHaveLength(0);
    const health = await new FeedStateStore(connection).health(guildFeed);
    expect(health?.lastError).toMatch(/^blocked_address/);

    for (const scheduler of running.schedulers) await scheduler.stop();
    for (const fetcher of running.fetchers) await fetcher.stop();
    running = { schedulers: [], fetchers: [] };
    start(configFor([], { allowPrivateFeeds: true }), 1, { guildFeeds: [guildFeed] });
    await tickAll(minutes(5));
    expect(requestsTo("/private")).toHaveLength(1);
    expect(await articleJobs()).toHaveLength(1);
  });
});
