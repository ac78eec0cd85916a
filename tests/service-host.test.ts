import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type FeedServer, startFeedServer } from "@zw/feed-server";
import { fetcherService } from "@zw/fetcher";
import { createQueues } from "@zw/queue";
import { connectRedis, freePort } from "@zw/redis";
import { schedulerService } from "@zw/scheduler";
import { hostServices } from "@zw/service-host";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "./fixtures/redis";
import { waitFor } from "./fixtures/wait-for";

const root = resolve(import.meta.dirname, "..");

describe("hosting services", () => {
  let redis: TestRedis;
  let feeds: FeedServer;
  let cwd: string;

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis.dispose();
  });
  beforeEach(async () => {
    feeds = await startFeedServer();
    feeds.setFeed("/news", "News", [
      {
        path: "/n/1",
        title: "Nordkorea schickt weitere Soldaten",
        paragraphs: ["Laut NIS sind es 3.000."],
        publishedAt: "2026-11-23T10:00:00Z",
      },
    ]);
    cwd = mkdtempSync(join(tmpdir(), "zw-host-"));
    writeFileSync(
      join(cwd, "zw.config.json"),
      JSON.stringify({ feeds: [{ url: `${feeds.url}/news`, name: "News" }], keywords: ["Nordkorea"] }),
    );
    const connection = connectRedis(redis.url);
    await connection.flushall();
    connection.disconnect();
  });
  afterEach(async () => {
    await feeds.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("runs scheduler and fetcher in one process with /healthz and /metrics, and stops cleanly", async () => {
    const port = await freePort();
    const env = { REDIS_URL: redis.url, ZW_HTTP_PORT: String(port), LOG_LEVEL: "silent" };
    const host = await hostServices(
      { scheduler: schedulerService, fetcher: fetcherService },
      { name: "test", env, cwd, handleSignals: false },
    );
    const observer = connectRedis(redis.url);
    const queues = createQueues(observer);
    try {
      // The scheduler ticks once at start; the fetcher turns the feed's item into an article job.
      await waitFor(
        "the article job",
        async () => (await queues.article.getJobCounts("waiting")).waiting === 1,
      );
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", checks: { redis: { ok: true } } });
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toContain('zw_feed_polls_total{outcome="ok"} 1');
      expect(text).toContain('zw_queue_depth{queue="zw-article",state="waiting"} 1');
      expect(text).toContain('zw_jobs_done_total{queue="zw-poll"} 1');
    } finally {
      await host.stop();
      await queues.close();
      observer.disconnect();
    }
    await waitFor("the connection to end", () => host.connection.status === "end", 2_000);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it("runs a second copy on a taken port without /healthz rather than failing", async () => {
    const port = await freePort();
    const env = { REDIS_URL: redis.url, ZW_HTTP_PORT: String(port), LOG_LEVEL: "silent" };
    const options = { env, cwd, handleSignals: false };
    const first = await hostServices({ scheduler: schedulerService }, { name: "first", ...options });
    const second = await hostServices({ scheduler: schedulerService }, { name: "second", ...options });
    try {
      expect(first.health?.port).toBe(port);
      expect(second.health).toBeNull();
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  it("serves /healthz on the address ZW_HTTP_HOST names", async () => {
    const port = await freePort();
    const env = {
      REDIS_URL: redis.url,
      ZW_HTTP_HOST: "127.0.0.2",
      ZW_HTTP_PORT: String(port),
      LOG_LEVEL: "silent",
    };
    const host = await hostServices(
      { scheduler: schedulerService },
      { name: "test", env, cwd, handleSignals: false },
    );
    try {
      expect(host.health?.url).toBe(`http://127.0.0.2:${port}`);
      expect((await fetch(`http://127.0.0.2:${port}/healthz`)).status).toBe(200);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      await host.stop();
    }
  });

  it("stops within its deadline while Redis is down", { timeout: 30_000 }, async () => {
    const own = await startTestRedis();
    const env = { REDIS_URL: own.url, ZW_HTTP_PORT: "0", LOG_LEVEL: "silent" };
    const host = await hostServices(
      { scheduler: schedulerService },
      { name: "test", env, cwd, handleSignals: false, shutdownDeadlineMs: 1_000 },
    );
    try {
      await own.stop();
      const started = Date.now();
      await host.stop();
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await own.dispose().catch(() => {});
    }
  });

  function run(main: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
    // tsx as a loader, not its CLI: the CLI relays signals with a 30 ms handshake that fails under load.
    const loader = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
    const child = spawn(process.execPath, ["--import", loader, join(root, main)], {
      cwd,
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  const exitOf = (child: ChildProcess) =>
    new Promise<number | null>((ok) =>
      child.exitCode !== null ? ok(child.exitCode) : child.once("exit", (code) => ok(code)),
    );

  it.each([
    ["scheduler", "services/scheduler/src/main.ts"],
    ["fetcher", "services/fetcher/src/main.ts"],
  ])("runs the %s alone as a process that stops on SIGTERM", { timeout: 60_000 }, async (_, main) => {
    const port = await freePort();
    const { child, output } = run(main, {
      REDIS_URL: redis.url,
      ZW_HTTP_PORT: String(port),
      LOG_LEVEL: "info",
    });
    try {
      await waitFor(
        "/healthz",
        async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status === 200,
        50_000,
      );
      child.kill("SIGTERM");
      expect(await exitOf(child)).toBe(0);
      expect(output()).toMatch(/"msg":"stopped"/);
    } finally {
      child.kill("SIGKILL");
    }
  });

  // Starting a process that loads every dependency takes seconds on a busy machine.
  it("exits 1 naming the bad setting when the configuration is invalid", { timeout: 60_000 }, async () => {
    const { child, output } = run("services/fetcher/src/main.ts", {
      REDIS_URL: redis.url,
      ZW_POLL_INTERVAL_MINUTES: "often",
    });
    expect(await exitOf(child)).toBe(1);
    expect(output()).toMatch(/ZW_POLL_INTERVAL_MINUTES: expected a whole number/);
  });
});
