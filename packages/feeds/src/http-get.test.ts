import type { ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { type HttpGetOptions, httpGet } from "./http-get";
import { fakeResolver, feedFailure, testLimits, useLocalServers } from "./testing/local-server";
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from "./testing/self-signed";

const serve = useLocalServers();

function options(overrides: Partial<HttpGetOptions> = {}): HttpGetOptions {
  return { limits: testLimits(), allowPrivate: true, accept: "*/*", ...overrides };
}

const TEXT = "Nordkorea hat rund 11.000 Soldaten nach Russland geschickt. ".repeat(200);

describe("httpGet compression", () => {
  const encoders: Record<string, (b: Buffer) => Buffer> = {
    gzip: (b) => zlib.gzipSync(b),
    deflate: (b) => zlib.deflateSync(b),
    "deflate (raw)": (b) => zlib.deflateRawSync(b),
    br: (b) => zlib.brotliCompressSync(b),
  };
  for (const [name, encode] of Object.entries(encoders)) {
    it(`decodes ${name}`, async () => {
      const server = await serve((_req, res) => {
        res.setHeader("Content-Encoding", name.split(" ")[0]!);
        res.end(encode(Buffer.from(TEXT)));
      });
      const response = await httpGet(`${server.origin}/`, options());
      expect(response.body.toString()).toBe(TEXT);
      expect(server.requests[0]?.["accept-encoding"]).toBe("gzip, deflate, br");
    });
  }

  it("refuses an unknown Content-Encoding and a corrupt gzip body", async () => {
    const server = await serve((req, res) => {
      res.setHeader("Content-Encoding", req.url === "/zstd" ? "zstd" : "gzip");
      res.end("definitely not gzip");
    });
    expect((await feedFailure(httpGet(`${server.origin}/zstd`, options()))).reason).toBe("bad_encoding");
    const corrupt = await feedFailure(httpGet(`${server.origin}/gzip`, options()));
    expect(corrupt.reason).toBe("bad_encoding");
    expect(corrupt.message).toMatch(/corrupt/);
  });
});

describe("httpGet size cap", () => {
  const limits = testLimits({ maxBytes: 5 * 1024 * 1024 });

  it("refuses a 20 MB body announced by Content-Length before reading it", async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(20 * 1024 * 1024, 0x61)));
    const error = await feedFailure(httpGet(`${server.origin}/`, options({ limits })));
    expect(error.reason).toBe("too_large");
    expect(error.message).toMatch(/announces 20\.0 MB, over the 5\.0 MB limit/);
  });

  it("refuses a 20 MB chunked body once it passes the cap", async () => {
    const server = await serve((_req, res) => {
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      for (let i = 0; i < 20; i++) res.write(chunk);
      res.end();
    });
    const error = await feedFailure(httpGet(`${server.origin}/`, options({ limits })));
    expect(error.reason).toBe("too_large");
    expect(error.message).toMatch(/larger than the 5\.0 MB limit/);
  });

  it("refuses an endless fast body as too large", async () => {
    const server = await serve((_req, res) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (res.write(chunk)) {}
        res.once("drain", pump);
      };
      res.on("error", () => {});
      pump();
    });
    expect((await feedFailure(httpGet(`${server.origin}/`, options({ limits })))).reason).toBe("too_large");
  });

  it("refuses a gzip bomb (1 GB of zeros in 1 MB) without the memory growing", async () => {
    // Concatenated gzip members decompress one after the other; 64 × 16 MB of zeros.
    const member = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member));
    const server = await serve((_req, res) => {
      res.setHeader("Content-Encoding", "gzip");
      res.end(bomb);
    });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    const error = await feedFailure(httpGet(`${server.origin}/`, options({ limits })));
    clearInterval(sampler);
    const growth = Math.max(peak, process.memoryUsage().rss) - before;
    expect(error.reason).toBe("too_large");
    expect(error.message).toMatch(/decompresses to more than the 5\.0 MB limit/);
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });
});

