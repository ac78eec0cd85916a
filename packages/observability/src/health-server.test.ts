import { afterEach, describe, expect, it } from "vitest";
import { type CheckResult, type HealthServer, startHealthServer } from "./health-server";
import { createMetrics } from "./metrics";

describe("startHealthServer", () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it("answers /healthz with 200 when every check passes", async () => {
    const { registry } = createMetrics();
    server = await startHealthServer({ port: 0, registry, checks: { redis: async () => "PONG" } });
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", checks: { redis: { ok: true } } });
  });

  it("answers /healthz with 503 naming the failing, false and slow checks", async () => {
    const { registry } = createMetrics();
    server = await startHealthServer({
      port: 0,
      registry,
      checkTimeoutMs: 200,
      checks: {
        redis: async () => {
          throw new Error("connection refused");
        },
        discord: async () => false,
        slow: () => new Promise(() => {}),
        queue: async () => undefined,
      },
    });
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, CheckResult> };
    expect(body.status).toBe("failing");
    expect(body.checks.redis).toMatchObject({ ok: false, error: "connection refused" });
    expect(body.checks.discord?.ok).toBe(false);
    expect(body.checks.slow).toMatchObject({ ok: false, error: "no answer within 200 ms" });
    expect(body.checks.queue?.ok).toBe(true);
  });

  it("serves the metrics in Prometheus text, queue depths read at scrape time", async () => {
    const metrics = createMetrics();
    metrics.polls.inc({ outcome: "not_modified" });
    metrics.polls.inc({ outcome: "not_modified" });
    metrics.items.inc({ kind: "new" });
    metrics.fetchLatency.observe({ outcome: "ok" }, 0.3);
    let depth = 3;
    metrics.trackQueueDepths(async () => ({ "zw-poll": { waiting: depth, active: 1 } }));
    server = await startHealthServer({ port: 0, registry: metrics.registry, checks: {} });
    const first = await (await fetch(`${server.url}/metrics`)).text();
    expect(first).toContain('zw_feed_polls_total{outcome="not_modified"} 2');
    expect(first).toContain('zw_feed_items_total{kind="new"} 1');
    expect(first).toContain('zw_feed_fetch_seconds_bucket{le="0.5",outcome="ok"} 1');
    expect(first).toContain('zw_queue_depth{queue="zw-poll",state="waiting"} 3');
    depth = 5;
    const second = await (await fetch(`${server.url}/metrics`)).text();
    expect(second).toContain('zw_queue_depth{queue="zw-poll",state="waiting"} 5');
  });

  it("listens on the host it is given, and only there", async () => {
    const { registry } = createMetrics();
    server = await startHealthServer({ port: 0, host: "127.0.0.2", registry, checks: {} });
    expect(server.url).toBe(`http://127.0.0.2:${server.port}`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
  });

  it("gives an IPv6 host its brackets in the URL", async () => {
    const { registry } = createMetrics();
    server = await startHealthServer({ port: 0, host: "::1", registry, checks: {} });
    expect(server.url).toBe(`http://[::1]:${server.port}`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("answers 404 elsewhere", async () => {
    const { registry } = createMetrics();
    server = await startHealthServer({ port: 0, registry, checks: {} });
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});
