import { feedPreviewer, pipelineStatus, type RunningBot, startBot } from "@zw/bot";
import { FetchLimitsSchema, type Figure } from "@zw/core";
import { commandDefinitions, createDiscordRest, registerCommands } from "@zw/discord";
import { type FeedServer, startFeedServer } from "@zw/feed-server";
import { createQueues, type Queues } from "@zw/queue";
import { connectRedis } from "@zw/redis";
import { ClaimLedger, FeedStateStore, GuildStore } from "@zw/store";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  APPLICATION_ID,
  type FakeDiscord,
  type InteractionInput,
  MANAGE_GUILD,
  startFakeDiscord,
} from "./fixtures/fake-discord";
import { startTestRedis, type TestRedis } from "./fixtures/redis";

/**
 * Every slash command end to end: the real discord.js Client logs in to the fake Discord, gets
 * INTERACTION_CREATE over the gateway, runs the handlers on a real Redis, and replies over HTTP.
 */

const A = "100000000000000001";
const A1 = "100000000000000011";
const A2 = "100000000000000012";
const A3 = "100000000000000013";
const B = "200000000000000001";
const B1 = "200000000000000011";
const ROLE = "100000000000000099";
const NONE = "0";
const FAILING_FEED = "https://failing.example/rss";

let fake: FakeDiscord;
let server: TestRedis;
let redis: Redis;
let store: GuildStore;
let ledger: ClaimLedger;
let feedState: FeedStateStore;
let queues: Queues;
let feeds: FeedServer;
let bot: RunningBot;
const errors: unknown[] = [];

function figure(overrides: Partial<Figure>): Figure {
  return {
    metric: "troops_deployed_total",
    min: 11000,
    max: 11000,
    qualifier: "approx",
    source: "NIS",
    modality: "reported",
    region: null,
    date: "2025-01-10",
    quote: "Rund 11.000 Soldaten.",
    span: [0, 5],
    ...overrides,
  };
}

beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: [
      { id: A, channels: [A1, A2], forbiddenChannels: [A3] },
      { id: B, channels: [B1], locale: "de" },
    ],
    heartbeatIntervalMs: 1000,
  });
  server = await startTestRedis();
  redis = connectRedis(server.url, "discord-bot-test");
  store = new GuildStore(redis, { limits: { keywordsPerGuild: 3 } });
  ledger = new ClaimLedger(redis);
  feedState = new FeedStateStore(redis, { failingAfter: 1 });
  queues = createQueues(redis);
  feeds = await startFeedServer();
  const ingest = (url: string, outlet: string, list: Figure[]) =>
    ledger.ingestArticle({ url, outlet, title: `${outlet} report`, publishedAt: null }, list);
  await ingest("https://news.example/1", "Yonhap", [figure({})]);
  await ingest("https://news.example/2", "Kyiv Independent", [
    figure({ min: 12000, max: 12000, qualifier: "at_least", source: "UA_GOV", date: "2025-02-01" }),
  ]);
  await ingest("https://news.example/3", "Reuters", [
    figure({ metric: "killed", min: 300, max: 300, source: "NIS", date: "2025-02-01" }),
    figure({
      metric: "killed",
      min: 3000,
      max: 3000,
      qualifier: "exact",
      source: "UA_GOV",
      date: "2025-02-02",
    }),
  ]);
  // A party's word on its own losses: shown as its own, never in the consensus.
  await ingest("https://news.example/4", "KCNA watch", [
    figure({ metric: "killed", min: 9, max: 9, qualifier: "exact", source: "KP_GOV", date: "2025-02-03" }),
  ]);
  await feedState.recordFailure(FAILING_FEED, "HTTP 503 Service Unavailable", {
    at: new Date(),
    intervalMinutes: 5,
    maxBackoffMinutes: 60,
  });
  await queues.enqueuePoll({ feedUrl: FAILING_FEED, slot: "s1" });
  bot = await startBot({
    config: { discordToken: "fake-token", discordApiUrl: fake.apiUrl },
    logger: { info: () => {}, warn: () => {}, error: (obj) => errors.push(obj) },
    store,
    ledger,
    status: pipelineStatus({
      feedState,
      queues: queues.list,
      lastAlertAt: async () => "2025-02-02T10:00:00Z",
    }),
    previewFeed: feedPreviewer({
      config: { fetch: FetchLimitsSchema.parse({}), allowPrivateFeeds: true, keywords: ["Nordkorea"] },
      ledger,
    }),
    defaultFeedUrls: [FAILING_FEED],
  });
});