describe("httpGet timeouts", () => {
  it("ends a server that never sends headers with a timeout", async () => {
    const server = await serve(() => {});
    const started = Date.now();
    const error = await feedFailure(
      httpGet(`${server.origin}/`, options({ limits: testLimits({ totalTimeoutMs: 400 }) })),
    );
    expect(error.reason).toBe("timeout");
    expect(error.message).toMatch(/within 400 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("ends a body that trickles forever with a timeout", async () => {
    const server = await serve((_req, res) => {
      res.write("<rss>");
      const timer = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(timer));
    });
    const error = await feedFailure(
      httpGet(`${server.origin}/`, options({ limits: testLimits({ totalTimeoutMs: 400 }) })),
    );
    expect(error.reason).toBe("timeout");
  });

  it("ends a connection that never comes up with connect_timeout", async () => {
    // A resolver that never answers holds the socket before it connects, without leaving 127.0.0.1.
    const error = await feedFailure(
      httpGet(
        "http://stuck.example/",
        options({ limits: testLimits({ connectTimeoutMs: 300 }), lookup: () => {} }),
      ),
    );
    expect(error.reason).toBe("connect_timeout");
  });
});

describe("httpGet redirects and errors", () => {
  function redirecting(routes: Record<string, string>, status = 302) {
    return (req: { url?: string }, res: ServerResponse) => {
      const to = routes[req.url ?? ""];
      if (to) {
        res.writeHead(status, { Location: to });
        res.end();
      } else res.end(`final ${req.url}`);
    };
  }

  it("follows a chain within the limit and reports the final URL", async () => {
    const server = await serve(redirecting({ "/a": "/b", "/b": "/c?x=1", "/c?x=1": "/feed" }, 301));
    const response = await httpGet(`${server.origin}/a`, options());
    expect(response.url).toBe(`${server.origin}/feed`);
    expect(response.body.toString()).toBe("final /feed");
  });

  it("refuses more redirects than maxRedirects", async () => {
    const routes = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`/${i}`, `/${i + 1}`]));
    const server = await serve(redirecting(routes));
    const error = await feedFailure(httpGet(`${server.origin}/0`, options()));
    expect(error.reason).toBe("too_many_redirects");
    expect(error.message).toMatch(/more than 5 redirects/);
    expect(server.requests).toHaveLength(6);
    const none = await feedFailure(
      httpGet(`${server.origin}/0`, options({ limits: testLimits({ maxRedirects: 0 }) })),
    );
    expect(none.reason).toBe("too_many_redirects");
  });

  it("refuses a redirect loop at the first repeat", async () => {
    const server = await serve(redirecting({ "/a": "/b", "/b": "/a" }, 307));
    const error = await feedFailure(httpGet(`${server.origin}/a`, options()));
    expect(error.reason).toBe("too_many_redirects");
    expect(error.message).toMatch(/redirect loop/);
    expect(server.requests).toHaveLength(2);
  });

  it("refuses a redirect to a non-http scheme", async () => {
    const server = await serve(redirecting({ "/a": "file:///etc/passwd" }));
    expect((await feedFailure(httpGet(`${server.origin}/a`, options()))).reason).toBe("bad_url");
  });

  for (const status of [404, 410, 500]) {
    it(`reports HTTP ${status} as http_status with the status`, async () => {
      const server = await serve((_req, res) => {
        res.statusCode = status;
        res.end("nope");
      });
      const error = await feedFailure(httpGet(`${server.origin}/x`, options()));
      expect(error).toMatchObject({ reason: "http_status", status });
      expect(error.message).toContain(`HTTP ${status}`);
    });
  }

  it("treats a 304 to an unconditional request as an error", async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 304;
      res.end();
    });
    expect((await feedFailure(httpGet(`${server.origin}/`, options()))).status).toBe(304);
  });

  it("reports a connection reset mid-body", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Length": "1000" });
      res.write("partial");
      setTimeout(() => res.socket?.destroy(), 20);
    });
    expect((await feedFailure(httpGet(`${server.origin}/`, options()))).reason).toBe("connection_reset");
  });

  it("reports a refused connection and an unknown name", async () => {
    const server = await serve(() => {});
    const origin = server.origin;
    await server.close();
    expect((await feedFailure(httpGet(`${origin}/`, options()))).reason).toBe("connection_refused");
    const lookup = fakeResolver({});
    expect((await feedFailure(httpGet("http://nowhere.example/", options({ lookup })))).reason).toBe("dns");
  });

  it("reports a certificate it cannot verify as tls, not as a timeout", async () => {
    const server = createHttpsServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, (_req, res) =>
      res.end("ok"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const error = await feedFailure(httpGet(`https://127.0.0.1:${port}/`, options()));
      expect(error.reason).toBe("tls");
      expect(error.message).toMatch(/^TLS with 127\.0\.0\.1:\d+ failed \(.*SELF_SIGNED/);
    } finally {
      server.close();
    }
  });

  it("sends the bot's User-Agent", async () => {
    const server = await serve((_req, res) => res.end("ok"));
    await httpGet(`${server.origin}/`, options());
    expect(server.requests[0]?.["user-agent"]).toMatch(/^Zahlenwacht\//);
  });
});
