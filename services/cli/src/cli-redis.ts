import { resolve } from "node:path";
import { loadConfig, redactUrl } from "@zw/config";
import type { Config } from "@zw/core";
import {
  COMMAND_TIMEOUT_MS,
  connectRedisForCommand,
  isConnectionFailure,
  ping,
  resolveRedis,
} from "@zw/redis";
import type { Redis } from "ioredis";
import type { CommandIo } from "./command";

/**
 * Runs `use` with a connection to the Redis the configuration points at (REDIS_URL, else a local
 * one, else an embedded redis-server started for this command) and closes it whatever happens.
 * A Redis that goes away or stops answering meanwhile fails the command within seconds.
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
  const client = connectRedisForCommand(redis.url, "zw-cli");
  // Connection errors come back as the failure of the command that waited; the last one says why.
  let socketError: Error | undefined;
  client.on("error", (error: Error) => {
    socketError = error;
  });
  let result: T;
  try {
    result = await use(client, config);
  } catch (error) {
    // No QUIT: it would wait for a reply a failed connection may never give.
    client.disconnect();
    await redis.server?.stop();
    if (!isConnectionFailure(error)) throw error;
    const why =
      error.message === "Command timed out"
        ? `no reply within ${COMMAND_TIMEOUT_MS / 1000} s`
        : (socketError ?? error).message;
    throw new Error(`lost the connection to Redis at ${redactUrl(redis.url)}: ${why}`, { cause: error });
  }
  // The command is done: a QUIT that fails changes nothing about its outcome.
  await client.quit().catch(() => client.disconnect());
  await redis.server?.stop();
  return result;
}
