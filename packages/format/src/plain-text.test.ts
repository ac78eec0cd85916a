import type { Claim, Event } from "@zw/core";
import { describe, expect, it } from "vitest";
import { renderMessage } from "./alert";
import { plainText } from "./plain-text";

/** Zero-width and other invisible format characters a terminal would keep in copied text. */
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/;

const claim: Claim = {
  id: "c1",
  metric: "killed",
  min: 2000,
  max: 2000,
  qualifier: "approx",
  source: "NIS",
  modality: "reported",
  region: null,
  date: "2025-09-04",
  quote: "About 2,000 killed, @everyone <@&123456789012345678> was told.",
  span: [0, 10],
  url: "https://news.example/a",
  outlet: "news.example",
  title: "A @here title",
  publishedAt: "2025-09-04T10:00:00Z",
  reports: [{ url: "https://news.example/a", outlet: "news.example", title: null, publishedAt: null }],
};
const event: Event = { id: "e1", type: "new_metric", metric: "killed", claim };

describe("plainText", () => {
  it("drops the zero-width spaces that break mentions for Discord: the console shows the words as written", () => {
    const message = renderMessage([event], "en");
    // Discord gets them broken up...
    expect(JSON.stringify(message)).toContain("@\u200beveryone");
    // ...the console the plain words.
    const text = plainText(message);
    expect(text).not.toMatch(INVISIBLE);
    expect(text).toContain("@everyone <@&123456789012345678> was told.");
    expect(text).toContain("A @here title");
  });

  it("drops every zero-width and invisible format character, keeping lines and tabs", () => {
    const text = plainText({
      content: "a\u200bb\u200cc\u200dd\u2060e\ufefff",
      embeds: [{ title: "x\u200by", description: "line 1\n\tline\u200e 2\u00ad" }],
    });
    expect(text).toBe("abcdef\n■ xy\nline 1\n\tline 2");
  });
});
