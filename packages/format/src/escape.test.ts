import { describe, expect, it } from "vitest";
import { escapeFeedText, escapePlainText, maskedLink, safeUrl } from "./escape";

/** What Discord would parse as a mention, channel link, role ping or mass ping. */
const MENTION = /@everyone|@here|<@!?\d+>|<@&\d+>|<#\d+>/i;
/** A masked link Discord would render: [text](http...). */
const MASKED_LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\(/;

describe("escapeFeedText", () => {
  it("breaks a masked link so the URL cannot hide behind words", () => {
    const out = escapeFeedText("Read [the report](http://evil.example/phish) now");
    expect(out).toBe("Read \\[the report\\](http://evil.example/phish) now");
    expect(out).not.toMatch(MASKED_LINK);
  });

  it("escapes emphasis, code, spoilers and strike-through", () => {
    expect(escapeFeedText("**bold** _it_ `code` ||spoiler|| ~~gone~~")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\|\\|spoiler\\|\\| \\~\\~gone\\~\\~",
    );
  });

  it("escapes quotes, headings and list markers at line starts only", () => {
    expect(escapeFeedText("# Head\n> quote\n- item\n1. one\n11-12 Mio")).toBe(
      "\\# Head\n\\> quote\n\\- item\n1\\. one\n11-12 Mio",
    );
  });

  it("removes zero-width and bidi characters that would hide text", () => {
    const out = escapeFeedText("a\u200bb\u200dc\u202ed\ufeffe\u2066f");
    expect(out).toBe("abcdef");
  });

  it("cannot be tricked into a mention with hidden characters", () => {
    for (const text of [
      "@every\u200bone",
      "@\u200beveryone",
      "@here",
      "<@123456789012345678>",
      "<@!123456789012345678>",
      "<@&123>",
      "<#123456789012345678>",
      "@EVERYONE",
    ]) {
      const out = escapeFeedText(text);
      expect(out, text).not.toMatch(MENTION);
      expect(escapePlainText(text), text).not.toMatch(MENTION);
    }
  });

  it("keeps the words readable", () => {
    expect(escapeFeedText("Rund 11.000 Soldaten @everyone <@&123>")).toBe(
      "Rund 11.000 Soldaten @\u200beveryone <\u200b@&123>",
    );
  });
});

describe("links", () => {
  it("accepts only http and https", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("not a url")).toBeNull();
    expect(safeUrl("https://example.org/a(b)")).toBe("https://example.org/a%28b%29");
  });

  it("a masked link's label is escaped and its target cannot end early", () => {
    expect(maskedLink("Yonhap](http://evil) [x", "https://yna.co.kr/x)y")).toBe(
      "[Yonhap(http://evil) x](https://yna.co.kr/x%29y)",
    );
    expect(maskedLink("Yonhap", "ftp://x")).toBe("Yonhap");
  });
});
