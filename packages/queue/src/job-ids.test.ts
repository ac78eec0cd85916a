import { describe, expect, it } from "vitest";
import { alertJobId, articleAlertJobId, articleJobId, pollJobId } from "./job-ids";

describe("job ids", () => {
  const ids = [
    pollJobId("https://example.org/feed.xml", "5m-5904321"),
    pollJobId("https://example.org/feed.xml", "2026-11-24T04:05:00Z"),
    articleJobId("https://example.org/a:b?c=1"),
    alertJobId(["event:1:2", "event:3"], "123456789012345678"),
    alertJobId(["1234"], "a channel: with spaces"),
    articleAlertJobId("https://example.org/a:b", "12345", "123456789012345678"),
  ];

  it("never contain ':' and are never all digits", () => {
    for (const id of ids) {
      expect(id).not.toContain(":");
      expect(id).not.toMatch(/^\d+$/);
    }
  });

  it("are deterministic and tell different inputs apart", () => {
    expect(pollJobId("https://example.org/feed.xml", "5m-1")).toBe(
      pollJobId("https://example.org/feed.xml", "5m-1"),
    );
    expect(pollJobId("https://example.org/feed.xml", "5m-1")).not.toBe(
      pollJobId("https://example.org/feed.xml", "5m-2"),
    );
    expect(articleJobId("https://a.example/1")).not.toBe(articleJobId("https://a.example/2"));
    expect(alertJobId(["e1"], "123456789012345678")).not.toBe(alertJobId(["e1"], "123456789012345679"));
    // One message per set of alerts: another event of the article is another message.
    expect(alertJobId(["e1", "e2"], "1")).toBe(alertJobId(["e1", "e2"], "1"));
    expect(alertJobId(["e1", "e2"], "1")).not.toBe(alertJobId(["e1"], "1"));
  });

  it("an article's message is the article's and the channel's, whatever events it carries", () => {
    const id = articleAlertJobId("https://a.example/1", "h1", "123456789012345678");
    expect(articleAlertJobId("https://a.example/1", "h1", "123456789012345678")).toBe(id);
    expect(articleAlertJobId("https://a.example/1", "h2", "123456789012345678")).not.toBe(id);
    expect(articleAlertJobId("https://a.example/2", "h1", "123456789012345678")).not.toBe(id);
    expect(articleAlertJobId("https://a.example/1", "h1", "123456789012345679")).not.toBe(id);
    expect(id).toMatch(/^alert-[0-9a-f]{16}-123456789012345678$/);
  });

  it("keep readable parts readable", () => {
    expect(pollJobId("https://example.org/feed.xml", "5m-42")).toMatch(/^poll-[0-9a-f]{16}-5m-42$/);
    expect(alertJobId(["e1"], "123456789012345678")).toMatch(/^alert-[0-9a-f]{16}-123456789012345678$/);
  });
});
