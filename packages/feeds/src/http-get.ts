import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Transform } from "node:stream";
import zlib from "node:zlib";
import type { FetchLimits } from "@zw/core";
import { type AddressPolicy, addressPolicy, checkUrlTarget, guardedLookup } from "./address-guard";
import { FeedError } from "./feed-error";
import { networkError } from "./network-error";

/** Where a fetch may go and how much it may cost. */
export interface FetchOptions {
  limits: FetchLimits;
  /** Operator switch (ZW_ALLOW_PRIVATE_FEEDS): skip the SSRF guard entirely. */
  allowPrivate: boolean;
  /**
   * The origin (`new URL(u).origin`: scheme, host, port) of a URL the operator configured: hops to it may
   * reach private addresses, hops anywhere else keep the guard. The operator vouches for the address they
   * wrote, not for wherever it redirects; a redirect within that origin stays on the server they named.
   */
  trustedOrigin?: string;
  /** Resolves host names; tests map names to local addresses with it. Default: the system resolver. */
  lookup?: LookupFunction;
  /**
   * Replaces the public-only address rule while allowPrivate is false. Tests use it to let 127.0.0.1 stand in
   * for a public address, so redirects to other private addresses can be shown to be refused.
   */
  isAllowedAddress?: AddressPolicy;
}

export interface HttpGetOptions extends FetchOptions {
  accept: string;
  headers?: Record<string, string>;
}

/** A 2xx response with its (decompressed) body, or a 304 to a conditional request (empty body). */
export interface HttpResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * GET with the SSRF guard on every hop (but those to options.trustedOrigin), at most limits.maxRedirects
 * redirects (a loop is refused at once), a connect timeout per hop, one total timeout for all hops and the body, and limits.maxBytes on both the
 * bytes received and the bytes after decompression.
 */
export async function httpGet(url: string, options: HttpGetOptions): Promise<HttpResponse> {
  const guarded = hopGuard(options.allowPrivate, options);
  const trusted = hopGuard(true, options);
  const deadline = Date.now() + options.limits.totalTimeoutMs;
  const visited = new Set<string>();
  let current = url;
  for (let redirects = 0; ; redirects++) {
    // Decided per hop: the guard chosen here makes this hop's own lookup, so it judges the address connected to.
    const guard = isOnOrigin(current, options.trustedOrigin) ? trusted : guarded;
    const response = await requestHop(current, guard, { ...options, deadline }).catch((error: unknown) => {
      throw redirects > 0 ? leftTrustedOrigin(error, url, current, options.trustedOrigin) : error;
    });
    visited.add(response.url);
    if (!REDIRECTS.has(response.status)) return response;
    const location = response.headers.location;
    if (!location) {
      throw new FeedError(
        "http_status",
        `HTTP ${response.status} redirect from ${response.url} without a Location header`,
        response.status,
      );
    }
    const next = URL.canParse(location, response.url) ? new URL(location, response.url).href : null;
    if (next === null)
      throw new FeedError("bad_url", `${response.url} redirects to an invalid URL "${location}"`);
    if (visited.has(next)) {
      throw new FeedError("too_many_redirects", `redirect loop: ${response.url} redirects back to ${next}`);
    }
    if (redirects >= options.limits.maxRedirects) {
      throw new FeedError(
        "too_many_redirects",
        `more than ${options.limits.maxRedirects} redirects (the last one to ${next})`,
      );
    }
    current = next;
  }
}

/** What one hop may reach: the address rule for IP literals and for the names its own lookup resolves. */
interface HopGuard {
  allowed: AddressPolicy;
  checkNames: boolean;
  lookup: LookupFunction;
}

function hopGuard(allowPrivate: boolean, options: FetchOptions): HopGuard {
  const allowed = addressPolicy(allowPrivate, options.isAllowedAddress);
  return { allowed, checkNames: !allowPrivate, lookup: guardedLookup(allowed, options.lookup) };
}

function isOnOrigin(url: string, origin: string | undefined): boolean {
  return origin !== undefined && URL.canParse(url) && new URL(url).origin === origin;
}

async function requestHop(
  url: string,
  guard: HopGuard,
  options: Omit<HopOptions, "lookup">,
): Promise<HttpResponse> {
  const target = checkUrlTarget(url, guard.allowed, guard.checkNames);
  return requestOnce(target, { ...options, lookup: guard.lookup });
}

/** A redirect hop refused for its address while the fetch trusts an origin: names the way off that origin. */
function leftTrustedOrigin(error: unknown, from: string, to: string, origin: string | undefined): unknown {
  if (origin === undefined || !(error instanceof FeedError) || error.reason !== "blocked_address")
    return error;
  return new FeedError(
    "blocked_address",
    `${from} redirected to ${to}, outside ${origin}, the only origin that may reach private addresses; ${error.message}`,
  );
}

interface HopOptions extends HttpGetOptions {
  lookup: LookupFunction;
  deadline: number;
}