afterAll(async () => {
  await bot?.stop();
  await queues?.close();
  redis?.disconnect();
  await feeds?.close();
  await fake?.stop();
  await server?.dispose();
});

beforeEach(() => {
  errors.length = 0;
});

async function run(input: Partial<InteractionInput> & Pick<InteractionInput, "command">) {
  const interaction = fake.interact({ guildId: A, channelId: A1, permissions: MANAGE_GUILD, ...input });
  return fake.replyTo(interaction);
}

describe("the bot on the gateway", () => {
  it("logged in through GET /gateway/bot, identified with the Guilds intent and got its guilds", () => {
    expect(fake.requestsTo("GET", /^\/gateway\/bot$/)).toHaveLength(1);
    const identify = fake.gatewayReceived.find((p) => p.op === 2)?.d as { token: string; intents: number };
    expect(identify.token).toBe("fake-token");
    expect(identify.intents).toBe(1);
    expect(bot.client.guilds.cache.map((g) => g.id).sort()).toEqual([A, B]);
  });

  it("heartbeats and gets acknowledged", async () => {
    await fake.waitUntil(
      () => fake.gatewayReceived.filter((p) => p.op === 1).length >= 3,
      5_000,
      "3 heartbeats",
    );
    await fake.waitUntil(() => bot.client.ws.ping >= 0, 5_000, "a measured ping");
  });

  it("resumes after the gateway drops the connection and keeps answering", async () => {
    fake.dropConnections(4000);
    await fake.waitUntil(() => fake.gatewayReceived.find((p) => p.op === 6), 15_000, "RESUME");
    await fake.waitUntil(() => fake.connectedClients === 1, 5_000, "reconnect");
    const reply = await run({ command: "help", permissions: NONE });
    expect(reply.text).toContain("/estimate");
  });

  it("gets the interactions sent while it was reconnecting, replayed on RESUME", async () => {
    const resumes = fake.gatewayReceived.filter((p) => p.op === 6).length;
    fake.dropConnections(4000);
    const missed = fake.interact({ guildId: A, channelId: A1, permissions: NONE, command: "help" });
    await fake.waitUntil(
      () => fake.gatewayReceived.filter((p) => p.op === 6).length > resumes,
      15_000,
      "RESUME",
    );
    expect((await fake.replyTo(missed)).text).toContain("/estimate");
  });
});

describe("registration", () => {
  it("PUTs the whole command set, guild-scoped or global", async () => {
    const rest = createDiscordRest({ token: "fake-token", apiUrl: fake.apiUrl });
    expect(await registerCommands(rest, APPLICATION_ID, A)).toBe(10);
    expect(await registerCommands(rest, APPLICATION_ID)).toBe(10);
    const put = fake.requestsTo("PUT", new RegExp(`^/applications/${APPLICATION_ID}/guilds/${A}/commands$`));
    expect(put[0]?.body).toEqual(commandDefinitions());
    const names = (
      fake.commands.get("global") as Array<{ name: string; default_member_permissions: string | null }>
    ).map((c) => [c.name, c.default_member_permissions]);
    expect(names).toEqual([
      ["estimate", undefined],
      ["history", undefined],
      ["watch", "32"],
      ["subscribe", "32"],
      ["unsubscribe", "32"],
      ["subscriptions", "32"],
      ["feeds", "32"],
      ["status", undefined],
      ["help", undefined],
      ["settings", "32"],
    ]);
  });
});

