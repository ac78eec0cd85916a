import { describe, expect, it } from "vitest";
import { fitMessage, limitViolations, messageLength, truncate } from "./limits";

describe("truncate", () => {
  it("leaves short text alone", () => {
    expect(truncate("kurz", 10)).toBe("kurz");
  });

  it("cuts at a word boundary near the end and marks the cut", () => {
    const out = truncate("eins zwei drei vier fünf sechs", 20);
    expect(out).toBe("eins zwei drei vier…");
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it("never splits a surrogate pair", () => {
    const out = truncate("ab😀😀😀", 4);
    expect(out.length).toBeLessThanOrEqual(4);
    expect(out).toBe("ab…");
  });

  it("never cuts a masked link in half", () => {
    const text = "Quelle: NIS, via [Yonhap: Nordkorea schickt Soldaten](https://en.yna.co.kr/view/1) · 2025";
    expect(truncate(text, 60)).toBe("Quelle: NIS, via…");
    expect(truncate(text, 30)).toBe("Quelle: NIS, via…");
    expect(truncate("escaped \\[not a link and more words here", 30)).toBe("escaped \\[not a link and…");
  });

  it("never leaves an escape backslash dangling before the ellipsis", () => {
    const out = truncate(`${"x".repeat(9)}\\*more text`, 11);
    expect(out).toBe(`${"x".repeat(9)}…`);
  });
});

describe("fitMessage", () => {
  it("cuts every piece to its limit and the whole to 6000", () => {
    const long = "Wort ".repeat(3000);
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `${i} ${long}`, value: long }));
    const fitted = fitMessage({
      content: long,
      embeds: [{ title: long, description: long, footer: { text: long }, fields }],
    });
    expect(limitViolations(fitted)).toEqual([]);
    expect(messageLength(fitted)).toBeGreaterThan(5000);
  });

  it("spreads the cut over several embeds and keeps short ones whole", () => {
    const long = "y".repeat(4000);
    const fitted = fitMessage({
      embeds: [
        { title: "a", description: long },
        { title: "b", description: long },
        { title: "c", description: "short" },
      ],
    });
    expect(limitViolations(fitted)).toEqual([]);
    expect(fitted.embeds[2]?.description).toBe("short");
  });

  it("limitViolations names what is too long", () => {
    expect(limitViolations({ content: "x".repeat(2001), embeds: [{ title: "t".repeat(257) }] })).toEqual([
      "content is 2001 long (limit 2000)",
      "embed 0 title is 257 long (limit 256)",
    ]);
  });

  it("keeps a message that already fits unchanged", () => {
    const body = { embeds: [{ title: "t", description: "d", fields: [{ name: "n", value: "v" }] }] };
    expect(fitMessage(body)).toEqual(body);
  });
});
