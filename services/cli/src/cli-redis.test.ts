import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createQueues, queueDepths } from "@zw/queue";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../tests/fixtures/redis";
import { waitFor } from "../../../tests/fixtures/wait-for";
import { withRedis } from "./cli-redis";
import { captureIo, runZw } from "./testing/run-zw";

/** A command that connects, then writes: the write is what a paused Redis holds. */
const ADD_KEYWORD = ["watch", "add", "Kursk", "--guild", "300000000000000001"];

describe("withRedis when Redis fails during a command", () => {
  const cwd = mkdtempSync(join(tmpdir(), "zw-cli-redis-"));
  let server: TestRedis | undefined;
  let admin: Redis | undefined;
  afterEach(async () => {
    admin?.disconnect();
    await server?.dispose();
    admin = undefined;
    server = undefined;
  });

  /** A Redis that answers reads but holds every write: the command gets past connecting and waits. */
  async function redisHoldingWrites(): Promise<{ server: TestRedis; admin: Redis }> {
    server = await startTestRedis();
    admin = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    admin.on("error", () => {});
    await admin.call("CLIENT", "PAUSE", "60000", "WRITE");
    return { server, admin };
  }

  it("fails with a clear error within seconds when Redis is killed mid-command", async () => {
    const { server, admin } = await redisHoldingWrites();
    const started = Date.now();
    const run = runZw(ADD_KEYWORD, { env: { REDIS_URL: server.url }, cwd });
    await waitFor("the command's write held by the paused Redis", async () =>
      String(await admin.call("CLIENT", "LIST")).match(/ name=zw-cli .*flags=\w*b/),
    );
    await server.kill();
    const { code, err } = await run;
    expect(code).toBe(1);
    expect(err).toMatch(
      /^zw watch: lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+\n$/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("fails with a clear error within seconds when Redis stops answering mid-command", async () => {
    const { server } = await redisHoldingWrites();
    const started = Date.now();
    const { code, err } = await runZw(ADD_KEYWORD, { env: { REDIS_URL: server.url }, cwd });
    expect(code).toBe(1);
    expect(err).toMatch(
      /^zw watch: lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+: no reply within 5 s\n$/,
    );
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it("fails BullMQ queues opened after Redis died within seconds too (zw status)", async () => {
    server = await startTestRedis();
    const dead = server;
    const started = Date.now();
    const run = captureIo(
      (io) =>
        withRedis(io, async (redis) => {
          await dead.kill();
          await waitFor("the connection to notice", () => redis.status === "reconnecting");
          const queues = createQueues(redis);
          try {
            await queueDepths(queues.list);
          } finally {
            await queues.close();
          }
          return 0;
        }),
      { env: { REDIS_URL: server.url }, cwd },
    );
    await expect(run).rejects.toThrow(
      /^lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("fails within seconds on a REDIS_URL that accepts connections and never replies", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => {
      sockets.add(socket);
      socket.resume();
    });
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      const { code, err } = await runZw(ADD_KEYWORD, {
        env: { REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` },
        cwd,
      });
      expect(code).toBe(1);
      expect(err).toBe(
        `zw watch: no Redis answers at redis://[redacted]@127.0.0.1:${port} (REDIS_URL); start it or unset REDIS_URL\n`,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
