import { rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { type ArticleJob, QueueName } from "@zw/core";
import { extractorService } from "@zw/extractor";
import { type FeedFault, type FeedServer, startFeedServer } from "@zw/feed-server";
import { fetcherService } from "@zw/fetcher";
import { notifierService } from "@zw/notifier";
import { createQueues, type Queues, queueDepths } from "@zw/queue";
import { type Host, hostServices } from "@zw/service-host";
import { ClaimLedger, FeedStateStore } from "@zw/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "./fixtures/redis";
import { waitFor } from "./fixtures/wait-for";
import { configDir } from "./fixtures/zw-process";

/**
 * Broken and hostile feeds and article pages through the real fetcher and extractor workers, as
 * `zw start --only fetcher,extractor` hosts them: each feed ends in its own recorded reason, the
 * good feed next to them is polled as usual, memory stays flat, and the workers carry on.
 * (packages/feeds tests each refusal at the fetch level; this is what the pipeline makes of them.)
 */

const rss = (items: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${declaration}<rss version="2.0"><channel><title>Feed</title><link>https://feeds.example/</link><description>d</description>${items}</channel></rss>`;
const item = (fields: { title?: string; link?: string; guid?: string; date?: string; text?: string }) =>
  `<item>${fields.title ? `<title>${fields.title}</title>` : ""}${fields.link ? `<link>${fields.link}</link>` : ""}${
    fields.guid ? `<guid>${fields.guid}</guid>` : ""
  }${fields.date ? `<pubDate>${fields.date}</pubDate>` : ""}<description>${fields.text ?? "Nordkorea"}</description></item>`;
const xml = (
  body: string | Buffer,
  contentType = "application/rss+xml; charset=utf-8",
  headers: Record<string, string> = {},
): FeedFault => ({ kind: "body", contentType, body, headers });

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("\n ")}
]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><link>https://feeds.example/x</link></item></channel></rss>`;
// Concatenated gzip members: 256 MB of zeros in about 256 KB.
const gzipBomb = Buffer.concat(Array.from({ length: 16 }, () => gzipSync(Buffer.alloc(16 * 1024 * 1024))));
const latin1 = (text: string) => Buffer.from(text, "latin1");

/** Each hostile feed, what it serves and the reason its poll must end in. */
const HOSTILE: Array<{ path: string; fault: FeedFault; reason: RegExp }> = [
  { path: "/hang.xml", fault: { kind: "hang" }, reason: /^timeout: / },
  { path: "/endless.xml", fault: { kind: "endless-body" }, reason: /^timeout: / },
  { path: "/reset.xml", fault: { kind: "reset" }, reason: /^connection_reset: / },
  { path: "/loop.xml", fault: { kind: "redirect-loop" }, reason: /^too_many_redirects: / },
  { path: "/404.xml", fault: { kind: "status", status: 404 }, reason: /^http_status: .*404/ },
  { path: "/410.xml", fault: { kind: "status", status: 410 }, reason: /^http_status: .*410/ },
  { path: "/500.xml", fault: { kind: "status", status: 500 }, reason: /^http_status: .*500/ },
  {
    path: "/malformed.xml",
    fault: xml(rss("<item><title>Nordkorea</item><link>x</link>")),
    reason: /^malformed: /,
  },
  {
    path: "/html.xml",
    fault: xml("<!doctype html><html><body><p>Nordkorea</p></body></html>", "text/html; charset=utf-8"),
    reason: /^not_a_feed: /,
  },
  { path: "/empty.xml", fault: xml(""), reason: /^not_a_feed: / },
  { path: "/huge.xml", fault: xml(Buffer.alloc(20 * 1024 * 1024, " ")), reason: /^too_large: / },
  {
    path: "/bomb.xml",
    fault: xml(gzipBomb, "application/rss+xml", { "content-encoding": "gzip" }),
    reason: /^too_large: .*decompresses/,
  },
  { path: "/laughs.xml", fault: xml(billionLaughs), reason: /^malformed: .*entities/ },
  { path: "/xxe.xml", fault: xml(xxe), reason: /^malformed: .*entities/ },
];

let redis: TestRedis;
let feeds: FeedServer;
let cwd: string;
let host: Host;
let queues: Queues;

async function pollAll(paths: string[], slot: string): Promise<void> {
  for (const path of paths) await queues.enqueuePoll({ feedUrl: feeds.url + path, slot });
  await waitFor(
    "the polls and articles to be handled",
    async () => {
      const depths = await queueDepths(queues.list);
      return Object.values(depths).every((d) => d.waiting + d.active + d.delayed === 0);
    },
    60_000,
  );
}

async function articleJobs(): Promise<ArticleJob[]> {
  return (await queues.article.getJobs(["completed", "failed", "waiting", "active"])).map((job) => job.data);
}

const health = (path: string) => new FeedStateStore(host.connection).health(feeds.url + path);