function decompressorFor(encoding: string, firstChunk: Buffer): Transform | null {
  switch (encoding) {
    case "":
    case "identity":
      return null;
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "br":
      return zlib.createBrotliDecompress();
    case "deflate": {
      // "deflate" should be zlib-wrapped; some servers send raw deflate. A zlib header has CM=8 and a check sum.
      const [a = 0, b = 0] = firstChunk;
      return (a & 0x0f) === 8 && ((a << 8) | b) % 31 === 0 ? zlib.createInflate() : zlib.createInflateRaw();
    }
    default:
      throw new FeedError("bad_encoding", `unsupported Content-Encoding "${encoding}"`);
  }
}

function requestOnce(target: URL, options: HopOptions): Promise<HttpResponse> {
  const { limits } = options;
  const host = target.host;
  return new Promise<HttpResponse>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const settle = (error: FeedError | null, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      req.destroy();
      if (error) reject(error);
      else resolve(response!);
    };

    const conditional = Object.keys(options.headers ?? {}).some((name) => /^if-/i.test(name));
    const req = (target.protocol === "https:" ? https : http).request(target, {
      headers: {
        "User-Agent": limits.userAgent,
        Accept: options.accept,
        "Accept-Encoding": "gzip, deflate, br",
        ...options.headers,
      },
      agent: false,
      lookup: options.lookup,
    });

    const connectTimer = setTimeout(
      () =>
        settle(
          new FeedError("connect_timeout", `no connection to ${host} within ${limits.connectTimeoutMs} ms`),
        ),
      limits.connectTimeoutMs,
    );
    timers.push(connectTimer);
    timers.push(
      setTimeout(
        () =>
          settle(
            new FeedError("timeout", `no complete response from ${host} within ${limits.totalTimeoutMs} ms`),
          ),
        Math.max(0, options.deadline - Date.now()),
      ),
    );
    req.on("socket", (socket) => socket.once("connect", () => clearTimeout(connectTimer)));
    req.on("error", (err) => settle(networkError(err, host)));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const answer = { status, url: target.href, headers: res.headers, body: Buffer.alloc(0) };
      if (REDIRECTS.has(status) || (status === 304 && conditional)) return settle(null, answer);
      if (status < 200 || status > 299) {
        const text = res.statusMessage ? ` ${res.statusMessage}` : "";
        return settle(new FeedError("http_status", `HTTP ${status}${text} from ${target.href}`, status));
      }
      const declared = Number(res.headers["content-length"]);
      if (declared > limits.maxBytes) {
        return settle(
          new FeedError(
            "too_large",
            `${host} announces ${formatBytes(declared)}, over ${limitText(limits.maxBytes)}`,
          ),
        );
      }
      readBody(res, limits.maxBytes, host).then(
        (body) => settle(null, { ...answer, body }),
        (error: FeedError) => settle(error),
      );
    });
    req.end();
  });
}

function limitText(maxBytes: number): string {
  return `the ${formatBytes(maxBytes)} limit`;
}

/** Reads and decompresses a body, refusing as soon as either the received or the decompressed bytes pass maxBytes. */
function readBody(res: IncomingMessage, maxBytes: number, host: string): Promise<Buffer> {
  const encoding = (res.headers["content-encoding"] ?? "").trim().toLowerCase();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    let decompressor: Transform | null | undefined;
    let failed = false;
    const fail = (error: FeedError) => {
      if (failed) return;
      failed = true;
      decompressor?.destroy();
      res.destroy();
      reject(error);
    };
    const collect = (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > maxBytes) {
        return fail(
          new FeedError(
            "too_large",
            `the body from ${host} decompresses to more than ${limitText(maxBytes)}`,
          ),
        );
      }
      chunks.push(chunk);
    };
    const done = () => {
      if (!failed) resolve(Buffer.concat(chunks));
    };

    res.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        return fail(
          new FeedError("too_large", `the body from ${host} is larger than ${limitText(maxBytes)}`),
        );
      }
      if (decompressor === undefined) {
        try {
          decompressor = decompressorFor(encoding, chunk);
        } catch (error) {
          return fail(error as FeedError);
        }
        decompressor?.on("data", collect);
        decompressor?.on("end", done);
        decompressor?.on("error", (err) =>
          fail(
            new FeedError("bad_encoding", `the ${encoding} body from ${host} is corrupt (${err.message})`),
          ),
        );
      }
      if (decompressor) decompressor.write(chunk);
      else collect(chunk);
    });
    res.on("end", () => {
      if (decompressor) decompressor.end();
      else done();
    });
    // A reset mid-body surfaces as "close" before the message is complete; "error" alone would throw.
    res.on("error", () => {});
    res.on("close", () => {
      if (!res.complete) {
        fail(new FeedError("connection_reset", `${host} closed the connection before the body was complete`));
      }
    });
  });
}