describe("read commands, for everyone", () => {
  it("/help answers publicly", async () => {
    const reply = await run({ command: "help", permissions: NONE });
    expect(reply.ephemeral).toBe(false);
    expect(reply.text).toContain("/subscribe");
  });

  it("/estimate shows every metric's consensus: the median, the range, how many sources, the date", async () => {
    const reply = await run({ command: "estimate", permissions: NONE });
    expect(reply.ephemeral).toBe(false);
    expect(reply.text).toContain(
      "Troops deployed (total)\n**11,500** (11,000 – 12,000) · 2 sources · 1 Feb 2025",
    );
    expect(reply.text).toContain(
      "Killed\n**1,650** (300 – 3,000) · 2 sources · 2 Feb 2025\nClaims of parties to the war: North Korea's government: 9",
    );
  });

  it("/estimate metric shows the consensus, each source's latest with its date, open conflicts and links", async () => {
    const reply = await run({ command: "estimate", options: { metric: "killed" }, permissions: NONE });
    expect(reply.text).toContain("Best value: **1,650**");
    expect(reply.text).toContain("Range: 300 – 3,000");
    expect(reply.text).toContain(
      "Latest claim per source\n**3,000**: **Ukraine's government**, via Reuters: [Reuters report](https://news.example/3) · 2 Feb 2025\n**about 300**: **South Korea's NIS**",
    );
    // Two sources disagreeing is a conflict, not a change.
    expect(reply.text).not.toContain("Last change");
    expect(reply.text).toContain(
      "Claims of parties to the war\n**9**: **North Korea's government**, via KCNA watch",
    );
    expect(reply.text).toContain(
      "Open conflicts\n3,000 (Ukraine's government) ↔ about 300 (South Korea's NIS)",
    );
    expect(reply.text).toContain("[Reuters report](https://news.example/3)");
  });

  it("/history lists the claims, newest first", async () => {
    const reply = await run({
      command: "history",
      options: { metric: "troops_deployed_total", days: 3650 },
      permissions: NONE,
    });
    const lines = (reply.body.embeds as Array<{ description: string }>)[0]!.description.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("1 Feb 2025 · **at least 12,000**");
    expect(lines[1]).toContain("10 Jan 2025 · **about 11,000**");
  });

  it("/history refuses a bad metric with a specific reply", async () => {
    const reply = await run({ command: "history", options: { metric: "soldiers" }, permissions: NONE });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toMatch(/^That does not fit: metric: not one of troops_deployed_total/);
  });

  it("/status shows failing feeds with their reason, queue depths and the last alert", async () => {
    const reply = await run({ command: "status", permissions: NONE });
    expect(reply.text).toContain("0 ok, 1 failing");
    expect(reply.text).toContain(`Failing: ${FAILING_FEED}\nHTTP 503 Service Unavailable`);
    expect(reply.text).toMatch(/zw-poll: 1 · zw-article: 0 · zw-alert: 0/);
    expect(reply.text).toContain("<t:1738490400:R>");
  });

  it("autocompletes metrics in the member's language", async () => {
    const interaction = fake.interact({
      guildId: A,
      channelId: A1,
      permissions: NONE,
      command: "estimate",
      type: 4,
      options: { metric: "kill" },
      focused: "metric",
    });
    const reply = await fake.replyTo(interaction);
    expect(reply.callbackType).toBe(8);
    expect(reply.body.choices).toEqual([
      { name: "Casualties (killed or wounded) (casualties_total)", value: "casualties_total" },
      { name: "Killed (killed)", value: "killed" },
    ]);
  });
});

describe("configuration commands need Manage Server", () => {
  for (const [command, subcommand, options] of [
    ["watch", "add", { keyword: "Kursk" }],
    ["watch", "list", {}],
    ["subscribe", undefined, {}],
    ["unsubscribe", undefined, {}],
    ["subscriptions", undefined, {}],
    ["feeds", "add", { url: "https://example.org/rss" }],
    ["settings", "language", { value: "de" }],
  ] as const) {
    it(`/${command} ${subcommand ?? ""} without it is refused and changes nothing`, async () => {
      const reply = await run({ command, subcommand, options, permissions: NONE, guildId: B, channelId: B1 });
      expect(reply.ephemeral).toBe(true);
      expect(reply.text).toBe("You need the **Manage Server** permission for this.");
    });
  }

  it("and nothing was stored by the refused ones", async () => {
    expect(await store.keywords(B)).toEqual([]);
    expect(await store.subscriptions(B)).toEqual([]);
    expect(await store.feeds(B)).toEqual([]);
    expect((await store.settings(B)).lang).toBeNull();
  });
});

