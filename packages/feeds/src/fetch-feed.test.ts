import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-guard";
import { type FeedFetchOptions, fetchFeed } from "./fetch-feed";
import { fakeResolver, feedFailure, testLimits, useLocalServers } from "./testing/local-server";

const serve = useLocalServers();

function options(overrides: Partial<FeedFetchOptions> = {}): FeedFetchOptions {
  return { limits: testLimits(), allowPrivate: true, ...overrides };
}

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test</title>
<item><guid>1</guid><title>Nordkoreanische Soldaten in Kursk</title><link>https://news.example/1</link></item>
</channel></rss>`;

function sendFeed(
  res: ServerResponse,
  body: string | Buffer = FEED,
  type = "application/rss+xml; charset=utf-8",
) {
  res.setHeader("Content-Type", type);
  res.end(body);
}

describe("fetchFeed conditional GET", () => {
  it("returns validators, then not_modified on a 304 to them", async () => {
    const etag = '"v1"';
    const lastModified = "Thu, 27 Feb 2025 10:00:00 GMT";
    const server = await serve((req, res) => {
      if (req.headers["if-none-match"] === etag || req.headers["if-modified-since"] === lastModified) {
        res.statusCode = 304;
        return res.end();
      }
      res.setHeader("ETag", etag);
      res.setHeader("Last-Modified", lastModified);
      sendFeed(res);
    });
    const url = `${server.origin}/feed`;
    const first = await fetchFeed(url, options());
    expect(first).toMatchObject({ status: "ok", etag, lastModified, finalUrl: url });
    if (first.status !== "ok") throw new Error("unreachable");
    expect(first.feed.items.map((i) => i.title)).toEqual(["Nordkoreanische Soldaten in Kursk"]);

    expect(await fetchFeed(url, options({ etag }))).toEqual({ status: "not_modified" });
    expect(await fetchFeed(url, options({ lastModified }))).toEqual({ status: "not_modified" });
    expect(server.requests[1]?.["if-none-match"]).toBe(etag);
    expect(server.requests[2]?.["if-modified-since"]).toBe(lastModified);
    expect(server.requests[0]?.["if-none-match"]).toBeUndefined();
  });

  it("returns null validators when the server sends none", async () => {
    const server = await serve((_req, res) => sendFeed(res));
    expect(await fetchFeed(`${server.origin}/`, options())).toMatchObject({ etag: null, lastModified: null });
  });
});

describe("fetchFeed charsets", () => {
  const title = "Pjöngjang: Ä Ö Ü ß – „Südkorea“ €";
  const xml = (declaration: string) =>
    `<?xml version="1.0"${declaration}?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;

  const cases: [name: string, body: Buffer, contentType: string][] = [
    ["UTF-8 by header", Buffer.from(xml("")), "text/xml; charset=utf-8"],
    ["UTF-8 by default", Buffer.from(xml("")), "text/xml"],
    [
      "windows-1252 by XML declaration",
      Buffer.from(new TextEncoderLatin().encode(xml(' encoding="windows-1252"'))),
      "application/rss+xml",
    ],
    [
      "windows-1252 by header",
      Buffer.from(new TextEncoderLatin().encode(xml(""))),
      'application/rss+xml; charset="windows-1252"',
    ],
    [
      "windows-1252 behind a wrong UTF-8 header",
      Buffer.from(new TextEncoderLatin().encode(xml(' encoding="windows-1252"'))),
      "text/xml; charset=UTF-8",
    ],
  ];
  for (const [name, body, contentType] of cases) {
    it(`decodes ${name}`, async () => {
      const server = await serve((_req, res) => sendFeed(res, body, contentType));
      const result = await fetchFeed(`${server.origin}/`, options());
      expect(result.status === "ok" && result.feed.title).toBe(title);
    });
  }

  it("decodes ISO-8859-1 umlauts by XML declaration and by header", async () => {
    const latin = "Nordkorea schickt Soldaten nach Rußland: Öl, Äpfel, Übungen";
    const body = (declaration: string) =>
      Buffer.from(
        `<?xml version="1.0"${declaration}?><rss version="2.0"><channel><title>${latin}</title></channel></rss>`,
        "latin1",
      );
    const server = await serve((req, res) =>
      req.url === "/decl"
        ? sendFeed(res, body(' encoding="ISO-8859-1"'), "text/xml")
        : sendFeed(res, body(""), "text/xml; charset=iso-8859-1"),
    );
    for (const path of ["/decl", "/header"]) {
      const result = await fetchFeed(`${server.origin}${path}`, options());
      expect(result.status === "ok" && result.feed.title).toBe(latin);
    }
  });
});

