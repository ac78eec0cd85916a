import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { Redis } from "ioredis";

export class RedisServerMissingError extends Error {
  constructor() {
    super(
      "No Redis found: REDIS_URL is unset, nothing answers on 127.0.0.1:6379, and there is no redis-server on PATH.\n" +
        "Fix one of:\n" +
        "  - install it (Debian/Ubuntu: sudo apt-get install redis-server), or\n" +
        "  - point REDIS_URL at a Redis you run (e.g. REDIS_URL=redis://127.0.0.1:6379), or\n" +
        "  - start one with the compose file: docker compose -f infra/compose.yaml up -d redis",
    );
    this.name = "RedisServerMissingError";
  }
}

export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  /** Stops the server (SHUTDOWN, which writes the AOF), then waits for the process to exit. */
  stop(): Promise<void>;
  /** Kills the process without a chance to save, as a crash would. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Data directory; created when missing. */
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  appendonly?: boolean;
  /** Binary to run; defaults to redis-server on PATH. */
  binary?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? ok(address.port) : fail(new Error("no port")),
      );
    });
  });
}

/** Starts redis-server as a child process with the settings BullMQ needs (noeviction) and AOF. */
export async function startRedisServer(options: StartOptions): Promise<RedisServer> {
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const port = options.port || (await freePort());
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--appendonly",
    options.appendonly === false ? "no" : "yes",
    "--appendfsync",
    "everysec",
    "--maxmemory-policy",
    "noeviction",
    "--save",
    "",
    "--daemonize",
    "no",
  ];
  const child = spawn(options.binary ?? "redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    if (output.length < 10_000) output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    if (output.length < 10_000) output += chunk.toString();
  });
  const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
  const spawnError = await new Promise<NodeJS.ErrnoException | null>((ok) => {
    child.once("error", ok);
    child.once("spawn", () => ok(null));
  });
  if (spawnError) {
    if (spawnError.code === "ENOENT") throw new RedisServerMissingError();
    throw spawnError;
  }
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilReady(url, child, exited, () => output);
  return {
    url,
    port,
    dir,
    stop: () => stopChild(child, exited, url),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (Date.now() < deadline) {
    if (done) throw new Error(`redis-server exited during start-up:\n${output()}`);
    if (await ping(url, 300)) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not answer within 10 s:\n${output()}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, url: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.call("SHUTDOWN").catch(() => {});
  } catch {
    child.kill("SIGTERM");
  } finally {
    client.disconnect();
  }
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** True when a Redis answers PING at `url` within `timeoutMs`. */
export async function ping(url: string, timeoutMs = 500): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on("error", () => {});
  // connectTimeout covers the TCP connect only: a server that accepts and never replies would hold
  // the ready check or the PING for good.
  const deadline = setTimeout(() => client.disconnect(), timeoutMs);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    clearTimeout(deadline);
    client.disconnect();
  }
}