describe("/watch", () => {
  it("adds, lists and removes keywords per guild, ephemerally, within the limit", async () => {
    expect((await run({ command: "watch", subcommand: "add", options: { keyword: "Kursk" } })).text).toBe(
      'Now watching "Kursk".',
    );
    expect((await run({ command: "watch", subcommand: "add", options: { keyword: "kursk" } })).text).toBe(
      '"kursk" is watched already.',
    );
    await run({ command: "watch", subcommand: "add", options: { keyword: "Pjöngjang" } });
    await run({ command: "watch", subcommand: "add", options: { keyword: "@everyone" } });
    const full = await run({ command: "watch", subcommand: "add", options: { keyword: "KN-23" } });
    expect(full.text).toBe("Limit reached: at most 3 keywords per server.");
    const list = await run({ command: "watch", subcommand: "list" });
    expect(list.ephemeral).toBe(true);
    expect(list.text).toBe("Watched keywords (3): @\u200beveryone, Kursk, Pjöngjang");
    expect((await run({ command: "watch", subcommand: "list", guildId: B, channelId: B1 })).text).toMatch(
      /no keywords/,
    );
    expect((await run({ command: "watch", subcommand: "remove", options: { keyword: "KURSK" } })).text).toBe(
      'No longer watching "KURSK".',
    );
    expect(await store.keywords(A)).toEqual(["@everyone", "Pjöngjang"]);
  });

  it("a one-letter keyword gets a specific reply", async () => {
    const reply = await run({ command: "watch", subcommand: "add", options: { keyword: " x " } });
    expect(reply.text).toBe("That does not fit: keyword: at least 2 characters");
  });
});

