import { GuildStore } from "@zw/store";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../../../tests/fixtures/fake-discord";
import { useTestRedis } from "../../../tests/fixtures/redis";
import { startBot } from "./bot";
import { superviseBot } from "./supervise-bot";

let fake: FakeDiscord;
const db = useTestRedis();
const logged: Array<{ level: string; msg: string | undefined }> = [];
const logger = {
  info: () => {},
  warn: (_: object, msg?: string) => void logged.push({ level: "warn", msg }),
  error: (_: object, msg?: string) => void logged.push({ level: "error", msg }),
};

const start = (readyTimeoutMs?: number) =>
  startBot({
    ...(readyTimeoutMs ? { readyTimeoutMs } : {}),
    config: { discordToken: "t", discordApiUrl: fake.apiUrl },
    logger,
    store: new GuildStore(db.redis),
    ledger: null,
    status: { feedHealth: async () => [], queueDepths: async () => ({}), lastAlertAt: async () => null },
    previewFeed: null,
  });

const gatewayLookups = () => fake.requestsTo("GET", /^\/gateway\/bot$/).length;

beforeAll(async () => {
  fake = await startFakeDiscord({ guilds: [{ id: "400000000000000001" }] });
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  logged.length = 0;
  fake.requests.length = 0;
});

describe("superviseBot", () => {
  it("keeps trying while Discord is down at start-up, then runs", async () => {
    // Each try asks twice (the REST client's one retry), so this fails the first try only.
    fake.fail({ method: "GET", path: /^\/gateway\/bot$/, status: 503, times: 2 });
    const supervisor = await superviseBot(() => start(), { logger, retryMs: 100 });
    expect(supervisor.current()).toBeNull();
    expect(logged).toEqual([{ level: "warn", msg: "could not reach Discord; trying again" }]);
    await vi.waitFor(() => expect(supervisor.current()).not.toBeNull(), { timeout: 10_000, interval: 50 });
    expect(supervisor.current()?.client.isReady()).toBe(true);
    expect(gatewayLookups()).toBe(3);
    await supervisor.stop();
    expect(supervisor.current()).toBeNull();
  });

  it("gives up at once on a refused token", async () => {
    fake.fail({
      method: "GET",
      path: /^\/gateway\/bot$/,
      status: 401,
      body: { message: "401: Unauthorized", code: 0 },
    });
    const supervisor = await superviseBot(() => start(), { logger, retryMs: 50 });
    await new Promise((ok) => setTimeout(ok, 300));
    expect(supervisor.current()).toBeNull();
    expect(gatewayLookups()).toBe(1);
    expect(logged).toEqual([{ level: "error", msg: "Discord refused DISCORD_TOKEN; the bot stays off" }]);
    await supervisor.stop();
  });

  it("stops trying when stopped", async () => {
    fake.fail({ method: "GET", path: /^\/gateway\/bot$/, status: 503, times: 100 });
    const supervisor = await superviseBot(() => start(), { logger, retryMs: 200 });
    await supervisor.stop();
    await new Promise((ok) => setTimeout(ok, 400));
    expect(gatewayLookups()).toBe(2);
  });
});

describe("startBot", () => {
  it("leaves no ready timer behind to reject unheard when the login fails", async () => {
    const unheard: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unheard.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      fake.fail({ method: "GET", path: /^\/gateway\/bot$/, status: 503, times: 2 });
      await expect(start(200)).rejects.toThrow();
      await new Promise((ok) => setTimeout(ok, 500));
      expect(unheard).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
