import { beforeEach, describe, expect, it } from "vitest";
import { useTestRedis } from "../../../tests/fixtures/redis";
import { FeedStateStore } from "./feed-state";

const url = "https://example.org/feed.xml";
const other = "https://example.net/rss";
const t0 = new Date("2026-11-24T04:00:00.000Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const backoff = { intervalMinutes: 5, maxBackoffMinutes: 360 };

describe("FeedStateStore", () => {
  const db = useTestRedis({ flush: true });
  let store: FeedStateStore;

  beforeEach(async () => {
    store = new FeedStateStore(db.redis, { prefix: "t:" });
  });

  it("knows nothing of a feed before its first poll, and every feed is due", async () => {
    expect(await store.health(url)).toBeNull();
    expect(await store.dueFeeds([url, other], t0)).toEqual([url, other]);
    expect(await store.allHealth()).toEqual([]);
  });

  it("backs off exponentially up to the maximum, says 'failing' once, and recovers", async () => {
    const results = [];
    for (let i = 0; i < 9; i++) {
      results.push(await store.recordFailure(url, "http_status: HTTP 503", { at: t0, ...backoff }));
    }
    const delays = results.map((r) => (Date.parse(r.health.nextPollAt!) - t0.getTime()) / 60_000);
    expect(delays).toEqual([5, 10, 20, 40, 80, 160, 320, 360, 360]);
    expect(results.map((r) => r.becameFailing)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(results[8]?.health).toMatchObject({
      consecutiveFailures: 9,
      lastError: "http_status: HTTP 503",
      lastErrorAt: t0.toISOString(),
      lastSuccessAt: null,
    });

    expect(await store.dueFeeds([url, other], minutes(359))).toEqual([other]);
    expect(await store.dueFeeds([url, other], minutes(360))).toEqual([url, other]);

    const success = await store.recordSuccess(url, { at: minutes(360), etag: '"v1"', lastModified: null });
    expect(success.recovered).toBe(true);
    expect(success.health).toMatchObject({
      consecutiveFailures: 0,
      nextPollAt: null,
      lastSuccessAt: minutes(360).toISOString(),
      etag: '"v1"',
      lastModified: null,
    });
    const again = await store.recordSuccess(url, { at: minutes(365), etag: '"v1"', lastModified: null });
    expect(again.recovered).toBe(false);
  });

  it("keeps the notice of a transition pending until that very notice is handed on", async () => {
    const failing = { type: "feed_failing" as const, id: "failing-1", feedUrl: url, reason: "timeout" };
    for (let i = 0; i < 4; i++) {
      await store.recordFailure(url, "timeout", {
        at: minutes(i),
        ...backoff,
        notice: { ...failing, id: `f${i}` },
      });
    }
    // Only the failure that made the feed failing (the third) left its notice.
    expect(await store.pendingNotice(url)).toEqual({ ...failing, id: "f2" });
    await store.clearPendingNotice(url, "another");
    expect(await store.pendingNotice(url)).toMatchObject({ id: "f2" });
    await store.clearPendingNotice(url, "f2");
    expect(await store.pendingNotice(url)).toBeNull();
    const recovered = { type: "feed_recovered" as const, id: "r1", feedUrl: url, reason: null };
    await store.recordSuccess(url, { at: minutes(10), etag: null, lastModified: null, notice: recovered });
    expect(await store.pendingNotice(url)).toEqual(recovered);
    await store.recordSuccess(url, {
      at: minutes(15),
      etag: null,
      lastModified: null,
      notice: { ...recovered, id: "r2" },
    });
    expect(await store.pendingNotice(url)).toMatchObject({ id: "r1" });
  });

  it("cancels a pending notice with the opposite transition: neither is sent", async () => {
    const failing = { type: "feed_failing" as const, id: "f", feedUrl: url, reason: "timeout" };
    for (let i = 0; i < 3; i++)
      await store.recordFailure(url, "timeout", { at: t0, ...backoff, notice: failing });
    expect(await store.pendingNotice(url)).toMatchObject({ id: "f" });
    // It recovers before the failing notice could be handed on.
    const recovered = { type: "feed_recovered" as const, id: "r", feedUrl: url, reason: null };
    const success = await store.recordSuccess(url, {
      at: minutes(5),
      etag: null,
      lastModified: null,
      notice: recovered,
    });
    expect(success.recovered).toBe(false);
    expect(await store.pendingNotice(url)).toBeNull();
    // The next streak is told again.
    const again = [];
    for (let i = 0; i < 3; i++)
      again.push(await store.recordFailure(url, "timeout", { at: minutes(10), ...backoff, notice: failing }));
    expect(again.map((r) => r.becameFailing)).toEqual([false, false, true]);
  });

  it("does not call a feed recovered that never counted as failing", async () => {
    await store.recordFailure(url, "timeout", { at: t0, ...backoff });
    expect(
      (await store.recordSuccess(url, { at: minutes(5), etag: null, lastModified: null })).recovered,
    ).toBe(false);
  });

  it("keeps validators through failures and replaces them on success", async () => {
    await store.recordSuccess(url, { at: t0, etag: '"a"', lastModified: "Mon, 23 Nov 2026 10:00:00 GMT" });
    await store.recordFailure(url, "timeout", { at: minutes(5), ...backoff });
    expect(await store.health(url)).toMatchObject({
      etag: '"a"',
      lastModified: "Mon, 23 Nov 2026 10:00:00 GMT",
    });
    await store.recordSuccess(url, {
      at: minutes(10),
      etag: null,
      lastModified: "Tue, 24 Nov 2026 04:00:00 GMT",
    });
    expect(await store.health(url)).toMatchObject({
      etag: null,
      lastModified: "Tue, 24 Nov 2026 04:00:00 GMT",
    });
    expect((await store.allHealth()).map((h) => h.url)).toEqual([url]);
  });

  it("counts failures atomically: of concurrent failures exactly one crosses into failing", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.recordFailure(url, "dns", { at: t0, ...backoff })),
    );
    expect(results.filter((r) => r.becameFailing)).toHaveLength(1);
    expect((await store.health(url))?.consecutiveFailures).toBe(10);
  });

  it("marks an item new only when neither its URL nor its content was seen", async () => {
    expect(await store.markSeen("https://a.example/1", "hash-1")).toBe(true);
    expect(await store.markSeen("https://a.example/1", "hash-1")).toBe(false);
    expect(await store.markSeen("https://a.example/1", "hash-2")).toBe(false);
    expect(await store.markSeen("https://b.example/reprint", "hash-1")).toBe(false);
    // hash-2 was remembered by the call above even though the item was not new.
    expect(await store.markSeen("https://c.example/3", "hash-2")).toBe(false);
    expect(await store.markSeen("https://c.example/3", "hash-3")).toBe(false);
    expect(await store.markSeen("https://d.example/4", "hash-4")).toBe(true);
    const ttl = await db.redis.ttl(`t:seen:content:hash-4`);
    expect(ttl).toBeGreaterThan(59 * 24 * 3600);
  });

  it("gives exactly one of many concurrent markSeen calls the item, and can forget it", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => store.markSeen("https://a.example/x", "hx")),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    await store.forgetSeen("https://a.example/x", "hx");
    expect(await store.markSeen("https://a.example/x", "hx")).toBe(true);
  });

  it("forgets a claimed item whose claim was not kept, and keeps one that was", async () => {
    expect(await store.markSeen("https://a.example/lost", "h-lost", 1)).toBe(true);
    expect(await store.markSeen("https://a.example/kept", "h-kept", 1)).toBe(true);
    expect(await store.markSeen("https://a.example/lost", "h-lost", 1)).toBe(false);
    await store.keepSeen("https://a.example/kept", "h-kept");
    expect(await db.redis.ttl("t:seen:content:h-kept")).toBeGreaterThan(59 * 24 * 3600);
    await new Promise((ok) => setTimeout(ok, 1_100));
    expect(await store.markSeen("https://a.example/lost", "h-lost")).toBe(true);
    expect(await store.markSeen("https://a.example/kept", "h-kept")).toBe(false);
  });
});