beforeAll(async () => {
  redis = await startTestRedis();
  feeds = await startFeedServer();
  cwd = configDir({
    // Operator feeds: the local server is trusted; the test enqueues the polls.
    feeds: [],
    keywords: ["Nordkorea", "North Korea"],
    // Short enough for the hanging feeds, long enough for a loaded machine to serve the others.
    fetch: { connectTimeoutMs: 2_000, totalTimeoutMs: 10_000, maxBytes: 5 * 1024 * 1024 },
    httpPort: 0,
    logLevel: "silent",
  });
  host = await hostServices(
    { fetcher: fetcherService, extractor: extractorService, notifier: notifierService },
    {
      name: "hostile",
      cwd,
      env: { REDIS_URL: redis.url, ZW_ALLOW_PRIVATE_FEEDS: "true" },
      handleSignals: false,
    },
  );
  queues = createQueues(host.connection);
}, 60_000);

afterAll(async () => {
  await queues?.close();
  await host?.stop();
  await feeds?.close();
  await redis?.dispose();
  rmSync(cwd, { recursive: true, force: true });
});

describe("hostile feeds through the fetcher", () => {
  it("each ends in its own recorded reason, the good feed next to them is polled, memory stays flat", async () => {
    for (const { path, fault } of HOSTILE) feeds.setFault(path, fault);
    feeds.setFeed("/good.xml", "Good", [
      {
        path: "/good/1",
        title: "Nordkorea schickt weitere Soldaten",
        paragraphs: ["Text"],
        publishedAt: "2025-05-10T10:00:00Z",
      },
    ]);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = Date.now();
    await pollAll([...HOSTILE.map((h) => h.path), "/good.xml"], "h1");
    const elapsedMs = Date.now() - started;
    clearInterval(sampler);
    const growthMb = (peak - before) / 1024 / 1024;

    for (const { path, reason } of HOSTILE) {
      const recorded = await health(path);
      expect([path, recorded?.lastError]).toEqual([path, expect.stringMatching(reason)]);
      expect(recorded?.consecutiveFailures).toBe(1);
    }
    expect((await health("/good.xml"))?.lastError ?? null).toBeNull();
    expect((await articleJobs()).map((job) => job.url)).toEqual([`${feeds.url}/good/1`]);
    // A feed's failure ends its poll normally; nothing is left failed or retrying.
    expect(await queues.poll.getJobCounts("failed", "delayed")).toEqual({ failed: 0, delayed: 0 });
    expect(growthMb).toBeLessThan(150);
    console.info(
      `${HOSTILE.length} hostile feeds + 1 good in one round: ${elapsedMs} ms, RSS peak +${growthMb.toFixed(0)} MB`,
    );

    // The same worker takes the next poll of a good feed as usual.
    feeds.publish("/good.xml", {
      path: "/good/2",
      title: "Nordkorea: neue Zahlen",
      paragraphs: ["Text"],
      publishedAt: "2025-05-11T10:00:00Z",
    });
    await pollAll(["/good.xml"], "h2");
    expect((await articleJobs()).map((job) => job.url).sort()).toEqual([
      `${feeds.url}/good/1`,
      `${feeds.url}/good/2`,
    ]);
  });

  it("reads a wrongly declared or undeclared windows-1252 feed, and odd items by their own rules", async () => {
    const umlauts = rss(item({ title: "Pjöngjang: Soldaten für Kursk", link: `${feeds.url}/cs/1` }), "");
    feeds.setFault("/wrong-charset.xml", xml(latin1(umlauts)));
    feeds.setFault(
      "/no-charset.xml",
      xml(latin1(umlauts.replace("/cs/1", "/cs/2").replace("Soldaten", "Truppen")), "application/rss+xml"),
    );
    feeds.setFault(
      "/odd-items.xml",
      xml(
        rss(
          [
            item({ title: "Nordkorea ohne Link", guid: "odd-0" }),
            item({ link: `${feeds.url}/odd/no-title`, guid: "odd-1", text: "Nordkorea ohne Titel" }),
            item({ title: "Nordkorea ohne Datum", link: `${feeds.url}/odd/no-date`, guid: "odd-2" }),
            item({ title: "Nordkorea doppelt", link: `${feeds.url}/odd/repeat`, guid: "odd-2" }),
            item({
              title: "Nordkorea aus der Zukunft",
              link: `${feeds.url}/odd/future`,
              guid: "odd-3",
              date: "Fri, 01 Jan 2100 00:00:00 GMT",
            }),
            item({
              title: "Nordkorea 1970",
              link: `${feeds.url}/odd/epoch`,
              guid: "odd-4",
              date: "Thu, 01 Jan 1970 00:00:00 GMT",
            }),
          ].join(""),
        ),
      ),
    );
    const already = new Set((await articleJobs()).map((job) => job.url));
    await pollAll(["/wrong-charset.xml", "/no-charset.xml", "/odd-items.xml"], "h3");
    const jobs = (await articleJobs()).filter((job) => !already.has(job.url));
    const byUrl = new Map(jobs.map((job) => [job.url.replace(feeds.url, ""), job]));
    expect(byUrl.get("/cs/1")?.title).toBe("Pjöngjang: Soldaten für Kursk");
    expect(byUrl.get("/cs/2")?.title).toBe("Pjöngjang: Truppen für Kursk");
    // Without a link there is no article; a repeated guid is the same item; bad dates become null.
    expect([...byUrl.keys()].filter((url) => url.startsWith("/odd")).sort()).toEqual([
      "/odd/epoch",
      "/odd/future",
      "/odd/no-date",
      "/odd/no-title",
    ]);
    expect(byUrl.get("/odd/no-title")?.title).toBeNull();
    for (const url of ["/odd/no-date", "/odd/future", "/odd/epoch"]) {
      expect([url, byUrl.get(url)?.publishedAt]).toEqual([url, null]);
    }
    for (const path of ["/wrong-charset.xml", "/no-charset.xml", "/odd-items.xml"]) {
      expect((await health(path))?.lastError ?? null).toBeNull();
    }
  });
});

