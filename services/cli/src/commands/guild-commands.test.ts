import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandDefinitions } from "@zw/discord";
import { connectRedis } from "@zw/redis";
import { GLOBAL_SCOPE, GuildStore } from "@zw/store";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_ID, type FakeDiscord, startFakeDiscord } from "../../../../tests/fixtures/fake-discord";
import { startTestRedis, type TestRedis } from "../../../../tests/fixtures/redis";
import { runZw } from "../testing/run-zw";

const G = "300000000000000001";
const H = "300000000000000002";
const C = "300000000000000011";

let server: TestRedis;
let fake: FakeDiscord;
let redis: Redis;
let store: GuildStore;
let cwd: string;

function zw(args: string[], env: Record<string, string> = {}) {
  return runZw(args, { env: { REDIS_URL: server.url, ...env }, cwd });
}

beforeAll(async () => {
  server = await startTestRedis();
  fake = await startFakeDiscord();
  redis = connectRedis(server.url, "guild-commands-test");
  store = new GuildStore(redis);
  cwd = mkdtempSync(join(tmpdir(), "zw-guild-cli-"));
});
afterAll(async () => {
  redis.disconnect();
  await fake.stop();
  await server.dispose();
  rmSync(cwd, { recursive: true, force: true });
});

describe("zw subscribe", () => {
  it("creates, updates, lists and removes a subscription in the bot's store", async () => {
    const created = await zw([
      "subscribe",
      "--guild",
      G,
      "--channel",
      C,
      "--metrics",
      "killed,wounded",
      "--min-change",
      "15%",
      "--role",
      H,
    ]);
    expect(created).toMatchObject({ code: 0, err: "" });
    expect(created.out).toMatch(/^subscribed: /);
    expect(await store.subscription(G, C)).toMatchObject({
      metrics: ["killed", "wounded"],
      minChange: 0.15,
      roleId: H,
    });
    await zw(["subscribe", "--guild", G, "--channel", C, "--digest", "--quiet-hours", "22-6"]);
    expect(await store.subscription(G, C)).toMatchObject({
      minChange: 0.15,
      digest: true,
      quietHours: { from: 22, to: 6 },
    });
    const list = await zw(["subscribe", "--guild", G, "--list"]);
    expect(list.out).toBe(
      `${C}  events=estimate_changed,conflict,inconsistency,new_metric  metrics=killed,wounded  min-change=0.15  role=${H}  digest  quiet=22-6\n`,
    );
    expect((await zw(["subscribe", "--guild", H, "--list"])).out).toBe("");
    expect((await zw(["subscribe", "--guild", G, "--channel", C, "--remove"])).out).toBe(
      `unsubscribed ${C}\n`,
    );
    expect(await store.subscriptions(G)).toEqual([]);
  });

  it("refuses bad values with the flag named, exit code 2, storing nothing", async () => {
    const bad = await zw(["subscribe", "--guild", G, "--channel", C, "--events", "everything"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^zw subscribe: --events: unknown everything \(known: estimate_changed/);
    const badChannel = await zw(["subscribe", "--guild", G, "--channel", "general"]);
    expect(badChannel.err).toBe("zw subscribe: --channel: expected a Discord id (17 to 20 digits)\n");
    const badChange = await zw(["subscribe", "--guild", G, "--channel", C, "--min-change", "lots"]);
    expect(badChange.err).toBe("zw subscribe: --min-change: a share like 0.1 or a percentage like 10%\n");
    expect(await store.subscriptions(G)).toEqual([]);
  });
});

describe("zw watch", () => {
  it("manages a guild's keywords like /watch", async () => {
    expect((await zw(["watch", "add", "Kim Jong Un", "--guild", G])).out).toBe('watching "Kim Jong Un"\n');
    expect((await zw(["watch", "add", "kim jong un", "--guild", G])).out).toBe(
      'already watching "kim jong un"\n',
    );
    expect((await zw(["watch", "list", "--guild", G])).out).toBe("Kim Jong Un\n");
    expect((await zw(["watch", "list", "--guild", H])).out).toBe("");
    expect((await zw(["watch", "remove", "Kim Jong Un", "--guild", G])).out).toBe(
      'no longer watching "Kim Jong Un"\n',
    );
    expect((await zw(["watch", "add", "x", "--guild", G])).err).toBe(
      "zw watch: KEYWORD: at least 2 characters\n",
    );
    expect((await zw(["watch", "add", "Kursk"])).err).toBe("zw watch: --guild ID is required\n");
  });
});

describe("zw feeds", () => {
  it("manages the operator's list without --guild and a guild's with it; one URL is fetched once", async () => {
    expect((await zw(["feeds", "add", "https://example.org/rss", "--name", "Example"])).out).toBe(
      "added: https://example.org/rss (operator)\n",
    );
    expect((await zw(["feeds", "add", "https://example.org/rss", "--guild", G])).out).toBe(
      `added: https://example.org/rss (guild ${G})\n`,
    );
    expect((await zw(["feeds", "list"])).out).toBe("https://example.org/rss\n");
    expect((await zw(["feeds", "list", "--all"])).out).toBe("https://example.org/rss\n");
    expect(await store.guildsForFeed("https://example.org/rss")).toEqual([GLOBAL_SCOPE, G].sort());
    await zw(["feeds", "remove", "https://example.org/rss"]);
    expect((await zw(["feeds", "list", "--all"])).out).toBe("https://example.org/rss\n");
    await zw(["feeds", "remove", "https://example.org/rss", "--guild", G]);
    expect((await zw(["feeds", "list", "--all"])).out).toBe("");
    expect((await zw(["feeds", "add", "ftp://example.org/rss"])).err).toBe(
      "zw feeds: URL: feed URLs must be http or https\n",
    );
  });
});

describe("zw commands", () => {
  it("registers the command set in a guild and globally on (fake) Discord", async () => {
    const env = {
      DISCORD_TOKEN: "cli-token",
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
    };
    const guild = await zw(["commands", "register", "--guild", G], env);
    expect(guild).toMatchObject({ code: 0, out: `registered 10 commands in guild ${G}\n` });
    const put = fake.requestsTo("PUT", new RegExp(`^/applications/${APPLICATION_ID}/guilds/${G}/commands$`));
    expect(put[0]?.body).toEqual(commandDefinitions());
    expect(put[0]?.headers.authorization).toBe("Bot cli-token");
    // Without an application id it asks Discord for it.
    const global = await zw(["commands", "register"], {
      DISCORD_TOKEN: "cli-token",
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(global.out).toBe("registered 10 commands globally\n");
    expect(fake.requestsTo("GET", /^\/applications\/@me$/)).toHaveLength(1);
    expect(fake.commands.get("global")).toHaveLength(10);
  });

  it("needs a token", async () => {
    expect((await zw(["commands", "register"])).err).toBe("zw commands: DISCORD_TOKEN is not set\n");
  });

  it("lists the commands offline", async () => {
    const { out } = await zw(["commands", "list"]);
    expect(out.split("\n")[0]).toBe("/estimate  Current estimates: all metrics, or one in detail");
    expect(out).toContain("/subscribe  (Manage Server)");
  });
});
