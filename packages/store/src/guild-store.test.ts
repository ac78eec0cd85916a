import type { Event } from "@zw/core";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestRedis } from "../../../tests/fixtures/redis";
import { GLOBAL_SCOPE, GuildLimitError, GuildStore, subscriptionWants } from "./guild-store";

const A = "111111111111111111";
const B = "222222222222222222";
const CH1 = "333333333333333333";
const CH2 = "444444444444444444";
const CH3 = "555555555555555555";

const db = useTestRedis({ flush: true });
let store: GuildStore;

beforeEach(async () => {
  store = new GuildStore(db.redis, {
    limits: { keywordsPerGuild: 3, feedsPerGuild: 2, subscriptionsPerGuild: 2 },
  });
});

function changed(metric: Event["metric"], relative: number | null): Event {
  const claim = {
    id: "c",
    metric,
    min: 1,
    max: 1,
    qualifier: "exact" as const,
    source: null,
    modality: "reported" as const,
    region: null,
    date: null,
    quote: "",
    span: [0, 1] as [number, number],
    url: "https://example.org/a",
    outlet: null,
    title: null,
    publishedAt: null,
    reports: [{ url: "https://example.org/a", outlet: null, title: null, publishedAt: null }],
  };
  return {
    id: "e",
    type: "estimate_changed",
    basis: "revision",
    metric,
    previous: claim,
    current: claim,
    change: { absolute: 1, relative, direction: "up" },
  };
}

