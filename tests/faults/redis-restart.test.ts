import { rmSync } from "node:fs";
import { DEFAULT_EVENT_TYPES } from "@zw/core";
import { type FeedServer, startFeedServer } from "@zw/feed-server";
import { type Connection, createQueues, pollJobId, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { ClaimLedger, FeedStateStore, GuildStore } from "@zw/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fixtures/fake-discord";
import { NEWS_PAGES } from "../fixtures/news-pages";
import { startTestRedis, type TestRedis } from "../fixtures/redis";
import { waitFor } from "../fixtures/wait-for";
import { configDir, startZw, stopZw, type ZwProcess } from "../fixtures/zw-process";

/**
 * redis-server (AOF everysec, as infra/redis.conf) killed with SIGKILL and started again on the
 * same port and directory while `zw start` runs in another process: the stored state is all
 * there, a job queued before the crash runs after it, and the services carry on by themselves.
 */

const GUILD = "320000000000000001";
const CHANNEL = "320000000000000011";
const TOKEN = "MzIwMDAwMDAwMDAwMDAwMDA5.redis-test.secret-token";

let redis: TestRedis;
let fake: FakeDiscord;
let feeds: FeedServer;
let cwd: string;
let connection: Connection;
let queues: Queues;
let zw: ZwProcess;

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
    schedulerCron: "0 0 1 1 *",
  });
  connection = connectRedis(redis.url);
  queues = createQueues(connection);
}, 60_000);

afterAll(async () => {
  zw?.child.kill("SIGKILL");
  await queues?.close();
  connection?.disconnect();
  await feeds?.close();
  await fake?.stop();
  await redis?.dispose();
  rmSync(cwd, { recursive: true, force: true });
});

/** Everything the bot keeps in Redis, read through the stores. */
async function snapshot() {
  const ledger = new ClaimLedger(connection);
  const guilds = new GuildStore(connection);
  return {
    estimates: await ledger.estimates(),
    claims: await ledger.history("troops_deployed_total"),
    subscriptions: await guilds.subscriptions(GUILD),
    keywords: await guilds.keywords(GUILD),
    feeds: await guilds.feeds(GUILD),
    feedHealth: await new FeedStateStore(connection).health(`${feeds.url}/wire.xml`),
  };
}

describe("Redis killed and restarted under a running zw start", () => {
  it("keeps claims, estimates, guild settings, feed state and queued jobs; the workers carry on", async () => {
    zw = await startZw(["fetcher", "extractor", "notifier"], {
      cwd,
      env: {
        REDIS_URL: redis.url,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        ZW_ALLOW_PRIVATE_FEEDS: "true",
        LOG_LEVEL: "info",
      },
    });
    const guilds = new GuildStore(connection);
    await guilds.upsertSubscription({
      guildId: GUILD,
      channelId: CHANNEL,
      events: [...DEFAULT_EVENT_TYPES],
      quietHours: null,
    });
    await guilds.addKeyword(GUILD, "Pjöngjang");
    await guilds.addFeed(GUILD, { url: "https://feeds.example/guild.xml", name: "Guild feed" });
    feeds.publish("/wire.xml", NEWS_PAGES.nis14000);
    await queues.enqueuePoll({ feedUrl: `${feeds.url}/wire.xml`, slot: "before" });
    await waitFor("the first alert", () => posted().length === 1, 120_000);

    // A poll queued before the crash, due after it: it must survive in the delayed set.
    feeds.publish("/wire.xml", NEWS_PAGES.jcs20000);
    const queuedId = pollJobId(`${feeds.url}/wire.xml`, "queued");
    await queues.poll.add(
      "zw-poll",
      { feedUrl: `${feeds.url}/wire.xml`, slot: "queued" },
      { jobId: queuedId, delay: 6_000 },
    );
    const before = await snapshot();
    expect(before.estimates.length).toBeGreaterThan(5);
    expect(before.feedHealth?.etag).toBeTruthy();
    // AOF is fsynced every second: what was written a second ago is on disk.
    await new Promise((ok) => setTimeout(ok, 1_500));
    const runId = async () => (await connection.info("server")).match(/run_id:(\w+)/)?.[1];
    const serverBefore = await runId();
    const killedAt = Date.now();
    await redis.restart("kill");
    const restartedMs = Date.now() - killedAt;
    expect(await runId()).not.toBe(serverBefore);

    expect(await snapshot()).toEqual(before);
    expect(await queues.poll.getJobState(queuedId)).toBe("delayed");
    const has = (end: string) => titles().some((title) => title.endsWith(end));
    await waitFor("the queued poll's alert", () => has("→ about 20,000"), 120_000);
    const queuedAlertMs = Date.now() - killedAt;

    // And the next poll goes through as before.
    feeds.publish("/wire.xml", NEWS_PAGES.nis25000);
    await queues.enqueuePoll({ feedUrl: `${feeds.url}/wire.xml`, slot: "after" });
    await waitFor("the next poll's alert", () => has("→ about 25,000"), 120_000);
    await new Promise((ok) => setTimeout(ok, 2_000));
    const all = titles();
    // One message per article, the change first: NIS revising its undated 12,000 of the seeds,
    // JCS its March 11,000 (with the conflict with NIS's 14,000 in the same message), then NIS
    // its 14,000.
    expect(all).toEqual([
      "Troops deployed (total): 12,000 → about 14,000",
      "Troops deployed (total): about 11,000 → about 20,000",
      "Troops deployed (total): about 14,000 → about 25,000",
    ]);
    // Each alert once: the nonce of every post differs.
    const nonces = posted().map((m) => m.body.nonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(zw.child.exitCode).toBeNull();
    console.info(
      `redis-server SIGKILL → back in ${restartedMs} ms; queued poll's alert ${queuedAlertMs} ms after the kill`,
    );
    expect(await stopZw(zw)).toBe(0);
  }, 300_000);
});
