import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { appServices } from "@zw/cli/app-services";
import { changeFeed } from "@zw/discord";
import { type FeedServer, startFeedServer } from "@zw/feed-server";
import { privateTargetRefusal } from "@zw/feeds";
import { createQueues, type Queues, queueDepths } from "@zw/queue";
import { type Host, hostServices } from "@zw/service-host";
import { FeedStateStore, GuildStore } from "@zw/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../services/cli/src/run-cli";
import {
  type FakeDiscord,
  type InteractionInput,
  MANAGE_GUILD,
  messageProblems,
  parsedMentions,
  startFakeDiscord,
} from "./fixtures/fake-discord";
import { startTestRedis, type TestRedis } from "./fixtures/redis";
import { waitFor } from "./fixtures/wait-for";
import { configDir } from "./fixtures/zw-process";

/**
 * The whole bot (`zw start`: scheduler aside, every service in one host) against hostile users and
 * feeds: private feed URLs through /feeds add and `zw feeds add`, mentions and markdown from a
 * feed item all the way into the message Discord receives, hostile slash command options, per-guild
 * limits, and the token in a child process's output.
 */

const A = "340000000000000001";
const A1 = "340000000000000011";
const A2 = "340000000000000012";
const B = "350000000000000001";
const B1 = "350000000000000011";
const TOKEN = "MzQwMDAwMDAwMDAwMDAwMDA5.security-test.secret-token";

let redis: TestRedis;
let fake: FakeDiscord;
let feeds: FeedServer;
/** An operator feed on 127.0.0.1 that redirects to the feed server, on another port of 127.0.0.1. */
let moved: Server;
let movedUrl: string;
let cwd: string;
let host: Host;
let queues: Queues;
let store: GuildStore;

async function command(input: Partial<InteractionInput> & Pick<InteractionInput, "command">) {
  const interaction = fake.interact({ guildId: A, channelId: A1, permissions: MANAGE_GUILD, ...input });
  return fake.replyTo(interaction, 20_000);
}

async function zw(args: string[], env: Record<string, string> = {}, dir = cwd) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => (out += chunk));
  stderr.on("data", (chunk) => (err += chunk));
  const code = await runCli(args, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    env: { REDIS_URL: redis.url, ...env },
    cwd: dir,
  });
  return { code, out, err };
}

beforeAll(async () => {
  redis = await startTestRedis();
  fake = await startFakeDiscord({
    guilds: [
      { id: A, channels: [A1, A2] },
      { id: B, channels: [B1] },
    ],
  });
  feeds = await startFeedServer();
  feeds.setFeed("/wire.xml", "Wire", []);
  moved = createServer((_req, res) => res.writeHead(301, { Location: `${feeds.url}/wire.xml` }).end());
  await new Promise<void>((resolve) => moved.listen(0, "127.0.0.1", resolve));
  movedUrl = `http://127.0.0.1:${(moved.address() as AddressInfo).port}/moved.xml`;
  cwd = configDir({
    feeds: [
      { url: `${feeds.url}/wire.xml`, name: "Wire", lang: "en" },
      { url: movedUrl, name: "Moved", lang: "en" },
    ],
    keywords: ["North Korea"],
    schedulerCron: "0 0 1 1 *",
    httpPort: 0,
    logLevel: "silent",
    limits: { feedsPerGuild: 2, keywordsPerGuild: 2, subscriptionsPerGuild: 1 },
  });
  host = await hostServices(appServices(["fetcher", "extractor", "notifier", "bot"]), {
    name: "security",
    cwd,
    handleSignals: false,
    env: { REDIS_URL: redis.url, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl },
  });
  queues = createQueues(host.connection);
  store = new GuildStore(host.connection);
}, 120_000);

afterAll(async () => {
  await queues?.close();
  await host?.stop();
  await feeds?.close();
  moved?.closeAllConnections();
  moved?.close();
  await fake?.stop();
  await redis?.dispose();
  rmSync(cwd, { recursive: true, force: true });
});

const PRIVATE_URLS = [
  "http://127.0.0.1/rss",
  "http://127.1/rss",
  "http://2130706433/rss",
  "http://localhost:8080/rss",
  "http://news.localhost/rss",
  "http://[::1]/rss",
  "http://10.1.2.3/rss",
  "http://172.16.5.4/rss",
  "http://172.31.255.1/rss",
  "http://192.168.1.1/rss",
  "http://169.254.169.254/latest/meta-data/",
  "http://[::ffff:127.0.0.1]/rss",
  "http://[::ffff:a9fe:a9fe]/rss",
  "http://0.0.0.0/rss",
];