describe("/subscribe, /subscriptions, /unsubscribe", () => {
  it("subscribes a channel with filters, a role, digest and quiet hours", async () => {
    const reply = await run({
      command: "subscribe",
      options: {
        channel: A2,
        metrics: "killed, wounded",
        min_change: 0.2,
        role: ROLE,
        digest: true,
        quiet_hours: "22-6",
      },
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toContain(`<#${A2}> now gets alerts.`);
    expect(await store.subscription(A, A2)).toEqual({
      guildId: A,
      channelId: A2,
      metrics: ["killed", "wounded"],
      events: ["estimate_changed", "conflict", "inconsistency", "new_metric"],
      minChange: 0.2,
      roleId: ROLE,
      digest: true,
      quietHours: { from: 22, to: 6 },
      pausedReason: null,
    });
  });

  it("warns when the bot cannot post in the channel", async () => {
    const reply = await run({ command: "subscribe", options: { channel: A3 } });
    expect(reply.text).toContain(`⚠ I cannot post in <#${A3}> yet, I lack: View Channel.`);
    await run({ command: "unsubscribe", options: { channel: A3 } });
    expect((await run({ command: "subscribe", options: { channel: A2 } })).text).not.toContain("⚠");
  });

  it("changing one option keeps the others", async () => {
    const reply = await run({ command: "subscribe", options: { channel: A2, events: "conflict,denial" } });
    expect(reply.text).toContain(`Subscription of <#${A2}> updated.`);
    const s = await store.subscription(A, A2);
    expect(s?.events).toEqual(["conflict", "denial"]);
    expect(s?.metrics).toEqual(["killed", "wounded"]);
    expect(s?.roleId).toBe(ROLE);
  });

  it("defaults to the current channel", async () => {
    await run({ command: "subscribe", channelId: A1 });
    expect((await store.subscription(A, A1))?.events).toEqual([
      "estimate_changed",
      "conflict",
      "inconsistency",
      "new_metric",
    ]);
  });

  it("names the wrong value", async () => {
    expect((await run({ command: "subscribe", options: { metrics: "kiled" } })).text).toMatch(
      /^That does not fit: metrics: unknown kiled \(known: troops_deployed_total/,
    );
    expect((await run({ command: "subscribe", options: { events: "everything" } })).text).toMatch(
      /events: unknown everything/,
    );
    expect((await run({ command: "subscribe", options: { quiet_hours: "25-3" } })).text).toBe(
      "That does not fit: quiet_hours: UTC hours as from-to, e.g. 22-6, or off",
    );
  });

  it("/subscriptions lists this guild's only; another guild cannot remove them", async () => {
    const list = await run({ command: "subscriptions" });
    expect(list.text).toContain(`<#${A1}>`);
    expect(list.text).toContain(`<#${A2}>`);
    expect(list.text).toContain("minimum change: 20 %");
    const other = await run({ command: "subscriptions", guildId: B, channelId: B1 });
    expect(other.text).toBe("No subscriptions. Create one with `/subscribe`.");
    const cross = await run({ command: "unsubscribe", guildId: B, channelId: B1, options: { channel: A2 } });
    expect(cross.text).toBe(`<#${A2}> has no subscription.`);
    expect(await store.subscription(A, A2)).not.toBeNull();
    const removed = await run({ command: "unsubscribe", options: { channel: A2 } });
    expect(removed.text).toBe(`<#${A2}> no longer gets alerts.`);
    expect(await store.subscription(A, A2)).toBeNull();
  });
});

describe("/feeds", () => {
  it("adds, lists and removes the guild's feeds; other guilds do not see them", async () => {
    expect(
      (await run({ command: "feeds", subcommand: "add", options: { url: "https://Example.org/rss" } })).text,
    ).toBe("Feed added: <https://example.org/rss>");
    expect((await run({ command: "feeds", subcommand: "list" })).text).toBe(
      "This server's feeds (1):\n- <https://example.org/rss>",
    );
    expect((await run({ command: "feeds", subcommand: "list", guildId: B, channelId: B1 })).text).toMatch(
      /no feeds of its own/,
    );
    expect(
      (await run({ command: "feeds", subcommand: "remove", options: { url: "https://example.org/rss" } }))
        .text,
    ).toBe("Feed removed: <https://example.org/rss>");
    expect(await store.allFeedUrls()).toEqual([]);
  });

  it("refuses what is not an http(s) URL", async () => {
    const reply = await run({ command: "feeds", subcommand: "add", options: { url: "file:///etc/passwd" } });
    expect(reply.text).toBe("That does not fit: url: feed URLs must be http or https");
  });

  it("/feeds test fetches now and shows what would be extracted and alerted, without alerting", async () => {
    feeds.setFeed("/rss", "Testfeed", [
      {
        path: "/a/1",
        title: "Nordkorea schickt weitere Soldaten",
        paragraphs: [
          "Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes NIS rund 15.000 Soldaten nach Russland geschickt.",
        ],
        publishedAt: "2025-03-01T08:00:00Z",
      },
      { path: "/a/2", title: "Wetter", paragraphs: ["Sonnig."], publishedAt: "2025-03-01T09:00:00Z" },
    ]);
    const before = await ledger.history("troops_deployed_total");
    const reply = await run({ command: "feeds", subcommand: "test", options: { url: `${feeds.url}/rss` } });
    expect(reply.deferred).toBe(true);
    expect(reply.text).toContain("Test: Testfeed");
    expect(reply.text).toContain("2 items, 1 with watched keywords.");
    expect(reply.text).toContain("Troops deployed (total): **about 15,000**");
    expect(reply.text).toContain("→ Troops deployed (total):");
    expect(await ledger.history("troops_deployed_total")).toEqual(before);
    expect(fake.messages.size).toBe(0);
  });
});

describe("/settings language", () => {
  it("switches the guild's replies to German, and only that guild's", async () => {
    expect((await run({ command: "settings", subcommand: "language", options: { value: "de" } })).text).toBe(
      "Sprache: Deutsch.",
    );
    expect((await run({ command: "help", permissions: NONE })).text).toContain("Ich lese Nachrichtenfeeds");
    expect((await run({ command: "estimate", permissions: NONE })).text).toContain(
      "**11.500** (11.000 – 12.000) · 2 Quellen",
    );
    expect((await run({ command: "help", permissions: NONE, guildId: B, channelId: B1 })).text).toContain(
      "I read news feeds",
    );
    await run({ command: "settings", subcommand: "language", options: { value: "en" } });
  });

  it("the bot notes each guild's Discord locale; alerts use it while the guild chose no language", async () => {
    expect(await store.settings(B)).toEqual({ lang: null, detectedLang: "de" });
    expect(await store.settings(A)).toMatchObject({ detectedLang: "en" });
  });

  it("a guild without a setting answers in its Discord locale", async () => {
    const reply = await run({ command: "help", permissions: NONE, guildId: B, channelId: B1, locale: "de" });
    expect(reply.text).toContain("Ich lese Nachrichtenfeeds");
  });
});

describe("errors", () => {
  it("a failing handler answers with an apology and never throws out of the listener", async () => {
    await redis.set("zw:guild:200000000000000001:settings", "{not json");
    const reply = await run({ command: "help", permissions: NONE, guildId: B, channelId: B1 });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text).toBe("Something went wrong. Please try again in a moment.");
    expect(errors).toHaveLength(1);
    await redis.del("zw:guild:200000000000000001:settings");
    expect((await run({ command: "help", permissions: NONE, guildId: B, channelId: B1 })).text).toContain(
      "I read",
    );
  });
});
