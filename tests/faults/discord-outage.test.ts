import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AlertJob } from "@zw/core";
import { alertNonce } from "@zw/discord";
import { type Connection, createQueues, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { GuildStore } from "@zw/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fixtures/fake-discord";
import { startTestRedis, type TestRedis } from "../fixtures/redis";
import { waitFor } from "../fixtures/wait-for";
import { configDir, spawnZw, startZw, stopZw, type ZwProcess } from "../fixtures/zw-process";

/**
 * Discord failing while alerts wait: 429 with retry_after, 500 and 502, then the whole API gone
 * (the fake stopped) and back on the same port. `zw start --only notifier` runs as a real process
 * with LOG_LEVEL=debug; every alert arrives exactly once and in order per channel, and its output
 * through all of it never contains the token.
 */

const GUILD = "330000000000000001";
const CHANNELS = ["330000000000000011", "330000000000000012"] as const;
const TOKEN = "MzMwMDAwMDAwMDAwMDAwMDA5.outage-test.secret-token";
/** Long enough for several failed attempts and the notifier's pause to grow. */
const OUTAGE_MS = 45_000;

let redis: TestRedis;
let fake: FakeDiscord;
let cwd: string;
let connection: Connection;
let queues: Queues;
let zw: ZwProcess;
let sequence = 0;

/** `count` feed notices alternating between the two channels, enqueued in order. */
async function enqueueAlerts(count: number): Promise<AlertJob[]> {
  const jobs: AlertJob[] = [];
  for (let i = 0; i < count; i++) {
    sequence += 1;
    const job: AlertJob = {
      alerts: [
        {
          type: "feed_failing",
          id: `outage-notice-${sequence}`,
          feedUrl: `https://feeds.example/${sequence}.xml`,
          reason: `timeout: attempt ${sequence}`,
        },
      ],
      guildId: GUILD,
      channelId: CHANNELS[i % 2]!,
      roleId: null,
      lang: "en",
    };
    await queues.enqueueAlert(job);
    jobs.push(job);
  }
  return jobs;
}

/** Nonces posted per channel, in the order the fake received them. */
const postedNonces = (channelId: string) => (fake.messages.get(channelId) ?? []).map((m) => m.body.nonce);
const expectedNonces = (jobs: AlertJob[], channelId: string) =>
  jobs.filter((job) => job.channelId === channelId).map(alertNonce);
const postedCount = () => CHANNELS.reduce((sum, channel) => sum + postedNonces(channel).length, 0);

beforeAll(async () => {
  redis = await startTestRedis();
  fake = await startFakeDiscord();
  cwd = configDir({ feeds: [], schedulerCron: "0 0 1 1 *" });
  connection = connectRedis(redis.url);
  queues = createQueues(connection);
  const guilds = new GuildStore(connection);
  for (const channelId of CHANNELS) {
    await guilds.upsertSubscription({ guildId: GUILD, channelId, events: ["estimate_changed"] });
  }
  zw = await startZw(["notifier"], {
    cwd,
    env: { REDIS_URL: redis.url, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: "debug" },
  });
}, 150_000);

afterAll(async () => {
  zw?.child.kill("SIGKILL");
  await queues?.close();
  connection?.disconnect();
  await fake?.stop().catch(() => {});
  await redis?.dispose();
  rmSync(cwd, { recursive: true, force: true });
});

describe("Discord failing", () => {
  const sent: AlertJob[] = [];

  it("429 with retry_after, 500 and 502: every alert once, in order per channel", async () => {
    const messages = /^\/channels\/\d+\/messages$/;
    fake.fail({ method: "POST", path: messages, status: 429, retryAfter: 2 });
    fake.fail({ method: "POST", path: messages, status: 500, times: 2 });
    fake.fail({ method: "POST", path: messages, status: 502, times: 2 });
    const started = Date.now();
    sent.push(...(await enqueueAlerts(8)));
    await waitFor("every alert", () => postedCount() === sent.length, 120_000);
    const deliveredMs = Date.now() - started;
    await new Promise((ok) => setTimeout(ok, 1_000));
    for (const channel of CHANNELS) expect(postedNonces(channel)).toEqual(expectedNonces(sent, channel));
    const statuses = fake.requestsTo("POST", messages).length;
    expect(statuses).toBe(sent.length + 5);
    console.info(`8 alerts through 429 (2 s) + 2×500 + 2×502: all delivered in ${deliveredMs} ms`);
  }, 150_000);

  it(`unreachable for ${OUTAGE_MS / 1000} s, then back on the same port: every alert once, in order`, async () => {
    await fake.stop();
    const stoppedAt = Date.now();
    sent.push(...(await enqueueAlerts(6)));
    await new Promise((ok) => setTimeout(ok, OUTAGE_MS));
    // Nothing got through, and the notifier kept the jobs rather than failing them.
    expect((await queues.alert.getJobCounts("failed")).failed).toBe(0);
    await fake.start();
    const backAt = Date.now();
    await waitFor("every alert after the outage", () => postedCount() === sent.length, 120_000);
    const catchUpMs = Date.now() - backAt;
    await new Promise((ok) => setTimeout(ok, 1_000));
    for (const channel of CHANNELS) expect(postedNonces(channel)).toEqual(expectedNonces(sent, channel));
    expect(postedCount()).toBe(sent.length);
    console.info(
      `outage ${backAt - stoppedAt} ms; 6 waiting alerts delivered ${catchUpMs} ms after Discord came back`,
    );
  }, 300_000);

  it("the notifier's debug output through all of this never shows the token", async () => {
    expect(zw.output()).toMatch(/delivery failed; alerts wait/);
    expect(zw.output()).not.toContain(TOKEN);
    expect(zw.output()).not.toContain(TOKEN.split(".")[2]);
    expect(await stopZw(zw)).toBe(0);
    expect(zw.output()).not.toContain(TOKEN);
  });

  it("nor does a process stopped by a bad configuration that holds the token", async () => {
    // Unquoted, the token is where JSON.parse fails; its message would quote the text around it.
    const dir = configDir({});
    writeFileSync(join(dir, "zw.config.json"), `{ "discordToken": ${TOKEN}, "feeds": [] }`);
    try {
      const bad = spawnZw(["start", "--only", "notifier"], {
        cwd: dir,
        env: { REDIS_URL: redis.url, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: "debug" },
      });
      expect(await bad.exited).toBe(1);
      expect(bad.output()).toMatch(/is not valid JSON/);
      expect(bad.output()).not.toContain(TOKEN.slice(0, 6));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
