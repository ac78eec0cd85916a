import { resolve } from "node:path";
import { loadConfig, redactUrl } from "@zw/config";
import type { Config } from "@zw/core";
import { connectRedis, ping, resolveRedis } from "@zw/redis";
import type { Redis } from "ioredis";
import type { CommandIo } from "./command";

/**
 * Runs `use` with a connection to the Redis the configuration points at (REDIS_URL, else a local
 * one, else an embedded redis-server started for this command) and closes it whatever happens.
 */
export async function withRedis<T>(
  io: CommandIo,
  use: (redis: Redis, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ env: io.env, cwd: io.cwd });
  const redis = await resolveRedis({ redisUrl: config.redisUrl, dataDir: resolve(io.cwd, config.dataDir) });
  // A configured Redis that is down would otherwise make the command wait forever.
  if (redis.origin === "env" && !(await ping(redis.url, 2_000))) {
    throw new Error(`no Redis answers at ${redactUrl(redis.url)} (REDIS_URL); start it or unset REDIS_URL`);
  }
  const client = connectRedis(redis.url, "zw-cli");
  try {
    return await use(client, config);
  } finally {
    await client.quit();
    await redis.server?.stop();
  }
}
