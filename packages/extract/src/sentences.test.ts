import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("splits at sentence ends and keeps closing quotes with their sentence", () => {
    expect(texts('Er sagte: „Das ist so.“ Dann ging er. Kam er wieder? Ja! "Gut." Ende')).toEqual([
      "Er sagte: „Das ist so.“",
      "Dann ging er.",
      "Kam er wieder?",
      "Ja!",
      '"Gut."',
      "Ende",
    ]);
  });

  it("does not split at abbreviations, initials, ordinals or decimal points", () => {
    expect(
      texts(
        "Es sind ca. 11.000 Soldaten, z. B. in Kursk, u. a. laut Dr. Kim. Am 5. November kamen 1,5 Mio. Granaten. Kim J. Un schwieg. Mr. Lee said so.",
      ),
    ).toEqual([
      "Es sind ca. 11.000 Soldaten, z. B. in Kursk, u. a. laut Dr. Kim.",
      "Am 5. November kamen 1,5 Mio. Granaten.",
      "Kim J. Un schwieg.",
      "Mr. Lee said so.",
    ]);
  });

  it("starts a paragraph at blank lines and at lines that end a sentence", () => {
    const sentences = splitSentences("Titel ohne Punkt\nErster Satz. Zweiter Satz.\n\nNeuer Absatz.");
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it("joins a line broken inside a sentence", () => {
    expect(texts("Nordkorea hat bis zu\n12.000 Soldaten und\nweitere Truppen geschickt, hieß es.")).toEqual([
      "Nordkorea hat bis zu\n12.000 Soldaten und\nweitere Truppen geschickt, hieß es.",
    ]);
  });

  it("keeps headlines apart from the text that follows", () => {
    expect(texts("Kursk: Russland setzt Nordkoreaner ein\nDie Ukraine meldet Kämpfe.")).toEqual([
      "Kursk: Russland setzt Nordkoreaner ein",
      "Die Ukraine meldet Kämpfe.",
    ]);
  });

  it("returns nothing for an empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\n \t")).toEqual([]);
  });
});
