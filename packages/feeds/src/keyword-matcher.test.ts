import { DEFAULT_KEYWORDS } from "@zw/core";
import { describe, expect, it } from "vitest";
import { keywordMatcher } from "./keyword-matcher";

describe("keywordMatcher", () => {
  const matches = keywordMatcher(["Nordkorea", "Pjöngjang", "Kim", "Kim Jong Un", "DPRK", "Straße"]);

  it("matches case-insensitively at the start of a word, running on into it", () => {
    for (const text of [
      "Nordkorea schickt Soldaten",
      "die nordkoreanische Armee",
      "Nordkoreas Führung",
      "NORDKOREA",
      "(Nordkorea)",
      "Ex-Nordkoreaner berichten",
      "Kim in Moskau",
      "DPRK's troops",
    ]) {
      expect([text, matches(text)]).toEqual([text, true]);
    }
  });

  it("folds umlauts and ß in both directions", () => {
    const spelledOut = keywordMatcher(["Pjoengjang", "Strasse"]);
    for (const text of [
      "Pjöngjang meldet",
      "PJÖNGJANG",
      "in Pjoengjang",
      "Straßensperre",
      "STRASSE",
      "strasse",
    ]) {
      expect([text, matches(text), spelledOut(text)]).toEqual([text, true, true]);
    }
    expect(keywordMatcher(["Pyongyang"])("Pyŏngyang")).toBe(true);
    expect(keywordMatcher(["Pjöngjang"])("Pjongjang")).toBe(false);
  });

  it("does not match inside a word", () => {
    for (const text of ["Skimming", "Akim", "Südnordkorea", "Pseudo-DPRKs"]) {
      expect([text, matches(text)]).toEqual([text, text === "Pseudo-DPRKs"]);
    }
  });

  it("matches multi-word keywords across any spaces and hyphens", () => {
    const kju = keywordMatcher(["Kim Jong Un"]);
    expect(kju("Machthaber Kim  Jong\nUn sagte")).toBe(true);
    expect(kju("Kim-Jong-Un")).toBe(true);
    expect(kju("Kim Jong-il")).toBe(false);
  });

  it("treats regex characters in keywords literally, and matches nothing without keywords", () => {
    expect(keywordMatcher(["C++"])("C++ und Java")).toBe(true);
    expect(keywordMatcher(["a.b"])("axb")).toBe(false);
    expect(keywordMatcher([])("Nordkorea")).toBe(false);
    expect(keywordMatcher(["  "])("Nordkorea")).toBe(false);
  });

  it("filters thousands of items quickly", () => {
    const match = keywordMatcher(DEFAULT_KEYWORDS);
    const items = Array.from({ length: 5000 }, (_, i) =>
      `Meldung ${i}: Die Regierung in Berlin berät über den Haushalt und die Lage in der Ukraine. `.repeat(5),
    );
    items[4321] += " Nordkoreanische Truppen in Kursk.";
    const started = performance.now();
    const hits = items.filter(match).length;
    const elapsed = performance.now() - started;
    expect(hits).toBe(1);
    // About 30 ms alone; the bound leaves room for a loaded machine.
    expect(elapsed).toBeLessThan(2000);
  });
});
