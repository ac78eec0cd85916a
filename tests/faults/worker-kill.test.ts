import { rmSync } from "node:fs";
import { DEFAULT_EVENT_TYPES } from "@zw/core";
import { type FeedServer, startFeedServer } from "@zw/feed-server";
import { type Connection, createQueues, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { GuildStore } from "@zw/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fixtures/fake-discord";
import { NEWS_PAGES } from "../fixtures/news-pages";
import { startTestRedis, type TestRedis } from "../fixtures/redis";
import { waitFor } from "../fixtures/wait-for";
import { configDir, killHard, startZw, stopZw, type ZwProcess } from "../fixtures/zw-process";

/**
 * Workers killed with SIGKILL in the middle of a job, as real `zw start --only …` processes: the
 * job's lock expires, BullMQ's stalled check hands it to the next worker, and the alert it leads
 * to is posted once. Locks are shortened in the config (workers.*) so this takes seconds.
 */

const GUILD = "310000000000000001";
const CHANNEL = "310000000000000011";
const TOKEN = "MzEwMDAwMDAwMDAwMDAwMDA5.kill-test.secret-token";
const LOCK = { lockDurationMs: 5_000, stalledIntervalMs: 2_000 };

let redis: TestRedis;
let fake: FakeDiscord;
let feeds: FeedServer;
let cwd: string;
let connection: Connection;
let queues: Queues;
const processes: ZwProcess[] = [];

function start(services: string[]): Promise<ZwProcess> {
  const env = {
    REDIS_URL: redis.url,
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    ZW_ALLOW_PRIVATE_FEEDS: "true",
    LOG_LEVEL: "info",
  };
  return startZw(services, { cwd, env }).then((zw) => {
    processes.push(zw);
    return zw;
  });
}

const posted = () => fake.messages.get(CHANNEL) ?? [];
const titles = () => fake.embedTitles(CHANNEL);

beforeAll(async () => {
  redis = await startTestRedis();
  fake = await startFakeDiscord();
  feeds = await startFeedServer();
  feeds.setFeed("/wire.xml", "Wire", []);
  cwd = configDir({
    feeds: [{ url: `${feeds.url}/wire.xml`, name: "Wire", lang: "en" }],
    keywords: ["North Korea"],
    // The test enqueues the polls; the scheduler is not running.
    schedulerCron: "0 0 1 1 *",
    // A hanging page must outlast the kill, not time out first.
    fetch: { totalTimeoutMs: 120_000 },
    workers: LOCK,
  });
  connection = connectRedis(redis.url);
  queues = createQueues(connection);
  await new GuildStore(connection).upsertSubscription({
    guildId: GUILD,
    channelId: CHANNEL,
    events: [...DEFAULT_EVENT_TYPES],
  });
}, 60_000);

afterAll(async () => {
  for (const zw of processes) zw.child.kill("SIGKILL");
  await queues?.close();
  connection?.disconnect();
  await feeds?.close();
  await fake?.stop();
  await redis?.dispose();
  rmSync(cwd, { recursive: true, force: true });
});

describe("a worker killed mid-job", () => {
  let frontend: ZwProcess;

  it("extractor killed while reading the page: the next extractor takes the job, one alert", async () => {
    frontend = await start(["fetcher", "notifier"]);
    const extractor = await start(["extractor"]);
    const page = NEWS_PAGES.nis14000;
    feeds.publish("/wire.xml", page);
    feeds.setFault(page.path, { kind: "hang" });
    await queues.enqueuePoll({ feedUrl: `${feeds.url}/wire.xml`, slot: "kill-1" });

    const job = await waitFor(
      "the article job to be active, its page hanging",
      async () => {
        const [active] = await queues.article.getJobs(["active"]);
        const pageAsked = feeds.requests.some((r) => r.path === page.path);
        return pageAsked ? active : null;
      },
      60_000,
    );
    await killHard(extractor);
    const killedAt = Date.now();
    feeds.setFault(page.path, null);
    expect(await queues.article.getJobState(job.id!)).toBe("active");

    await start(["extractor"]);
    await waitFor("the alert", () => posted().length > 0, 120_000);
    const recoveredMs = Date.now() - killedAt;
    await waitFor(
      "the job to complete",
      async () => (await queues.article.getJobState(job.id!)) === "completed",
    );
    // Anything posted twice would arrive right behind the first.
    await new Promise((ok) => setTimeout(ok, 2_000));
    // NIS revising its undated 12,000 of the seed baseline.
    expect(titles()).toEqual(["Troops deployed (total): 12,000 → about 14,000"]);
    expect(feeds.requests.filter((r) => r.path === page.path).length).toBeGreaterThanOrEqual(2);
    console.info(`extractor SIGKILL → alert posted by the next extractor: ${recoveredMs} ms`);
  }, 300_000);

  it("notifier killed while Discord holds its post (429): the next notifier posts it once", async () => {
    // discord.js waits out the 429 inside the post, so the alert job stays active meanwhile.
    fake.fail({ method: "POST", path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 30 });
    const postsBefore = fake.requestsTo("POST", /^\/channels\/\d+\/messages$/).length;
    feeds.publish("/wire.xml", NEWS_PAGES.jcs20000);
    await queues.enqueuePoll({ feedUrl: `${feeds.url}/wire.xml`, slot: "kill-2" });
    const job = await waitFor(
      "the alert job to be active, held by the 429",
      async () => {
        const [active] = await queues.alert.getJobs(["active"]);
        const held = fake.requestsTo("POST", /^\/channels\/\d+\/messages$/).length > postsBefore;
        return held ? active : null;
      },
      120_000,
    );
    await killHard(frontend);
    const killedAt = Date.now();
    frontend = await start(["fetcher", "notifier"]);
    await waitFor("the article's message", () => posted().length === 2, 120_000);
    const recoveredMs = Date.now() - killedAt;
    await waitFor(
      "the job to complete",
      async () => (await queues.alert.getJobState(job.id!)) === "completed",
    );
    await new Promise((ok) => setTimeout(ok, 2_000));
    // JCS revises its March 11,000, and 20,000 conflicts with NIS's 14,000 of four weeks before:
    // two alerts of one article, one message, the change first.
    expect(titles()).toEqual([
      "Troops deployed (total): 12,000 → about 14,000",
      "Troops deployed (total): about 11,000 → about 20,000",
    ]);
    const last = posted().at(-1)!.body.embeds as Array<{ title?: string }>;
    expect(last.map((e) => e.title)).toEqual([
      "Troops deployed (total): about 11,000 → about 20,000",
      "Conflicting figures: Troops deployed (total)",
    ]);
    console.info(`notifier SIGKILL → alert posted by the next notifier: ${recoveredMs} ms`);
  }, 300_000);

  it("fetcher killed while the feed hangs: the next fetcher polls it, the article goes through once", async () => {
    feeds.publish("/wire.xml", NEWS_PAGES.nis25000);
    feeds.setFault("/wire.xml", { kind: "hang" });
    const before = titles().length;
    const id = await queues.enqueuePoll({ feedUrl: `${feeds.url}/wire.xml`, slot: "kill-3" });
    await waitFor(
      "the poll to be active, the feed hanging",
      async () =>
        (await queues.poll.getJobState(id)) === "active" && feeds.requests.at(-1)?.path === "/wire.xml",
      60_000,
    );
    await killHard(frontend);
    const killedAt = Date.now();
    feeds.setFault("/wire.xml", null);
    frontend = await start(["fetcher", "notifier"]);
    await waitFor("the article's alert", () => titles().some((t) => t.endsWith("→ about 25,000")), 120_000);
    const recoveredMs = Date.now() - killedAt;
    await new Promise((ok) => setTimeout(ok, 2_000));
    expect(titles().slice(before)).toEqual(["Troops deployed (total): about 14,000 → about 25,000"]);
    expect(await queues.poll.getJobState(id)).toBe("completed");
    console.info(`fetcher SIGKILL → the article's alert via the next fetcher: ${recoveredMs} ms`);
    expect(await stopZw(frontend)).toBe(0);
  }, 300_000);
});