describe("SSRF: feeds on private addresses", () => {
  it("/feeds add refuses each with the reason, and stores none; /feeds test fetches none", async () => {
    for (const url of PRIVATE_URLS) {
      const reply = await command({ command: "feeds", subcommand: "add", options: { url } });
      expect([url, reply.text]).toEqual([
        url,
        expect.stringMatching(/private or reserved address|local name/),
      ]);
      expect(reply.ephemeral).toBe(true);
    }
    expect(await store.feeds(A)).toEqual([]);
    const preview = await command({
      command: "feeds",
      subcommand: "test",
      options: { url: "http://169.254.169.254/latest/meta-data/" },
    });
    expect(preview.text).toMatch(/private or reserved address/);
  });

  it("zw feeds add refuses them too (exit 2), for a guild and for the operator's list", async () => {
    for (const args of [
      ["feeds", "add", "http://169.254.169.254/latest/meta-data/", "--guild", A],
      ["feeds", "add", "http://[::ffff:10.0.0.1]/rss"],
    ]) {
      const { code, err } = await zw(args);
      expect([args.join(" "), code]).toEqual([args.join(" "), 2]);
      expect(err).toMatch(/private or reserved address/);
    }
    expect(await store.allFeedUrls()).toEqual([]);
  });

  it("a name resolving to a private address is refused when added (local resolver hook)", async () => {
    const lookup = ((_host: string, _options: unknown, callback: (...args: unknown[]) => void) =>
      callback(null, [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ])) as unknown as LookupFunction;
    const add = changeFeed(store, "add", A, { url: "https://intranet.example/rss" }, (url) =>
      privateTargetRefusal(url, lookup),
    );
    await expect(add).rejects.toMatchObject({ name: "ZodError" });
    await expect(add).rejects.toThrow(/intranet\.example resolves to 10\.0\.0\.7/);
    // A name that does not resolve here is left to the fetch, which checks every connection.
    expect(await privateTargetRefusal("https://unknown-name.invalid/rss")).toBeNull();
  });

  it("at fetch time a stored guild feed on a private address is refused and recorded, not fetched", async () => {
    // Stored before the add-time check existed, or while the operator allowed private feeds.
    const urls = [`${feeds.url}/wire.xml?guild`, "http://10.0.0.1/rss", "http://[::ffff:169.254.169.254]/"];
    const asked = feeds.requests.length;
    for (const url of urls) await queues.enqueuePoll({ feedUrl: url, slot: "ssrf" });
    const state = new FeedStateStore(host.connection);
    for (const url of urls) {
      const health = await waitFor(`${url} to be recorded`, () => state.health(url));
      expect([url, health.lastError]).toEqual([url, expect.stringMatching(/^blocked_address: /)]);
    }
    expect(feeds.requests.length).toBe(asked);
  });

  it("an operator feed may reach its own private origin, not another one it redirects to", async () => {
    const asked = feeds.requests.length;
    await queues.enqueuePoll({ feedUrl: movedUrl, slot: "ssrf-operator" });
    const state = new FeedStateStore(host.connection);
    const health = await waitFor(`${movedUrl} to be recorded`, () => state.health(movedUrl));
    expect(health).toMatchObject({
      consecutiveFailures: 1,
      lastError: `blocked_address: ${movedUrl} redirected to ${feeds.url}/wire.xml, outside ${new URL(movedUrl).origin}, the only origin that may reach private addresses; 127.0.0.1 is a private or reserved address; refused`,
    });
    expect(feeds.requests.length).toBe(asked);
  });

  it("with the operator's allowance a private feed is accepted", async () => {
    const { code, out } = await zw(["feeds", "add", `${feeds.url}/wire.xml`, "--guild", B], {
      ZW_ALLOW_PRIVATE_FEEDS: "true",
    });
    expect(code).toBe(0);
    expect(out).toContain("added");
    await zw(["feeds", "remove", `${feeds.url}/wire.xml`, "--guild", B]);
  });
});

