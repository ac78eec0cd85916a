import { join } from "node:path";
import { ping, type RedisServer, startRedisServer } from "./redis-server";

export interface ResolvedRedis {
  url: string;
  /** How the URL was found, for the start-up log. */
  origin: "env" | "local" | "embedded";
  /** Present when this process started the server; call on exit. */
  server: RedisServer | null;
}

export interface ResolveOptions {
  redisUrl: string | null;
  dataDir: string;
  /** Where to look for a running Redis when none is configured. */
  localUrl?: string;
  binary?: string;
}

/**
 * REDIS_URL when set; else a Redis already answering on 127.0.0.1:6379; else an embedded
 * redis-server started with its data in `<dataDir>/redis`.
 */
export async function resolveRedis(options: ResolveOptions): Promise<ResolvedRedis> {
  if (options.redisUrl) return { url: options.redisUrl, origin: "env", server: null };
  const localUrl = options.localUrl ?? "redis://127.0.0.1:6379";
  if (await ping(localUrl)) return { url: localUrl, origin: "local", server: null };
  const server = await startRedisServer({
    dir: join(options.dataDir, "redis"),
    appendonly: true,
    ...(options.binary ? { binary: options.binary } : {}),
  });
  return { url: server.url, origin: "embedded", server };
}
