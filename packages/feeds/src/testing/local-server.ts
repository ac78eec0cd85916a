import { createServer, type IncomingHttpHeaders, type RequestListener } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { type FetchLimits, FetchLimitsSchema } from "@zw/core";
import { afterEach, expect } from "vitest";
import { FeedError } from "../feed-error";

/** A real HTTP server on a loopback address for tests; records the headers of every request it gets. */
export interface LocalServer {
  origin: string;
  port: number;
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** host: another loopback address (127.0.0.2 on Linux) lets tests stand one server in for a public one. */
export async function startLocalServer(handler: RequestListener, host = "127.0.0.1"): Promise<LocalServer> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `serve(handler)` for a test file: each server it starts is closed after the test that started it. */
export function useLocalServers(): (handler: RequestListener, host?: string) => Promise<LocalServer> {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (handler, host) => {
    const server = await startLocalServer(handler, host);
    servers.push(server);
    return server;
  };
}

/** The FeedError a fetch failed with; fails the test when it succeeded or failed otherwise. */
export async function feedFailure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

/** Short limits so timeout tests finish quickly. */
export function testLimits(overrides: Partial<FetchLimits> = {}): FetchLimits {
  return FetchLimitsSchema.parse({ connectTimeoutMs: 1000, totalTimeoutMs: 3000, ...overrides });
}

/** A resolver that knows only the given names (never asks real DNS); unknown names fail like NXDOMAIN. */
export function fakeResolver(table: Record<string, string | string[]>): LookupFunction {
  return (hostname, _options, callback) => {
    const entry = table[hostname];
    if (entry === undefined) {
      return callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }),
        "",
        0,
      );
    }
    const addresses = (Array.isArray(entry) ? entry : [entry]).map((address) => ({
      address,
      family: address.includes(":") ? 6 : 4,
    }));
    callback(null, addresses);
  };
}
