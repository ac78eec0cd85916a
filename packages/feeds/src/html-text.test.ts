import { describe, expect, it } from "vitest";
import { htmlShape, htmlToText } from "./html-text";

describe("htmlToText", () => {
  it("strips tags, scripts and styles and decodes entities", () => {
    expect(
      htmlToText(
        "<p>Rund <b>11.000</b>&nbsp;Soldaten &amp; &#8222;Berater&#8220;</p><script>x()</script><style>p{}</style>",
      ),
    ).toBe("Rund 11.000 Soldaten & „Berater“");
  });

  it("turns blocks into paragraphs and <br> into line breaks", () => {
    expect(htmlToText("<h2>Titel</h2><p>Eins<br>zwei</p><ul><li>a</li><li>b</li></ul>")).toBe(
      "Titel\n\nEins\nzwei\n\na\n\nb",
    );
  });

  it("decodes entities in text without tags and keeps a bare '<'", () => {
    expect(htmlToText("Kim &amp; Putin")).toBe("Kim & Putin");
    expect(htmlToText("weniger als 3 < 5 &amp; mehr")).toBe("weniger als 3 < 5 & mehr");
    expect(htmlToText("  schlicht  ")).toBe("schlicht");
  });

  it("gives null for empty text and non-strings", () => {
    expect(htmlToText("<p> </p>")).toBeNull();
    expect(htmlToText("")).toBeNull();
    expect(htmlToText(undefined)).toBeNull();
    expect(htmlToText({ _: "x" })).toBeNull();
  });

  it("keeps a '<' that starts no tag, drops unclosed scripts and keeps text after a self-closed iframe", () => {
    expect(htmlToText("Why x<y matters")).toBe("Why x<y matters");
    expect(htmlToText("<p>a</p><script>never closed <p>b</p>")).toBe("a");
    expect(htmlToText('<iframe src="v.html"/><p>danach</p>')).toBe("danach");
    expect(htmlToText("vor<!-- Kommentar <b>x</b> -->nach<!-- offen")).toBe("vornach");
  });

  it("takes linear time on hostile input (deep nesting, unclosed tags, stray '<', many entities)", () => {
    // About 1 MB each: linear takes milliseconds, the quadratic DOM route took minutes for the nesting.
    for (const hostile of [
      `${"<span>".repeat(200_000)}tief`,
      `${"<a ".repeat(350_000)}x`,
      "<<<<".repeat(250_000),
      "<!--".repeat(250_000),
      "&amp;x ".repeat(150_000),
    ]) {
      const started = performance.now();
      htmlToText(hostile);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    expect(htmlToText(`${"<span>".repeat(200_000)}tief`)).toBe("tief");
  });
});

describe("htmlShape", () => {
  it("counts nesting depth, not void elements or ones whose end tag may be left out", () => {
    expect(htmlShape("<div><div><span>x</span></div></div>")).toEqual({ depth: 3, elements: 3 });
    expect(htmlShape(`<div>${"<p>eins<br><img src=x>".repeat(1000)}</div>`)).toEqual({
      depth: 1,
      elements: 3001,
    });
    expect(htmlShape("<b>".repeat(700)).depth).toBe(700);
  });
});
