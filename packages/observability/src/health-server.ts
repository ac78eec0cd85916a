import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

/** Resolves (with anything but `false`) when healthy; throws or returns false when not. */
export type HealthCheck = () => Promise<unknown>;

export interface HealthServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** An IP address or host name; 127.0.0.1 when absent. */
  host?: string;
  registry: Registry;
  checks: Record<string, HealthCheck>;
  /** A check not answering within this time fails. */
  checkTimeoutMs?: number;
}

export interface CheckResult {
  ok: boolean;
  ms: number;
  error?: string;
}

export interface HealthServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Serves GET /healthz (200 or 503 with each check) and GET /metrics (Prometheus text). */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "text/plain", "");
    if (path === "/healthz") {
      void runChecks(options.checks, options.checkTimeoutMs ?? 2_000).then((checks) => {
        const ok = Object.values(checks).every((check) => check.ok);
        const body = JSON.stringify({ status: ok ? "ok" : "failing", checks });
        send(response, ok ? 200 : 503, "application/json", body);
      });
      return;
    }
    if (path === "/metrics") {
      options.registry.metrics().then(
        (text) => send(response, 200, options.registry.contentType, text),
        (error: unknown) => send(response, 500, "text/plain", String(error)),
      );
      return;
    }
    send(response, 404, "text/plain", "not found");
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}

async function runChecks(
  checks: Record<string, HealthCheck>,
  timeoutMs: number,
): Promise<Record<string, CheckResult>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const),
  );
  return Object.fromEntries(entries);
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([check(), timeout]);
    const ms = Date.now() - started;
    return result === false ? { ok: false, ms, error: "check returned false" } : { ok: true, ms };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, error: (error as Error).message ?? String(error) };
  } finally {
    clearTimeout(timer);
  }
}
