import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize-text";

describe("normalizeText", () => {
  it("leaves plain text as it is", () => {
    const n = normalizeText("Rund 11.000 Soldaten.");
    expect(n.text).toBe("Rund 11.000 Soldaten.");
    expect(n.toInput(5)).toBe(5);
  });

  it("decodes named and numeric entities and maps offsets back to the input", () => {
    const input = "S&uuml;dkorea: &#8222;11&nbsp;000&#8220; &amp; mehr &#x2013; &bogus; Ende";
    const n = normalizeText(input);
    expect(n.text).toBe("Südkorea: „11\u00a0000“ & mehr – &bogus; Ende");
    const at = n.text.indexOf("11");
    expect(input.slice(n.toInput(at), n.toInput(at + 2))).toBe("11");
    const end = n.text.indexOf("Ende");
    expect(input.slice(n.toInput(end))).toBe("Ende");
  });

  it("turns block tags into line breaks and drops inline tags and comments", () => {
    const n = normalizeText("<p>Erster <b>Satz</b>.</p><!-- x --><p>Zweiter<br/>Satz.</p>");
    expect(n.text).toBe("\nErster Satz.\n\nZweiter\nSatz.\n");
  });
});