describe("injection: a hostile feed item all the way to Discord", () => {
  it("renders mentions, markdown, masked links and invisible characters inert", async () => {
    await store.upsertSubscription({ guildId: A, channelId: A1, events: ["estimate_changed"] });
    const title =
      "@everyone @here <@123456789012345678> <@&223456789012345678> **North** __Korea__ [click](https://evil.example) ||x|| # Heading\u200b\u202e";
    feeds.publish("/wire.xml", {
      path: "/news/hostile",
      title,
      publishedAt: "2025-05-10T02:00:00Z",
      paragraphs: [
        "SEOUL -- North Korea has sent about 14,000 troops to Russia, South Korea's National Intelligence Service (NIS) said @everyone [login](https://evil.example/phish) on Saturday.",
      ],
    });
    await queues.enqueuePoll({ feedUrl: `${feeds.url}/wire.xml`, slot: "inject" });
    await waitFor("the alert", () => (fake.messages.get(A1) ?? []).length > 0, 60_000);
    const [message] = fake.messages.get(A1)!;
    const body = message!.body;
    expect(messageProblems(body)).toEqual([]);
    expect(parsedMentions(body)).toEqual([]);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [] });
    const embeds = body.embeds as Array<{
      title?: string;
      description?: string;
      footer?: { text: string };
      fields?: Array<{ name: string; value: string }>;
    }>;
    const all = [
      String(body.content ?? ""),
      ...embeds.flatMap((e) => [
        e.title ?? "",
        e.description ?? "",
        e.footer?.text ?? "",
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    ].join("\n");
    expect(all).toContain("14,000");
    // No mass mention, user or role mention survives unbroken, in embeds or content.
    expect(all).not.toMatch(/@(everyone|here)/);
    expect(all).not.toMatch(/<@[&!]?\d/);
    // No masked link to the evil site, and none of the title's markdown left unescaped.
    expect(all).not.toMatch(/(?<!\\)\]\(https:\/\/evil\.example/);
    expect(all).not.toMatch(/(?<!\\)\*\*North/);
    expect(all).not.toMatch(/(?<!\\)\|\|x/);
    expect(all).not.toMatch(/(?<!\\)__Korea/);
    expect(all).not.toMatch(/\u202e/);
  });
});

describe("hostile slash command options", () => {
  it("refuses over-long values, control characters and another guild's channel", async () => {
    const cases: Array<[string, Partial<InteractionInput> & Pick<InteractionInput, "command">]> = [
      ["long keyword", { command: "watch", subcommand: "add", options: { keyword: "Nordkorea".repeat(50) } }],
      [
        "control characters",
        { command: "watch", subcommand: "add", options: { keyword: "Nord\u0000korea\u001b[2J" } },
      ],
      [
        "long URL",
        { command: "feeds", subcommand: "add", options: { url: `https://news.example/${"a".repeat(3000)}` } },
      ],
      ["other guild's channel", { command: "subscribe", options: { channel: B1 } }],
      ["bad metric", { command: "history", options: { metric: "x".repeat(500) } }],
      ["text for a number", { command: "history", options: { metric: "killed", days: "many" } }],
      ["number for a list", { command: "subscribe", options: { channel: A1, events: 42 } }],
    ];
    for (const [what, input] of cases) {
      const reply = await command(input);
      // Refused for what is wrong with it, not by a limit nor by an error in the handler.
      expect([what, reply.ephemeral, reply.text]).toEqual([
        what,
        true,
        expect.stringMatching(/^That does not fit: /),
      ]);
    }
    expect(await store.keywords(A)).toEqual([]);
    expect(await store.feeds(A)).toEqual([]);
    expect((await store.subscriptions(A)).map((s) => s.channelId)).not.toContain(B1);
  });

  it("keeps each guild within its limits, and another guild unaffected", async () => {
    for (const keyword of ["Pjöngjang", "Kursk"]) {
      await command({ command: "watch", subcommand: "add", options: { keyword } });
    }
    const third = await command({ command: "watch", subcommand: "add", options: { keyword: "Kim Jong Un" } });
    expect(third.text).toBe("Limit reached: at most 2 keywords per server.");
    expect(await store.keywords(A)).toHaveLength(2);
    const other = await command({
      command: "watch",
      subcommand: "add",
      guildId: B,
      channelId: B1,
      options: { keyword: "Kim Jong Un" },
    });
    expect(other.text).not.toMatch(/limit/i);
    expect(await store.keywords(B)).toEqual(["Kim Jong Un"]);

    for (const url of ["https://one.example/rss", "https://two.example/rss"]) {
      await command({ command: "feeds", subcommand: "add", options: { url } });
    }
    const feed = await command({
      command: "feeds",
      subcommand: "add",
      options: { url: "https://three.example/rss" },
    });
    expect(feed.text).toBe("Limit reached: at most 2 feeds per server.");
    expect(await store.feeds(A)).toHaveLength(2);
    // A1 is subscribed already (the injection test); one subscription per guild in this config.
    const subscription = await command({ command: "subscribe", options: { channel: A2 } });
    expect(subscription.text).toBe("Limit reached: at most 1 subscriptions per server.");
    expect((await store.subscriptions(A)).map((s) => s.channelId)).toEqual([A1]);
  });
});