describe("keywords", () => {
  it("adds, lists, removes per guild, without case duplicates", async () => {
    expect(await store.addKeyword(A, "  Kim   Jong Un ")).toBe(true);
    expect(await store.addKeyword(A, "kim jong un")).toBe(false);
    expect(await store.addKeyword(A, "Kursk")).toBe(true);
    expect(await store.keywords(A)).toEqual(["Kim Jong Un", "Kursk"]);
    expect(await store.keywords(B)).toEqual([]);
    expect(await store.removeKeyword(A, "KURSK")).toBe(true);
    expect(await store.removeKeyword(A, "Kursk")).toBe(false);
    expect(await store.keywords(A)).toEqual(["Kim Jong Un"]);
  });

  it("enforces the per-guild limit, even under concurrent adds", async () => {
    const results = await Promise.allSettled(
      ["a1", "a2", "a3", "a4", "a5"].map((k) => store.addKeyword(A, k)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(GuildLimitError);
    expect(await store.keywords(A)).toHaveLength(3);
    expect(await store.addKeyword(B, "b1")).toBe(true);
  });

  it("allKeywords is the union over guilds", async () => {
    await store.addKeyword(A, "Kursk");
    await store.addKeyword(B, "kursk");
    await store.addKeyword(B, "Pjöngjang");
    expect((await store.allKeywords()).sort()).toEqual(["Kursk", "Pjöngjang"]);
    await store.removeKeyword(A, "Kursk");
    await store.removeKeyword(B, "Kursk");
    expect(await store.allKeywords()).toEqual(["Pjöngjang"]);
  });
});

describe("subscriptions", () => {
  it("upserts, lists, removes; guilds are isolated", async () => {
    expect(await store.upsertSubscription({ guildId: A, channelId: CH1, events: ["conflict"] })).toBe(true);
    expect(
      await store.upsertSubscription({
        guildId: A,
        channelId: CH1,
        events: ["conflict", "estimate_changed"],
        minChange: 0.2,
      }),
    ).toBe(false);
    expect(await store.subscriptions(A)).toEqual([
      {
        guildId: A,
        channelId: CH1,
        metrics: [],
        events: ["conflict", "estimate_changed"],
        minChange: 0.2,
        roleId: null,
        digest: false,
        quietHours: null,
        pausedReason: null,
      },
    ]);
    expect(await store.subscriptions(B)).toEqual([]);
    expect(await store.removeSubscription(B, CH1)).toBe(false);
    expect(await store.subscriptions(A)).toHaveLength(1);
    expect(await store.removeSubscription(A, CH1)).toBe(true);
    expect(await store.subscriptions(A)).toEqual([]);
  });

  it("rejects invalid input and enforces the limit", async () => {
    await expect(
      store.upsertSubscription({ guildId: "x", channelId: CH1, events: ["conflict"] }),
    ).rejects.toThrow(/Discord id/);
    await store.upsertSubscription({ guildId: A, channelId: CH1, events: ["conflict"] });
    await store.upsertSubscription({ guildId: A, channelId: CH2, events: ["conflict"] });
    await expect(
      store.upsertSubscription({ guildId: A, channelId: CH3, events: ["conflict"] }),
    ).rejects.toBeInstanceOf(GuildLimitError);
    // Replacing an existing one is not a new one.
    await store.upsertSubscription({ guildId: A, channelId: CH2, events: ["denial"] });
  });

  it("subscriptionsForEvent matches metrics, event types and the minimum change across guilds, skipping paused", async () => {
    await store.upsertSubscription({
      guildId: A,
      channelId: CH1,
      events: ["estimate_changed"],
      minChange: 0.1,
    });
    await store.upsertSubscription({
      guildId: A,
      channelId: CH2,
      events: ["estimate_changed"],
      metrics: ["killed"],
      minChange: 0,
    });
    await store.upsertSubscription({ guildId: B, channelId: CH3, events: ["conflict"] });
    const ids = async (e: Event) => (await store.subscriptionsForEvent(e)).map((s) => s.channelId);
    expect(await ids(changed("killed", 0.05))).toEqual([CH2]);
    expect(await ids(changed("killed", -0.5))).toEqual([CH1, CH2]);
    expect(await ids(changed("wounded", 0.5))).toEqual([CH1]);
    expect(await ids(changed("wounded", null))).toEqual([CH1]);
    expect(await store.pauseSubscription(A, CH1, "Unknown Channel")).toBe(true);
    expect(await ids(changed("killed", 0.5))).toEqual([CH2]);
    expect((await store.subscription(A, CH1))?.pausedReason).toBe("Unknown Channel");
    // Subscribing again resumes.
    await store.upsertSubscription({ guildId: A, channelId: CH1, events: ["estimate_changed"] });
    expect(await ids(changed("killed", 0.5))).toEqual([CH1, CH2]);
    expect(await store.pauseSubscription(B, CH1, "x")).toBe(false);
  });

  it("a pause keeps the subscription's settings and dies with it", async () => {
    await store.upsertSubscription({ guildId: A, channelId: CH1, events: ["conflict"], minChange: 0.5 });
    await Promise.all([
      store.pauseSubscription(A, CH1, "Missing Access"),
      store.upsertSubscription({ guildId: A, channelId: CH2, events: ["denial"] }),
    ]);
    expect(await store.subscription(A, CH1)).toMatchObject({
      minChange: 0.5,
      pausedReason: "Missing Access",
    });
    expect((await store.subscriptions(A)).map((s) => s.pausedReason)).toEqual(["Missing Access", null]);
    await store.removeSubscription(A, CH1);
    await store.upsertSubscription({ guildId: A, channelId: CH1, events: ["conflict"] });
    expect((await store.subscription(A, CH1))?.pausedReason).toBeNull();
  });

  it("alertTargets fan out in each guild's language", async () => {
    await store.upsertSubscription({ guildId: A, channelId: CH1, events: ["estimate_changed"], roleId: CH3 });
    await store.upsertSubscription({ guildId: B, channelId: CH2, events: ["estimate_changed"] });
    await store.setLanguage(B, "de");
    const event = changed("killed", 0.5);
    expect(await store.alertTargets(event)).toEqual([
      { guildId: A, channelId: CH1, roleId: CH3, lang: "en" },
      { guildId: B, channelId: CH2, roleId: null, lang: "de" },
    ]);
  });

  it("feed notices go to the guilds that added the feed", async () => {
    await store.upsertSubscription({ guildId: A, channelId: CH1, events: ["conflict"] });
    await store.upsertSubscription({ guildId: B, channelId: CH2, events: ["conflict"] });
    await store.addFeed(B, { url: "https://example.org/rss" });
    const targets = await store.alertTargets({
      id: "n",
      type: "feed_failing",
      feedUrl: "https://example.org/rss",
      reason: "503",
    });
    expect(targets.map((t) => t.channelId)).toEqual([CH2]);
  });
});

describe("settings", () => {
  it("stores the language per guild", async () => {
    expect(await store.settings(A)).toEqual({ lang: null, detectedLang: null });
    await store.setLanguage(A, "de");
    expect(await store.settings(A)).toEqual({ lang: "de", detectedLang: null });
    expect(await store.settings(B)).toEqual({ lang: null, detectedLang: null });
  });

  it("alerts follow the chosen language, else the server's locale, else English", async () => {
    await store.upsertSubscription({ guildId: A, channelId: CH1, events: ["estimate_changed"] });
    const lang = async () => (await store.alertTargets(changed("killed", 0.5)))[0]?.lang;
    expect(await lang()).toBe("en");
    await store.noteDetectedLanguage(A, "de");
    expect(await lang()).toBe("de");
    await store.setLanguage(A, "en");
    expect(await lang()).toBe("en");
    expect(await store.settings(A)).toEqual({ lang: "en", detectedLang: "de" });
  });

  it("keeps both of two changes made at the same moment", async () => {
    await Promise.all([store.setLanguage(A, "de"), store.noteDetectedLanguage(A, "en")]);
    expect(await store.settings(A)).toEqual({ lang: "de", detectedLang: "en" });
    await Promise.all([store.setLanguage(A, null), store.noteDetectedLanguage(A, "de")]);
    expect(await store.settings(A)).toEqual({ lang: null, detectedLang: "de" });
  });
});

describe("feeds", () => {
  it("per guild with a limit; one URL shared by guilds is listed once and kept while referenced", async () => {
    expect(await store.addFeed(A, { url: "https://Example.org" })).toBe(true);
    expect(await store.addFeed(A, { url: "https://example.org/" })).toBe(false);
    await store.addFeed(A, { url: "https://example.org/other" });
    await expect(store.addFeed(A, { url: "https://example.org/third" })).rejects.toBeInstanceOf(
      GuildLimitError,
    );
    await store.addFeed(B, { url: "https://example.org/", name: "B's name" });
    await store.addFeed(GLOBAL_SCOPE, { url: "https://example.org/", name: "operator" });
    for (let i = 0; i < 5; i++) await store.addFeed(GLOBAL_SCOPE, { url: `https://global.example/${i}` });
    expect(await store.allFeedUrls()).toHaveLength(7);
    expect(await store.guildsForFeed("https://example.org")).toEqual([A, B, GLOBAL_SCOPE].sort());
    expect((await store.allFeeds()).find((f) => f.url === "https://example.org/")?.name).toBe("operator");
    expect((await store.feeds(B)).map((f) => f.url)).toEqual(["https://example.org/"]);
    await store.removeFeed(A, "https://example.org/");
    await store.removeFeed(GLOBAL_SCOPE, "https://example.org/");
    expect(await store.allFeedUrls()).toContain("https://example.org/");
    expect(await store.removeFeed(B, "https://example.org/")).toBe(true);
    expect(await store.allFeedUrls()).not.toContain("https://example.org/");
    expect(await store.allFeedUrls()).toContain("https://example.org/other");
  });

  it("rejects URLs that are not http(s)", async () => {
    await expect(store.addFeed(A, { url: "file:///etc/passwd" })).rejects.toThrow(/http/);
  });
});

describe("subscriptionWants", () => {
  it("treats an unknown relative change as large enough", () => {
    const s = {
      guildId: A,
      channelId: CH1,
      metrics: [],
      events: ["estimate_changed" as const],
      minChange: 5,
      roleId: null,
      digest: false,
      quietHours: null,
      pausedReason: null,
    };
    expect(subscriptionWants(s, changed("killed", null))).toBe(true);
    expect(subscriptionWants(s, changed("killed", 4.9))).toBe(false);
  });
});
