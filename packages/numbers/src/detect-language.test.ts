import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";

describe("detectLanguage", () => {
  it("tells German from English news by their function words", () => {
    expect(detectLanguage("Nordkorea hat nach Angaben des Geheimdienstes weitere Soldaten entsandt.")).toBe(
      "de",
    );
    expect(
      detectLanguage("North Korea has sent more troops to Russia, the spy agency said on Tuesday."),
    ).toBe("en");
  });

  it("breaks a tie by English number words", () => {
    expect(detectLanguage("three hundred")).toBe("en");
    expect(detectLanguage("acht Millionen")).toBe("de");
  });

  it("falls back to German when nothing tells", () => {
    expect(detectLanguage("11.000")).toBe("de");
    expect(detectLanguage("")).toBe("de");
  });
});

describe("detectLanguage on headlines without function words", () => {
  it("reads war headlines in either language", () => {
    expect(detectLanguage("Around 300 North Korean soldiers killed in Kursk, says Seoul")).toBe("en");
    expect(detectLanguage("Ukraine: 1,000 North Korean troops wounded")).toBe("en");
    expect(detectLanguage("Seoul: Rund 300 nordkoreanische Soldaten in Kursk getötet")).toBe("de");
    expect(detectLanguage("Kiew: Mehr als 1.000 Nordkoreaner verwundet")).toBe("de");
  });
});
