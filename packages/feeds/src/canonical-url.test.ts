import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url";

describe("canonicalUrl", () => {
  const cases: [input: string, canonical: string][] = [
    ["https://News.Example.COM/a/b?utm_source=rss&utm_medium=feed", "https://news.example.com/a/b"],
    ["https://news.example:443/a", "https://news.example/a"],
    ["http://news.example:80/a", "http://news.example/a"],
    ["http://news.example:8080/a", "http://news.example:8080/a"],
    ["https://news.example/a#kommentare", "https://news.example/a"],
    ["https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2"],
    [
      "https://news.example/a?fbclid=X&gclid=Y&mc_cid=1&mc_eid=2&ocid=3&at_medium=RSS&at_campaign=KARANGA&ref=rss&id=9",
      "https://news.example/a?id=9",
    ],
    ["https://news.example/a?UTM_Source=x&Utm_campaign=y&x=1", "https://news.example/a?x=1"],
    [
      "https://news.example/a?ns_mchannel=rss&ns_source=x&wt_mc=y&xtor=RSS-1&pk_campaign=z",
      "https://news.example/a",
    ],
    ["https://news.example/a?", "https://news.example/a"],
    // Repeated keys keep their order; values keep their exact encoding.
    ["https://news.example/a?t=2&s=a%2Bb&t=1&q=x+y", "https://news.example/a?q=x+y&s=a%2Bb&t=2&t=1"],
    ["https://news.example/a?flag&b=", "https://news.example/a?b=&flag"],
    // A parameter merely containing a tracking name is kept.
    ["https://news.example/a?prefetch=1&xref=2", "https://news.example/a?prefetch=1&xref=2"],
  ];
  for (const [input, canonical] of cases) {
    it(`${input} → ${canonical}`, () => expect(canonicalUrl(input)).toBe(canonical));
  }

  it("is idempotent", () => {
    for (const [input] of cases) expect(canonicalUrl(canonicalUrl(input))).toBe(canonicalUrl(input));
  });

  it("throws for what is not a URL", () => {
    expect(() => canonicalUrl("/relative/path")).toThrow(TypeError);
  });
});
