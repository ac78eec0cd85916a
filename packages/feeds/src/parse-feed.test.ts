import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { FeedError } from "./feed-error";
import { parseFeed } from "./parse-feed";

const BASE = "https://news.example/rss/feed.xml";
const NOW = new Date("2025-03-01T12:00:00Z");

async function failure(xml: string): Promise<FeedError> {
  const error = await parseFeed(xml, BASE, NOW).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

function rss(items: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ${extra}>
<channel><title>Nachrichten &amp; Hintergrund</title><link>https://news.example/</link>${items}</channel></rss>`;
}

describe("parseFeed formats", () => {
  it("reads RSS 2.0 with content:encoded, relative links, entities and HTML", async () => {
    const feed = await parseFeed(
      rss(`<item>
        <title>Nordkorea &amp; Russland: &lt;b&gt;11.000&lt;/b&gt; Soldaten</title>
        <link>/politik/nordkorea-soldaten-100.html?utm_source=rss&amp;id=7#top</link>
        <guid isPermaLink="false">tag-100</guid>
        <description><![CDATA[<p>Rund <b>11.000</b> Soldaten&nbsp;sind in Kursk.</p><script>alert(1)</script>]]></description>
        <content:encoded><![CDATA[<p>Absatz eins.</p><p>Absatz&nbsp;zwei &ndash; mit Gedankenstrich.</p>]]></content:encoded>
        <pubDate>Thu, 27 Feb 2025 10:15:00 +0100</pubDate>
      </item>`),
      BASE,
      NOW,
    );
    expect(feed.title).toBe("Nachrichten & Hintergrund");
    expect(feed.items).toEqual([
      {
        guid: "tag-100",
        url: "https://news.example/politik/nordkorea-soldaten-100.html?id=7",
        title: "Nordkorea & Russland: 11.000 Soldaten",
        content: "Absatz eins.\n\nAbsatz zwei – mit Gedankenstrich.",
        summary: "Rund 11.000 Soldaten sind in Kursk.",
        publishedAt: "2025-02-27T09:15:00.000Z",
      },
    ]);
  });

  it("reads RSS 1.0 (RDF) with dc:date", async () => {
    const feed = await parseFeed(
      `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://news.example/"><title>RDF-Feed</title></channel>
        <item rdf:about="https://news.example/a1"><title>Pjöngjang droht</title>
          <link>https://news.example/a1</link><description>Kurz.</description>
          <dc:date>2025-02-20T08:00:00+01:00</dc:date></item>
      </rdf:RDF>`,
      BASE,
      NOW,
    );
    expect(feed.title).toBe("RDF-Feed");
    expect(feed.items).toEqual([
      {
        guid: "https://news.example/a1",
        url: "https://news.example/a1",
        title: "Pjöngjang droht",
        content: null,
        summary: "Kurz.",
        publishedAt: "2025-02-20T07:00:00.000Z",
      },
    ]);
  });

  it("reads Atom with html title, content and summary, and survives a garbage date", async () => {
    const feed = await parseFeed(
      `<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Atom &amp;amp; mehr</title>
        <entry><id>urn:uuid:1</id><title type="html">&lt;em&gt;Kim&lt;/em&gt; in Moskau</title>
          <link rel="alternate" href="https://news.example/kim"/>
          <summary>Zusammenfassung</summary><content type="html">&lt;p&gt;Volltext&lt;/p&gt;</content>
          <published>2025-02-28T06:00:00Z</published></entry>
        <entry><id>urn:uuid:2</id><title>Ohne Datum</title><published>gestern</published></entry>
      </feed>`,
      BASE,
      NOW,
    );
    expect(feed.title).toBe("Atom & mehr");
    expect(feed.items).toEqual([
      {
        guid: "urn:uuid:1",
        url: "https://news.example/kim",
        title: "Kim in Moskau",
        content: "Volltext",
        summary: "Zusammenfassung",
        publishedAt: "2025-02-28T06:00:00.000Z",
      },
      { guid: "urn:uuid:2", url: null, title: "Ohne Datum", content: null, summary: null, publishedAt: null },
    ]);
  });
});

describe("parseFeed items", () => {
  it("keeps items without link, title or date, with nulls", async () => {
    const feed = await parseFeed(rss("<item><description>nur Text</description></item><item/>"), BASE, NOW);
    expect(feed.items).toEqual([
      { guid: null, url: null, title: null, content: null, summary: "nur Text", publishedAt: null },
      { guid: null, url: null, title: null, content: null, summary: null, publishedAt: null },
    ]);
  });

  it("drops dates before 2000 and in the future (beyond clock-skew tolerance), and unparseable ones", async () => {
    const dated = (d: string) => `<item><title>${d}</title><pubDate>${d}</pubDate></item>`;
    const feed = await parseFeed(
      rss(
        [
          "Fri, 31 Dec 1999 23:00:00 GMT",
          "Sat, 01 Mar 2025 14:00:00 GMT", // 2 h ahead: a mislabelled CET clock, kept
          "Sat, 01 Mar 2025 20:00:00 GMT", // 8 h ahead
          "2099-01-01T00:00:00Z",
          "nicht ein Datum",
        ]
          .map(dated)
          .join(""),
      ),
      BASE,
      NOW,
    );
    expect(feed.items.map((i) => i.publishedAt)).toEqual([
      null,
      "2025-03-01T14:00:00.000Z",
      null,
      null,
      null,
    ]);
  });

  it("drops items repeating a guid, or without guid a URL, keeping the first", async () => {
    const feed = await parseFeed(
      rss(`
        <item><guid>g1</guid><title>erst</title></item>
        <item><guid>g1</guid><title>wieder</title></item>
        <item><link>https://news.example/x?utm_medium=a</link><title>x1</title></item>
        <item><link>https://news.example/x#kommentare</link><title>x2</title></item>
        <item><guid>g2</guid><title>anders</title></item>`),
      BASE,
      NOW,
    );
    expect(feed.items.map((i) => i.title)).toEqual(["erst", "x1", "anders"]);
  });

  it("gives url null for links that are not http(s) or not URLs", async () => {
    const feed = await parseFeed(
      rss(
        "<item><link>javascript:alert(1)</link></item><item><link>http://[bad</link></item><item><link>  </link></item>",
      ),
      BASE,
      NOW,
    );
    expect(feed.items.map((i) => i.url)).toEqual([null, null, null]);
  });
});

describe("parseFeed refusals", () => {
  it("refuses an empty body", async () => {
    const error = await failure("  \n ");
    expect(error).toMatchObject({ reason: "not_a_feed", message: "the response body is empty" });
  });

  it("refuses an HTML page and names the feed it links to", async () => {
    const error = await failure(`<!DOCTYPE html><html><head>
      <link rel="alternate" type="application/rss+xml" href="https://news.example/rss"></head><body>Hallo</body></html>`);
    expect(error.reason).toBe("not_a_feed");
    expect(error.message).toBe(
      "the URL returned an HTML page, not a feed (the page names a feed at https://news.example/rss)",
    );
  });

  it("refuses JSON and other text that is not XML", async () => {
    expect(await failure('{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toMatchObject({
      reason: "not_a_feed",
      message: 'the response is JSON, not RSS or Atom (it starts "{"version": "https://jsonfeed.org/versio")',
    });
    expect((await failure("Service temporarily unavailable")).message).toMatch(/^the response is not XML/);
  });

  it("refuses XML that is neither RSS nor Atom", async () => {
    const error = await failure(`<?xml version="1.0"?><note><to>Tove</to></note>`);
    expect(error).toMatchObject({
      reason: "not_a_feed",
      message: "the document is XML but neither RSS nor Atom",
    });
  });

  it("refuses malformed XML with the parser's position", async () => {
    const error = await failure(`<rss version="2.0"><channel><title>kaputt</channel></rss>`);
    expect(error.reason).toBe("malformed");
    expect(error.message).toMatch(/^the feed is not well-formed XML: .*Line: \d+/);
  });

  const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("\n ")}
]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title></item></channel></rss>`;

  it("refuses billion laughs and XXE documents outright", async () => {
    for (const xml of [billionLaughs, xxe]) {
      const error = await failure(xml);
      expect(error).toMatchObject({ reason: "malformed" });
      expect(error.message).toMatch(/declares XML entities/);
    }
  });

  it("relies on rss-parser (xml2js/sax) not expanding DTD entities at all, even without the pre-check", async () => {
    const parser = new Parser();
    const started = Date.now();
    await expect(parser.parseString(billionLaughs)).rejects.toThrow(/Invalid character entity/);
    await expect(parser.parseString(xxe)).rejects.toThrow(/Invalid character entity/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("takes linear time on hostile markup (stray '<', many comments, many DOCTYPEs)", async () => {
    // About 1 MB each; rss-parser's snippet regex alone took 2.5 s for 40 KB of "a<p" and grows quadratically.
    const hostile = [
      rss(`<item><description>${"a&lt;p".repeat(200_000)}</description></item>`),
      rss(`<item><title>${"&lt;b ".repeat(200_000)}</title></item>`),
      `${"<!---->".repeat(150_000)}<html>`,
      `<html>${"<link ".repeat(200_000)}`,
      `<?xml version="1.0"?>${"<!DOCTYPE x [".repeat(100_000)}<rss/>`,
    ];
    for (const xml of hostile) {
      const started = performance.now();
      await parseFeed(xml, BASE, NOW).catch(() => null);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });

  it("accepts a plain DOCTYPE without entity declarations", async () => {
    const feed = await parseFeed(
      `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
      "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="2.0"><channel><title>alt</title></channel></rss>`,
      BASE,
      NOW,
    );
    expect(feed).toEqual({ title: "alt", items: [] });
  });

  it("reports odd markup rss-parser chokes on as malformed, not as a crash", async () => {
    const error = await failure(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><link>https://x.example/</link></entry></feed>`,
    );
    expect(error.reason).toBe("malformed");
    expect(error.message).toMatch(/^the feed could not be read: /);
  });
});
