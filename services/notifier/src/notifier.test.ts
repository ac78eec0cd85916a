import type { AlertJob, Subscription } from "@zw/core";
import { SubscriptionSchema } from "@zw/core";
import { createQueues, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { DeliveryLog } from "@zw/store";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis, useTestRedis } from "../../../tests/fixtures/redis";
import { waitFor } from "../../../tests/fixtures/wait-for";
import type { AlertSink, DeliveryResult } from "./alert-sink";
import { DigestBox, sendDigests } from "./digest-box";
import { endOfQuietHours, startNotifier } from "./notifier";

const GUILD = "100000000000000001";
const CHANNEL = "200000000000000002";
const silent = { debug() {}, info() {}, warn() {}, error() {} };

function feedNotice(n: number): AlertJob {
  return {
    alerts: [
      {
        type: "feed_failing",
        id: `notice-${n}`,
        feedUrl: `http://feeds.example/${n}`,
        reason: "timeout",
      },
    ],
    guildId: GUILD,
    channelId: CHANNEL,
    roleId: null,
    lang: "en",
  };
}

/** A sink that answers from a script, then "sent"; it records every delivery attempt. */
function scriptedSink(script: DeliveryResult[]): AlertSink & { attempts: string[] } {
  const attempts: string[] = [];
  return {
    attempts,
    async deliver(job) {
      attempts.push(job.alerts.map((a) => a.id).join(","));
      return script.shift() ?? { status: "sent" };
    },
    async deliverDigest() {
      return { status: "sent" };
    },
  };
}

describe("startNotifier", () => {
  let server: TestRedis;
  let redis: Redis;
  let queues: Queues;
  let subscription: Subscription;
  let paused: string[];
  let digested: AlertJob[];
  let stop: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    server = await startTestRedis();
  });
  afterAll(() => server.dispose());
  beforeEach(async () => {
    redis = connectRedis(server.url);
    await redis.flushall();
    queues = createQueues(redis);
    subscription = SubscriptionSchema.parse({ guildId: GUILD, channelId: CHANNEL, events: ["conflict"] });
    paused = [];
    digested = [];
  });
  afterEach(async () => {
    await stop?.();
    stop = null;
    await queues.close();
    redis.disconnect();
  });

  function run(sink: AlertSink) {
    const notifier = startNotifier({
      connection: redis,
      deliveries: new DeliveryLog(redis),
      alertQueue: queues.alert,
      logger: silent,
      deps: {
        sink,
        subscription: async () => subscription,
        pauseSubscription: async (_g, _c, reason) => {
          paused.push(reason);
          subscription = { ...subscription, pausedReason: reason };
        },
        addToDigest: async (job) => {
          digested.push(job);
        },
      },
      retryDelayMs: 50,
    });
    stop = notifier.stop;
    return notifier;
  }

  it("delivers each alert once, even when the same alert is enqueued again", async () => {
    const sink = scriptedSink([]);
    run(sink);
    await queues.enqueueAlert(feedNotice(1));
    await waitFor("the first delivery attempt", () => sink.attempts.length === 1);
    await queues.enqueueAlert(feedNotice(1));
    await queues.enqueueAlert(feedNotice(2));
    await waitFor("the second delivery attempt", () => sink.attempts.length === 2);
    await new Promise((ok) => setTimeout(ok, 300));
    expect(sink.attempts).toEqual(["notice-1", "notice-2"]);
  });

  it("keeps a channel's order while the sink fails, and delivers everything when it recovers", async () => {
    const sink = scriptedSink([
      { status: "retry", reason: "502 Bad Gateway" },
      { status: "retry", reason: "429", retryAfterMs: 300 },
      { status: "retry", reason: "ECONNREFUSED" },
    ]);
    for (let n = 1; n <= 4; n++) await queues.enqueueAlert(feedNotice(n));
    run(sink);
    await waitFor("four completed alerts", async () => (await queues.alert.getCompletedCount()) === 4);
    const delivered = sink.attempts.slice(3);
    expect(sink.attempts.slice(0, 3)).toEqual(["notice-1", "notice-1", "notice-1"]);
    expect(delivered).toEqual(["notice-1", "notice-2", "notice-3", "notice-4"]);
    expect(await queues.alert.getFailedCount()).toBe(0);
  });

  it("stops within its deadline while a delivery hangs, leaving the alert unfinished", async () => {
    const hanging: AlertSink = { ...scriptedSink([]), deliver: () => new Promise<never>(() => {}) };
    const notifier = run(hanging);
    await queues.enqueueAlert(feedNotice(1));
    await waitFor("the alert to be active", async () => (await queues.alert.getActiveCount()) === 1);
    const started = Date.now();
    await notifier.stop(200);
    stop = null;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await queues.alert.getCompletedCount()).toBe(0);
  });

  it("pauses the subscription on a permanent error and does not retry", async () => {
    const sink = scriptedSink([{ status: "permanent", reason: "Unknown Channel (10003)" }]);
    run(sink);
    await queues.enqueueAlert(feedNotice(1));
    await waitFor("a failed alert", async () => (await queues.alert.getFailedCount()) === 1);
    expect(paused).toEqual(["Unknown Channel (10003)"]);
    const [failed] = await queues.alert.getFailed();
    expect(failed?.failedReason).toMatch(/not delivered: Unknown Channel/);
    expect(failed?.attemptsMade).toBe(1);
    await queues.enqueueAlert(feedNotice(2));
    await waitFor("a completed alert", async () => (await queues.alert.getCompletedCount()) === 1);
    expect(sink.attempts).toEqual(["notice-1"]);
  });

  it("keeps alerts of a digest subscription for the summary", async () => {
    subscription = { ...subscription, digest: true };
    const sink = scriptedSink([]);
    run(sink);
    await queues.enqueueAlert(feedNotice(1));
    await waitFor("the alert in the digest", () => digested.length === 1);
    expect(sink.attempts).toEqual([]);
  });

  it("holds alerts back during quiet hours", async () => {
    const hour = new Date().getUTCHours();
    subscription = { ...subscription, quietHours: { from: hour, to: (hour + 2) % 24 } };
    const sink = scriptedSink([]);
    run(sink);
    await queues.enqueueAlert(feedNotice(1));
    await waitFor("a delayed alert", async () => (await queues.alert.getDelayed()).length === 1);
    const [delayed] = await queues.alert.getDelayed();
    const expected = endOfQuietHours(subscription, new Date())!.getTime();
    // BullMQ stores the delay relative to its own clock reading: equal within milliseconds.
    expect(Math.abs(delayed!.timestamp + delayed!.delay - expected)).toBeLessThan(1_000);
    expect(sink.attempts).toEqual([]);
  });

  it("refuses a payload that fails its schema without retrying it", async () => {
    run(scriptedSink([]));
    await queues.alert.add("zw-alert", { alert: { type: "nonsense" }, guildId: "x" } as never, {
      jobId: "bad-1",
    });
    await waitFor("a failed alert", async () => (await queues.alert.getFailedCount()) === 1);
    const [failed] = await queues.alert.getFailed();
    expect(failed?.failedReason).toMatch(/job bad-1: .*invalid/i);
    expect(failed?.attemptsMade).toBe(1);
  });
});