describe("fetchFeed refusals", () => {
  it("reports an HTML page as not_a_feed", async () => {
    const server = await serve((_req, res) =>
      sendFeed(res, "<!doctype html><html><body>Hallo</body></html>", "text/html"),
    );
    const error = await feedFailure(fetchFeed(`${server.origin}/`, options()));
    expect(error).toMatchObject({
      reason: "not_a_feed",
      message: "the URL returned an HTML page, not a feed",
    });
  });

  it("reports an empty body as not_a_feed", async () => {
    const server = await serve((_req, res) => sendFeed(res, ""));
    expect(await feedFailure(fetchFeed(`${server.origin}/`, options()))).toMatchObject({
      reason: "not_a_feed",
      message: "the response body is empty",
    });
  });

  it("reports a 410 with its status", async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 410;
      res.end();
    });
    expect(await feedFailure(fetchFeed(`${server.origin}/`, options()))).toMatchObject({
      reason: "http_status",
      status: 410,
    });
  });
});

describe("fetchFeed SSRF guard (allowPrivate false)", () => {
  it("refuses a private literal before connecting", async () => {
    const server = await serve((_req, res) => sendFeed(res));
    const error = await feedFailure(fetchFeed(`${server.origin}/`, options({ allowPrivate: false })));
    expect(error.reason).toBe("blocked_address");
    expect(error.message).toBe("127.0.0.1 is a private or reserved address; refused");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a name that resolves to 10.0.0.1, and a localhost name", async () => {
    const lookup = fakeResolver({ "intranet.example": "10.0.0.1" });
    const error = await feedFailure(
      fetchFeed("http://intranet.example/feed", options({ allowPrivate: false, lookup })),
    );
    expect(error).toMatchObject({
      reason: "blocked_address",
      message: "intranet.example resolves to 10.0.0.1, a private or reserved address; refused",
    });
    const local = await feedFailure(
      fetchFeed("http://localhost:1/feed", options({ allowPrivate: false, lookup })),
    );
    expect(local.reason).toBe("blocked_address");
  });

  // 127.0.0.1 stands in for a public address: everything else keeps the real rule.
  const standIn = (address: string) => address === "127.0.0.1" || isPublicAddress(address);

  async function publicFeedRedirectingTo(location: string) {
    const server = await serve((req, res) => {
      if (req.url === "/start") {
        res.writeHead(302, { Location: location.replace("PORT", String(server.port)) });
        return res.end();
      }
      sendFeed(res);
    });
    const lookup = fakeResolver({ "feed.example": "127.0.0.1", "intranet.example": "10.0.0.1" });
    const opts = options({ allowPrivate: false, isAllowedAddress: standIn, lookup });
    return { server, run: () => fetchFeed(`http://feed.example:${server.port}/start`, opts) };
  }

  it("follows a redirect between allowed addresses (the stand-in works)", async () => {
    const { server, run } = await publicFeedRedirectingTo("http://feed.example:PORT/feed");
    expect(await run()).toMatchObject({ status: "ok", finalUrl: `http://feed.example:${server.port}/feed` });
    expect(server.requests.map((r) => r.host)).toEqual([
      `feed.example:${server.port}`,
      `feed.example:${server.port}`,
    ]);
  });

  for (const target of [
    "http://intranet.example:PORT/feed",
    "http://127.0.0.2:PORT/feed",
    "http://localhost:PORT/feed",
    "http://[::ffff:127.0.0.2]:PORT/feed",
    "http://169.254.169.254/latest/meta-data/",
  ]) {
    it(`refuses a public feed redirecting to ${target}`, async () => {
      const { server, run } = await publicFeedRedirectingTo(target);
      const error = await feedFailure(run());
      expect(error.reason).toBe("blocked_address");
      expect(server.requests).toHaveLength(1);
    });
  }

  it("refuses a public feed redirecting to 127.0.0.1, where a feed server is listening", async () => {
    const internal = await serve((_req, res) => sendFeed(res));
    // 127.0.0.2 stands in for the public address here, so the redirect target can be 127.0.0.1 itself.
    const outside = await serve((_req, res) => {
      res.writeHead(301, { Location: `${internal.origin}/feed` });
      res.end();
    }, "127.0.0.2");
    const lookup = fakeResolver({ "feed.example": "127.0.0.2" });
    const isAllowedAddress = (address: string) => address === "127.0.0.2";
    const error = await feedFailure(
      fetchFeed(
        `http://feed.example:${outside.port}/`,
        options({ allowPrivate: false, isAllowedAddress, lookup }),
      ),
    );
    expect(error).toMatchObject({
      reason: "blocked_address",
      message: "127.0.0.1 is a private or reserved address; refused",
    });
    expect(outside.requests).toHaveLength(1);
    expect(internal.requests).toHaveLength(0);
    // The same redirect with private feeds allowed reaches the feed: the refusal above is the guard's doing.
    expect(await fetchFeed(`${outside.origin}/`, options())).toMatchObject({ status: "ok" });
    expect(internal.requests).toHaveLength(1);
  });

  it("checks the address each connection actually uses (a rebinding name is caught on the next hop)", async () => {
    let calls = 0;
    const rebinding = fakeResolver({});
    const lookup: typeof rebinding = (hostname, opts, callback) => {
      calls++;
      const answer = calls === 1 ? "127.0.0.1" : "10.0.0.1";
      fakeResolver({ [hostname]: answer })(hostname, opts, callback);
    };
    const server = await serve((req, res) => {
      if (req.url === "/start") {
        res.writeHead(302, { Location: "/feed" });
        return res.end();
      }
      sendFeed(res);
    });
    const error = await feedFailure(
      fetchFeed(
        `http://rebind.example:${server.port}/start`,
        options({ allowPrivate: false, isAllowedAddress: standIn, lookup }),
      ),
    );
    expect(error.reason).toBe("blocked_address");
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(1);
  });
});

