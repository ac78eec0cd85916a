import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-text";

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

  it("survives nesting deeper than the call stack", () => {
    const deep = `${"<span>".repeat(20_000)}tief${"</span>".repeat(20_000)}`;
    expect(htmlToText(deep)).toBe("tief");
  });
});
