import { type Config, ConfigSchema, type Feed, FeedSchema } from "@zw/core";
import { createLogger } from "@zw/observability";
import { type Connection, createQueues, pollJobId, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { FeedStateStore } from "@zw/store";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../tests/fixtures/redis";
import { type Scheduler, startScheduler } from "./scheduler";

const logger = createLogger({ logLevel: "silent" });
const operatorFeed = "https://operator.example/feed.xml";
const guildFeeds = ["https://guild-a.example/rss", "https://guild-b.example/atom"];
const t0 = new Date("2026-11-24T04:00:00.000Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe("startScheduler", () => {
  let server: TestRedis;
  let connection: Connection;
  let queues: Queues;
  let schedulers: Scheduler[];
  let config: Config;
  const listFeeds = async (): Promise<Feed[]> => [
    // The operator's feed again, as a guild added it: polled once, with the operator's settings.
    FeedSchema.parse({ url: operatorFeed, name: "guild's name" }),
    ...guildFeeds.map((url) => FeedSchema.parse({ url })),
  ];

  beforeAll(async () => {
    server = await startTestRedis();
  });
  afterAll(async () => {
    await server.dispose();
  });
  beforeEach(async () => {
    connection = connectRedis(server.url);
    await connection.flushall();
    queues = createQueues(connection);
    config = ConfigSchema.parse({ feeds: [{ url: operatorFeed, name: "Operator" }], pollIntervalMinutes: 5 });
    schedulers = [];
  });
  afterEach(async () => {
    for (const scheduler of schedulers) await scheduler.stop();
    await queues.close();
    connection.disconnect();
  });

  function start(): Scheduler {
    const scheduler = startScheduler({ config, connection, listFeeds, logger, cron: false });
    schedulers.push(scheduler);
    return scheduler;
  }

  async function pollJobs() {
    return (await queues.poll.getJobs(["waiting", "delayed", "active", "completed", "failed"])).map(
      (j) => j.data,
    );
  }

  it("two schedulers ticking the same slot enqueue one poll per feed", async () => {
    const [a, b] = [start(), start()];
    await Promise.all([a.tick(t0), b.tick(t0), a.tick(t0), b.tick(t0)]);
    const jobs = await pollJobs();
    expect(jobs.map((job) => job.feedUrl).sort()).toEqual([...guildFeeds, operatorFeed].sort());
    const operatorJob = jobs.find((job) => job.feedUrl === operatorFeed);
    expect(operatorJob?.feed?.name).toBe("Operator");
    for (const job of jobs) {
      expect(await queues.poll.getJob(pollJobId(job.feedUrl, job.slot))).toBeTruthy();
    }
  });

  it("enqueues each feed once per interval as time passes", async () => {
    const scheduler = start();
    for (let minute = 0; minute < 15; minute++) await scheduler.tick(minutes(minute));
    const perFeed = new Map<string, number>();
    for (const job of await pollJobs()) perFeed.set(job.feedUrl, (perFeed.get(job.feedUrl) ?? 0) + 1);
    // 15 minutes at one poll per 5: three slots, or four when a feed's offset splits the first.
    for (const url of [operatorFeed, ...guildFeeds]) {
      expect(perFeed.get(url)).toBeGreaterThanOrEqual(3);
      expect(perFeed.get(url)).toBeLessThanOrEqual(4);
    }
  });

  it("skips a feed that is backing off while the others continue, and polls it again when its time comes", async () => {
    const state = new FeedStateStore(connection);
    const failing = guildFeeds[0]!;
    await state.recordFailure(failing, "http_status: HTTP 500", {
      at: t0,
      intervalMinutes: 5,
      maxBackoffMinutes: 360,
    });
    await state.recordFailure(failing, "http_status: HTTP 500", {
      at: t0,
      intervalMinutes: 5,
      maxBackoffMinutes: 360,
    });
    const scheduler = start();
    const first = await scheduler.tick(minutes(1));
    expect(first.backingOff).toEqual([failing]);
    expect(first.polled.sort()).toEqual([guildFeeds[1], operatorFeed].sort());
    expect((await scheduler.tick(minutes(9))).backingOff).toEqual([failing]);
    const later = await scheduler.tick(minutes(10));
    expect(later.backingOff).toEqual([]);
    expect(later.polled).toContain(failing);
  });

  it("refuses an invalid cron expression with a clear error", () => {
    config = { ...config, schedulerCron: "every minute" };
    expect(() => startScheduler({ config, connection, logger })).toThrow(/schedulerCron.*not a valid cron/);
  });

  it("ticks on its own with cron", async () => {
    const scheduler = startScheduler({ config, connection, listFeeds, logger });
    schedulers.push(scheduler);
    // The first tick runs at start, before the first cron minute.
    await expect.poll(async () => (await pollJobs()).length, { timeout: 5_000 }).toBe(3);
  });
});
