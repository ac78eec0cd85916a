import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FeedServer, startFeedServer } from "./feed-server";

describe("startFeedServer", () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.setFeed("/feed.xml", "Test", [
      {
        path: "/a",
        title: "Nordkorea & Russland",
        paragraphs: ["Erster Absatz."],
        publishedAt: "2025-04-01T08:00:00Z",
      },
    ]);
  });
  afterAll(() => server.close());

  it("serves the feed with an ETag and answers 304 to a matching If-None-Match", async () => {
    const first = await fetch(`${server.url}/feed.xml`);
    const xml = await first.text();
    expect(xml).toContain("<title>Nordkorea &amp; Russland</title>");
    expect(xml).toContain(`<link>${server.url}/a</link>`);
    const etag = first.headers.get("etag")!;
    const second = await fetch(`${server.url}/feed.xml`, { headers: { "if-none-match": etag } });
    expect(second.status).toBe(304);
    expect(server.requests.at(-1)).toMatchObject({ path: "/feed.xml", ifNoneMatch: etag, status: 304 });
  });

  it("changes the ETag when an article is published, and serves its page", async () => {
    const before = (await fetch(`${server.url}/feed.xml`)).headers.get("etag");
    server.publish("/feed.xml", {
      path: "/b",
      title: "Neu",
      paragraphs: ["Zweiter."],
      publishedAt: "2025-04-02T08:00:00Z",
    });
    expect((await fetch(`${server.url}/feed.xml`)).headers.get("etag")).not.toBe(before);
    const page = await (await fetch(`${server.url}/b`)).text();
    expect(page).toContain("<p>Zweiter.</p>");
  });

  it("answers with the fault set on a path", async () => {
    server.setFault("/broken.xml", { kind: "status", status: 503 });
    expect((await fetch(`${server.url}/broken.xml`)).status).toBe(503);
    server.setFault("/broken.xml", { kind: "redirect-loop" });
    await expect(fetch(`${server.url}/broken.xml`)).rejects.toThrow();
    server.setFault("/broken.xml", { kind: "reset" });
    await expect(fetch(`${server.url}/broken.xml`)).rejects.toThrow();
  });

  it("fails an article page too, and serves it again once the fault is cleared", async () => {
    server.setFault("/a", { kind: "status", status: 500 });
    expect((await fetch(`${server.url}/a`)).status).toBe(500);
    server.setFault("/a", null);
    expect(await (await fetch(`${server.url}/a`)).text()).toContain("<p>Erster Absatz.</p>");
  });
});
