import { describe, expect, it } from "vitest";
import { foldGerman, parseGermanNumberWord, parseGermanOrdinalWord } from "./german-words";

const cardinal = (word: string) => parseGermanNumberWord(foldGerman(word))?.value;
const ordinal = (word: string) => parseGermanOrdinalWord(foldGerman(word));

describe("parseGermanNumberWord", () => {
  it.each([
    ["eins", 1],
    ["Drei", 3],
    ["sechzehn", 16],
    ["siebzehn", 17],
    ["dreiunddreißig", 33],
    ["dreiunddreissig", 33],
    ["Fuenfundzwanzig", 25],
    ["zwoelf", 12],
    ["hundertzwei", 102],
    ["einhundertdrei", 103],
    ["tausendachthundertzweiundfünfzig", 1852],
    ["zweihunderttausend", 200000],
    ["siebenhunderteinundzwanzigtausendundzwölf", 721012],
    ["zweieinhalb", 2.5],
    ["einundhalb", 1.5],
    ["dreiviertel", 0.75],
    ["hundert", 100],
    ["tausend", 1000],
  ])("%s is %d", (word, value) => {
    expect(cardinal(word)).toBe(value);
  });

  it.each([
    "eine",
    "einer",
    "Einheit",
    "dreist",
    "Achtung",
    "Elfmeter",
    "Tausende",
    "Zehntausende",
    "hunderte",
    "Dutzend",
    "zweidrei",
    "zwanzigdrei",
    "und",
    "",
  ])("%j is no cardinal word", (word) => {
    expect(cardinal(word)).toBeUndefined();
  });

  it("marks bare hundert and tausend", () => {
    expect(parseGermanNumberWord("tausend")?.bare).toBe(true);
    expect(parseGermanNumberWord("dreitausend")?.bare).toBe(false);
  });
});

describe("parseGermanOrdinalWord", () => {
  it.each([
    ["erste", 1],
    ["ersten", 1],
    ["zweite", 2],
    ["dritter", 3],
    ["siebte", 7],
    ["achten", 8],
    ["sechste", 6],
    ["sechzehnte", 16],
    ["zwanzigste", 20],
    ["einundzwanzigsten", 21],
    ["hundertste", 100],
  ])("%s is %d", (word, value) => {
    expect(ordinal(word)).toBe(value);
  });

  it.each(["Leute", "Kante", "zwanzigte", "zweiste", "Soldaten"])("%j is no ordinal", (word) => {
    expect(ordinal(word)).toBeUndefined();
  });
});