describe("hostile article pages through the extractor", () => {
  const NIS =
    "North Korea has sent about 14,000 troops to Russia, South Korea's National Intelligence Service (NIS) said on Monday.";
  const page = (body: string) =>
    xml(
      `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`,
      "text/html; charset=utf-8",
    );

  it("uses the page's text without its scripts, and the item's text when the page is too big or has none", async () => {
    const articles = [
      { path: "/p/scripts", summary: "North Korea: troops." },
      { path: "/p/huge", summary: NIS },
      { path: "/p/empty", summary: NIS },
    ];
    feeds.setFeed(
      "/pages.xml",
      "Pages",
      articles.map((a, i) => ({
        path: a.path,
        title: `North Korea report ${i}`,
        summary: a.summary,
        paragraphs: [a.summary],
        publishedAt: `2025-05-1${i}T10:00:00Z`,
      })),
    );
    const script =
      "<script>document.write('North Korea has sent 99,000 troops to Russia, the NIS said.')</script>";
    feeds.setFault(
      "/p/scripts",
      page(
        `${script}<main><article><h1>Report</h1><p>${NIS}</p><p>${"Lawmakers heard the briefing in Seoul. ".repeat(8)}</p>${script}</article></main>`,
      ),
    );
    feeds.setFault("/p/huge", page(`<main><p>${"North Korea. ".repeat(2_000_000)}</p></main>`));
    feeds.setFault("/p/empty", page(`<nav><a href="/">Home</a> <a href="/news">News</a></nav>${script}`));
    await pollAll(["/pages.xml"], "h4");

    const done = await queues.article.getJobs(["completed"]);
    const failed = await queues.article.getJobs(["failed"]);
    expect(failed.map((job) => [job.data.url, job.failedReason])).toEqual([]);
    expect(done.filter((job) => job.data.url.includes("/p/")).length).toBe(3);
    const claims = await new ClaimLedger(host.connection).history("troops_deployed_total");
    const claimedIn = (path: string) =>
      // The same NIS figure in three articles is one claim with three reports.
      claims
        .filter((claim) => claim.reports.some((report) => report.url === feeds.url + path))
        .map((claim) => claim.min);
    expect(claimedIn("/p/scripts")).toEqual([14_000]);
    expect(claimedIn("/p/huge")).toEqual([14_000]);
    expect(claimedIn("/p/empty")).toEqual([14_000]);
    expect(claims.some((claim) => claim.min === 99_000)).toBe(false);
  });
});

describe("job payloads failing their schema, sent to each hosted worker", () => {
  it("go to the failed set with the reason after one attempt, and the workers carry on", async () => {
    // As a foreign or outdated producer would: straight into the queue, past the typed producers.
    const bad = [
      { queue: queues.poll, data: { feedUrl: "not a url", slot: 7 }, fields: /feedUrl[\s\S]*slot/ },
      { queue: queues.article, data: { url: "not a url", title: 5 }, fields: /url/ },
      {
        queue: queues.alert,
        data: { alert: { type: "nonsense" }, guildId: "1" },
        fields: /alert[\s\S]*guildId/,
      },
    ];
    for (const [i, { queue, data }] of bad.entries()) {
      await queue.add(queue.name, data as never, { jobId: `bad-${i}`, attempts: 5 });
    }
    for (const [i, { queue, fields }] of bad.entries()) {
      const job = await waitFor(`${queue.name}'s bad job to fail`, async () => {
        // The state first, then the job: a job read before it failed would lack its failedReason.
        if ((await queue.getJobState(`bad-${i}`)) !== "failed") return null;
        return queue.getJob(`bad-${i}`);
      });
      expect(job.failedReason).toContain(`invalid ${queue.name} job`);
      expect(job.failedReason).toMatch(fields);
      expect(job.attemptsMade).toBe(1);
    }
    expect(bad.map((b) => b.queue.name)).toEqual([QueueName.poll, QueueName.article, QueueName.alert]);
    // A good poll right after is handled as usual.
    feeds.publish("/good.xml", {
      path: "/good/3",
      title: "Nordkorea: nach den kaputten Jobs",
      paragraphs: ["Text"],
      publishedAt: "2025-05-12T10:00:00Z",
    });
    await pollAll(["/good.xml"], "h5");
    expect((await articleJobs()).map((job) => job.url)).toContain(`${feeds.url}/good/3`);
  });
});
