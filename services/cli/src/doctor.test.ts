import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@zw/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "../../../tests/fixtures/redis";
import { runZw } from "./testing/run-zw";

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Nordkorea</title><link>http://example.org/a</link></item></channel></rss>`;

describe("zw doctor", () => {
  let redis: TestRedis;
  let feeds: Server;
  let base: string;
  beforeAll(async () => {
    redis = await startTestRedis();
    feeds = createServer((req, res) => {
      if (req.url === "/ok.xml") res.writeHead(200, { "content-type": "application/rss+xml" }).end(RSS);
      else res.writeHead(404).end("gone");
    });
    feeds.listen(0, "127.0.0.1");
    await once(feeds, "listening");
    base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    feeds.close();
    await redis.dispose();
  });

  function project(config: object): string {
    const dir = mkdtempSync(join(tmpdir(), "zw-doctor-"));
    writeFileSync(join(dir, "zw.config.json"), JSON.stringify(config));
    return dir;
  }

  it("passes on a healthy set-up and reports each feed", async () => {
    const cwd = project({ feeds: [{ url: `${base}/ok.xml` }, { url: `${base}/missing.xml` }] });
    const { code, out } = await runZw(["doctor"], { env: { REDIS_URL: redis.url }, cwd });
    expect(code).toBe(0);
    expect(out).toMatch(/ok +redis: .* answers \(Redis [\d.]+\), maxmemory-policy noeviction/);
    expect(out).toMatch(/warn +discord: DISCORD_TOKEN is unset/);
    expect(out).toMatch(new RegExp(`ok +feed ${base}/ok.xml: reachable`));
    expect(out).toMatch(new RegExp(`warn +feed ${base}/missing.xml: .*404`));
    expect(out).toMatch(/All good/);
  });

  it("fails on an unreachable REDIS_URL and says how to fix it", async () => {
    const cwd = project({ feeds: [] });
    const port = await freePort();
    const { code, out } = await runZw(["doctor", "--skip-feeds"], {
      env: { REDIS_URL: `redis://127.0.0.1:${port}` },
      cwd,
    });
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL +redis: REDIS_URL redis:\/\/127\.0\.0\.1:\d+ does not answer/);
    expect(out).toMatch(/fix: start that Redis, correct REDIS_URL, or unset it/);
  });

  it("fails within seconds on a Redis that answers the ping and then stops answering", async () => {
    // Answers CLIENT, PING and each connection's ready check (its first INFO), then nothing: a Redis
    // that hangs mid-way.
    const sockets = new Set<Socket>();
    const stalling = createNetServer((socket) => {
      sockets.add(socket);
      let infos = 0;
      socket.on("data", (data) => {
        for (const command of data.toString().split("*").slice(1)) {
          if (/\bPING\b/i.test(command)) socket.write("+PONG\r\n");
          else if (/\bCLIENT\b/i.test(command)) socket.write("+OK\r\n");
          else if (/\bINFO\b/i.test(command) && infos++ === 0) {
            const info = "redis_version:7.0.0\r\nloading:0\r\n";
            socket.write(`$${info.length}\r\n${info}\r\n`);
          }
        }
      });
    });
    stalling.listen(0, "127.0.0.1");
    await once(stalling, "listening");
    const { port } = stalling.address() as AddressInfo;
    try {
      const started = Date.now();
      const { code, out } = await runZw(["doctor", "--skip-feeds"], {
        env: { REDIS_URL: `redis://127.0.0.1:${port}` },
        cwd: project({ feeds: [] }),
      });
      expect(code).toBe(1);
      expect(out).toMatch(
        /FAIL +redis: redis:\/\/127\.0\.0\.1:\d+ answered a ping, then not: Command timed out/,
      );
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      stalling.close();
    }
  });

  it("fails on a bad configuration, naming the field", async () => {
    const cwd = project({ pollIntervalMinutes: 0 });
    const { code, out } = await runZw(["doctor"], { env: {}, cwd });
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL +configuration: invalid configuration:\n {2}pollIntervalMinutes \(from /);
  });

  it("rejects an unknown option as a usage error", async () => {
    const { code, err } = await runZw(["doctor", "--frobnicate"], { cwd: tmpdir() });
    expect(code).toBe(2);
    expect(err).toMatch(/Unknown option '--frobnicate'/);
  });
});
