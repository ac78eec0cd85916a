import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createQueues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { DeliveryLog, FeedStateStore, GuildStore } from "@zw/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../../tests/fixtures/redis";
import { runZw } from "../testing/run-zw";

describe("zw status", () => {
  let server: TestRedis;
  const cwd = mkdtempSync(join(tmpdir(), "zw-status-"));
  beforeAll(async () => {
    server = await startTestRedis();
    const redis = connectRedis(server.url);
    const state = new FeedStateStore(redis);
    await new GuildStore(redis).addFeed("300000000000000001", { url: "https://guild.example/feed.xml" });
    await state.recordSuccess("https://guild.example/feed.xml", {
      at: new Date("2025-05-01T10:00:00Z"),
      etag: null,
      lastModified: null,
    });
    const failure = { at: new Date("2025-05-01T10:05:00Z"), intervalMinutes: 5, maxBackoffMinutes: 360 };
    await state.recordFailure(
      "https://www.tagesschau.de/xml/rss2/",
      "timeout: no headers within 5000 ms",
      failure,
    );
    const queues = createQueues(redis);
    await queues.enqueuePoll({ feedUrl: "https://guild.example/feed.xml", slot: "s1" });
    await queues.close();
    await new DeliveryLog(redis).recordDelivery("alert-x", "posted", new Date("2025-05-01T10:06:00Z"));
    redis.disconnect();
  });
  afterAll(() => server.dispose());

  it("shows every feed's health with the reason of a failing one, queue depths and the last alert", async () => {
    const { code, out } = await runZw(["status"], { env: { REDIS_URL: server.url }, cwd });
    expect(code).toBe(0);
    expect(out).toMatch(
      /failing ×1 +https:\/\/www\.tagesschau\.de\/xml\/rss2\/ .*timeout: no headers within 5000 ms/,
    );
    expect(out).toMatch(/ok +https:\/\/guild\.example\/feed\.xml +2025-05-01T10:00:00/);
    expect(out).toMatch(/not polled +https:\/\/rss\.dw\.com/);
    expect(out).toMatch(/zw-poll +1 +0 +0 +0 +0/);
    expect(out).toContain("last alert: 2025-05-01T10:06:00.000Z");
  });

  it("writes JSON lines with --json", async () => {
    const { out } = await runZw(["status", "--json"], { env: { REDIS_URL: server.url }, cwd });
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });
    const failing = lines.find((l) => l.type === "feed" && l.url === "https://www.tagesschau.de/xml/rss2/");
    expect(failing).toMatchObject({
      consecutiveFailures: 1,
      lastError: "timeout: no headers within 5000 ms",
    });
    expect(lines.find((l) => l.type === "queue" && l.queue === "zw-poll")).toMatchObject({ waiting: 1 });
    expect(lines.at(-1)).toEqual({ type: "last_alert", at: "2025-05-01T10:06:00.000Z" });
  });
});