describe("hostile CLI arguments", () => {
  it("are refused with exit 2 and a message naming the flag, changing nothing", async () => {
    const cases = [
      ["watch", "add", "Nordkorea".repeat(50), "--guild", A],
      ["watch", "add", "Nord\u0000korea", "--guild", A],
      ["watch", "add", "Kursk", "--guild", "not-a-snowflake"],
      ["subscribe", "--guild", A, "--channel", A1, "--min-change", "lots"],
      ["subscribe", "--guild", A, "--channel", "1".repeat(300)],
      ["subscribe", "--guild", A, "--channel", A1, "--events", "estimate_changed,\u001b[2J"],
      ["feeds", "add", `https://news.example/${"a".repeat(3000)}`, "--guild", A],
      ["history", "troops_deployed_total", "--since=-5"],
      ["history", "troops_deployed_total", "--since", "many"],
      ["history", "x".repeat(10_000)],
      ["estimate", "--no-such-flag"],
    ];
    const before = { keywords: await store.keywords(A), subscriptions: await store.subscriptions(A) };
    for (const args of cases) {
      const { code, err } = await zw(args);
      const shown = args.join(" ").slice(0, 60);
      expect([shown, code]).toEqual([shown, 2]);
      expect(err.length).toBeGreaterThan(0);
      // What was typed is quoted bounded, and never as raw escape sequences for the terminal.
      expect(err.length).toBeLessThan(1_200);
      expect(err).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    }
    expect({ keywords: await store.keywords(A), subscriptions: await store.subscriptions(A) }).toEqual(
      before,
    );
  });
});

describe("secrets", () => {
  it("a bad configuration never shows the token, even when it is what is broken", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zw-secret-"));
    try {
      const runs: Array<{ file: string; env: Record<string, string> }> = [
        // The token unquoted in zw.config.json: JSON.parse would quote the text around it.
        { file: `{ "discordToken": ${TOKEN} }`, env: {} },
        { file: JSON.stringify({ discordToken: TOKEN, discordApiUrl: "not a url" }), env: {} },
        { file: "{}", env: { DISCORD_TOKEN: TOKEN, ZW_HTTP_PORT: "port" } },
      ];
      for (const run of runs) {
        writeFileSync(join(dir, "zw.config.json"), run.file);
        const { code, out, err } = await zw(
          ["start", "--only", "notifier"],
          { LOG_LEVEL: "debug", ...run.env },
          dir,
        );
        expect(code).toBe(1);
        expect(err).toMatch(/configuration|JSON|ZW_HTTP_PORT/);
        expect(`${out}${err}`).not.toContain(TOKEN.slice(0, 6));
        expect(`${out}${err}`).not.toContain(TOKEN.split(".")[2]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("zw doctor reports a token Discord refuses without printing it", async () => {
    fake.fail({ path: /^\/users\/@me$/, status: 401, body: { message: "401: Unauthorized", code: 0 } });
    const { out, err } = await zw(["doctor", "--skip-feeds"], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(`${out}${err}`).toMatch(/token|Discord/i);
    expect(`${out}${err}`).not.toContain(TOKEN.slice(0, 6));
    expect(`${out}${err}`).not.toContain(TOKEN.split(".")[2]);
  });
});

describe("queues", () => {
  it("are left empty", async () => {
    const depths = await queueDepths(queues.list);
    for (const depth of Object.values(depths)) expect(depth.waiting + depth.active).toBe(0);
  });
});