describe("fetchFeed trusted origin (an operator feed, allowPrivate false)", () => {
  /** A private feed server the operator configured: /start redirects to `location` (PORT: its port). */
  async function operatorFeedRedirectingTo(location: string) {
    const internal = await serve((_req, res) => sendFeed(res), "127.0.0.2");
    const server = await serve((req, res) => {
      if (req.url === "/start") {
        const target = location.replace("PORT", String(server.port)).replace("INTERNAL", internal.origin);
        res.writeHead(302, { Location: target });
        return res.end();
      }
      sendFeed(res);
    });
    const start = `${server.origin}/start`;
    return {
      server,
      internal,
      start,
      trusted: options({ allowPrivate: false, trustedOrigin: server.origin }),
    };
  }

  it("fetches the configured feed on a private address, and follows redirects within its origin", async () => {
    const { server, start, trusted } = await operatorFeedRedirectingTo("/feed");
    expect(await fetchFeed(`${server.origin}/feed`, trusted)).toMatchObject({ status: "ok" });
    expect(await fetchFeed(start, trusted)).toMatchObject({
      status: "ok",
      finalUrl: `${server.origin}/feed`,
    });
    expect(server.requests).toHaveLength(3);
  });

  for (const target of [
    "INTERNAL/feed",
    "http://localhost:PORT/feed",
    "https://127.0.0.1:PORT/feed",
    "http://[::ffff:127.0.0.1]:PORT/feed",
    "http://169.254.169.254/latest/meta-data/",
  ]) {
    it(`refuses its redirect off the origin to ${target}, naming both URLs`, async () => {
      const { server, internal, start, trusted } = await operatorFeedRedirectingTo(target);
      const to = target.replace("PORT", String(server.port)).replace("INTERNAL", internal.origin);
      const error = await feedFailure(fetchFeed(start, trusted));
      expect(error.reason).toBe("blocked_address");
      expect(error.message).toContain(`${start} redirected to ${new URL(to).href}, outside ${server.origin}`);
      expect(server.requests).toHaveLength(1);
      expect(internal.requests).toHaveLength(0);
    });
  }

  it("refuses a redirect to another port of the same host", async () => {
    const other = await serve((_req, res) => sendFeed(res));
    const { server, start, trusted } = await operatorFeedRedirectingTo(`${other.origin}/feed`);
    const error = await feedFailure(fetchFeed(start, trusted));
    expect(error.reason).toBe("blocked_address");
    expect([server.requests.length, other.requests.length]).toEqual([1, 0]);
    // With private feeds allowed the same redirect is followed: the refusal is the guard's doing.
    expect(await fetchFeed(start, options({ trustedOrigin: server.origin }))).toMatchObject({ status: "ok" });
    expect(other.requests).toHaveLength(1);
  });

  it("guards off-origin hops like a guild feed's: a public address is followed", async () => {
    const { internal, start } = await operatorFeedRedirectingTo("INTERNAL/feed");
    // 127.0.0.2 stands in for a public address; the configured 127.0.0.1 stays private.
    const isAllowedAddress = (address: string) => address === "127.0.0.2";
    const trusted = options({ allowPrivate: false, isAllowedAddress, trustedOrigin: new URL(start).origin });
    expect(await fetchFeed(start, trusted)).toMatchObject({
      status: "ok",
      finalUrl: `${internal.origin}/feed`,
    });
    // A guild feed (no trusted origin) is refused at its first hop, as before.
    const guild = await feedFailure(fetchFeed(start, { ...trusted, trustedOrigin: undefined }));
    expect(guild.message).toBe("127.0.0.1 is a private or reserved address; refused");
  });

  it("decides each hop's DNS answer by that hop's origin (names, not only URL strings)", async () => {
    const { server, trusted } = await operatorFeedRedirectingTo("http://elsewhere.example:PORT/feed");
    // Both names resolve to the same private address: only the configured one may reach it.
    const lookup = fakeResolver({ "intranet.example": "127.0.0.1", "elsewhere.example": "127.0.0.1" });
    const origin = `http://intranet.example:${server.port}`;
    const opts = { ...trusted, lookup, trustedOrigin: origin };
    expect(await fetchFeed(`${origin}/feed`, opts)).toMatchObject({ status: "ok" });
    const error = await feedFailure(fetchFeed(`${origin}/start`, opts));
    expect(error.message).toMatch(
      /elsewhere\.example resolves to 127\.0\.0\.1, a private or reserved address; refused$/,
    );
    expect(server.requests).toHaveLength(2);
  });
});

/** Encodes to windows-1252 (what TextEncoder cannot): the characters this test uses. */
class TextEncoderLatin {
  private static readonly extra: Record<string, number> = { "–": 0x96, "„": 0x84, "“": 0x93, "€": 0x80 };
  encode(text: string): Uint8Array {
    return Uint8Array.from([...text].map((c) => TextEncoderLatin.extra[c] ?? c.charCodeAt(0)));
  }
}