describe("endOfQuietHours", () => {
  const sub = (from: number, to: number) =>
    SubscriptionSchema.parse({
      guildId: GUILD,
      channelId: CHANNEL,
      events: ["conflict"],
      quietHours: { from, to },
    });
  it("spans midnight", () => {
    expect(endOfQuietHours(sub(22, 6), new Date("2025-05-01T23:00:00Z"))?.toISOString()).toBe(
      "2025-05-02T06:00:00.000Z",
    );
    expect(endOfQuietHours(sub(22, 6), new Date("2025-05-02T05:59:00Z"))?.toISOString()).toBe(
      "2025-05-02T06:00:00.000Z",
    );
    expect(endOfQuietHours(sub(22, 6), new Date("2025-05-02T06:00:00Z"))).toBeNull();
  });
  it("works within a day", () => {
    expect(endOfQuietHours(sub(9, 17), new Date("2025-05-01T12:00:00Z"))?.toISOString()).toBe(
      "2025-05-01T17:00:00.000Z",
    );
    expect(endOfQuietHours(sub(9, 17), new Date("2025-05-01T18:00:00Z"))).toBeNull();
  });
});

describe("DigestBox", () => {
  const db = useTestRedis();

  it("collects a channel's alerts and sends them once as one digest, keeping them when delivery fails", async () => {
    const box = new DigestBox(db.redis);
    const target = { guildId: GUILD, channelId: CHANNEL, roleId: null, lang: "de" as const };
    await box.add(target, feedNotice(1).alerts);
    await box.add(target, feedNotice(2).alerts);
    await box.add(target, feedNotice(1).alerts); // the same alert job, retried
    const delivered: string[][] = [];
    let down = true;
    const sink: AlertSink = {
      deliver: async () => ({ status: "sent" }),
      deliverDigest: async (_t, alerts) => {
        if (down) return { status: "retry", reason: "502" };
        delivered.push(alerts.map((a) => a.id));
        return { status: "sent" };
      },
    };
    expect(await sendDigests(box, sink, "2025-05-01")).toEqual({ sent: 0, kept: 1 });
    down = false;
    expect(await sendDigests(box, sink, "2025-05-01")).toEqual({ sent: 1, kept: 0 });
    expect(await sendDigests(box, sink, "2025-05-02")).toEqual({ sent: 0, kept: 0 });
    expect(delivered).toEqual([["notice-1", "notice-2"]]);
  });

  it("keeps every channel's digest when delivering one throws", async () => {
    const box = new DigestBox(db.redis, "zw:throwing:");
    const other = "200000000000000003";
    const targets = [CHANNEL, other].map((channelId) => ({
      guildId: GUILD,
      channelId,
      roleId: null,
      lang: "en" as const,
    }));
    for (const [n, target] of targets.entries()) await box.add(target, feedNotice(n + 1).alerts);
    const delivered: string[] = [];
    let broken = true;
    const sink: AlertSink = {
      deliver: async () => ({ status: "sent" }),
      deliverDigest: async (target, alerts) => {
        if (broken) throw new Error("renderer bug");
        delivered.push(`${target.channelId}:${alerts.map((a) => a.id).join(",")}`);
        return { status: "sent" };
      },
    };
    await expect(sendDigests(box, sink, "2025-05-01")).rejects.toThrow("renderer bug");
    broken = false;
    expect(await sendDigests(box, sink, "2025-05-01")).toEqual({ sent: 2, kept: 0 });
    expect(delivered.sort()).toEqual([`${CHANNEL}:notice-1`, `${other}:notice-2`]);
  });
});
