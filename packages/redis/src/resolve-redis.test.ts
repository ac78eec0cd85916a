import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../tests/fixtures/redis";
import { freePort, ping, RedisServerMissingError, startRedisServer } from "./redis-server";
import { resolveRedis } from "./resolve-redis";

describe("resolveRedis", () => {
  let running: TestRedis;
  beforeAll(async () => {
    running = await startTestRedis();
  });
  afterAll(async () => {
    await running.dispose();
  });

  it("uses REDIS_URL when set, without probing", async () => {
    const resolved = await resolveRedis({ redisUrl: "redis://10.255.255.1:6379", dataDir: "unused" });
    expect(resolved).toEqual({ url: "redis://10.255.255.1:6379", origin: "env", server: null });
  });

  it("reuses a Redis that answers on the local address", async () => {
    const resolved = await resolveRedis({ redisUrl: null, dataDir: "unused", localUrl: running.url });
    expect(resolved.origin).toBe("local");
    expect(resolved.url).toBe(running.url);
    expect(resolved.server).toBeNull();
  });

  it("starts an embedded redis-server with AOF in <dataDir>/redis when none answers, and stops it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "zw-data-"));
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const resolved = await resolveRedis({ redisUrl: null, dataDir, localUrl: closed });
    expect(resolved.origin).toBe("embedded");
    expect(await ping(resolved.url)).toBe(true);
    expect(existsSync(join(dataDir, "redis", "appendonlydir"))).toBe(true);
    await resolved.server?.stop();
    expect(await ping(resolved.url)).toBe(false);
  });

  it("explains how to get Redis when there is no redis-server binary", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "zw-data-"));
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const attempt = resolveRedis({
      redisUrl: null,
      dataDir,
      localUrl: closed,
      binary: "redis-server-that-does-not-exist",
    });
    await expect(attempt).rejects.toBeInstanceOf(RedisServerMissingError);
    await expect(attempt).rejects.toThrow(
      /apt-get install redis-server[\s\S]*REDIS_URL[\s\S]*infra\/compose\.yaml/,
    );
  });
});

describe("startRedisServer", () => {
  it("keeps data across a restart through the append-only file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zw-aof-"));
    const first = await startRedisServer({ dir });
    const { Redis } = await import("ioredis");
    const client = new Redis(first.url);
    await client.set("zw:test", "kept");
    await client.quit();
    await first.stop();
    const second = await startRedisServer({ dir, port: first.port });
    const again = new Redis(second.url);
    expect(await again.get("zw:test")).toBe("kept");
    expect(await again.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
    await again.quit();
    await second.stop();
  });
});
