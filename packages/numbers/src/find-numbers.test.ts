import { describe, expect, it } from "vitest";
import { type FindNumbersOptions, findNumbers, type NumberMatch } from "./find-numbers";

const de = (text: string, options: FindNumbersOptions = {}) => findNumbers(text, { lang: "de", ...options });
const en = (text: string, options: FindNumbersOptions = {}) => findNumbers(text, { lang: "en", ...options });
const brief = (found: NumberMatch[]) => found.map((n) => [n.text, n.value, n.kind]);
/** The only number in `found`, checked to be the exact substring at its offsets. */
function only(text: string, found: NumberMatch[]): NumberMatch {
  expect(found).toHaveLength(1);
  const n = found[0]!;
  expect(text.slice(n.start, n.end)).toBe(n.text);
  return n;
}

describe("digits in both notations", () => {
  it.each([
    ["rund 11.000 Soldaten", "11.000", 11000],
    ["1,5 Prozent", "1,5", 1.5],
    ["3.600 verletzt", "3.600", 3600],
    ["4,800 Meter", "4,800", 4.8],
    ["2.000,352", "2.000,352", 2000.352],
    ["1.200.000 Granaten", "1.200.000", 1200000],
    ["bereits 12'000 Soldaten", "12'000", 12000],
    ["bereits 12’000 Soldaten", "12’000", 12000],
    ["rund 12 000 Soldaten", "12 000", 12000],
    ["rund 12\u00A0000 Soldaten", "12\u00A0000", 12000],
    ["rund 12\u202F000 Soldaten", "12\u202F000", 12000],
    ["1 234 567,89 Euro", "1 234 567,89", 1234567.89],
    ["der Wert 3.6 stieg", "3.6", 3.6],
  ])("German %j", (text, written, value) => {
    const n = only(text, de(text));
    expect([n.text, n.value]).toEqual([written, value]);
  });

  it.each([
    ["about 11,000 troops", "11,000", 11000],
    ["1.5 percent", "1.5", 1.5],
    ["3.6 times", "3.6", 3.6],
    ["3,600 wounded", "3,600", 3600],
    ["4.800 metres", "4.800", 4.8],
    ["1,674,200.5 units", "1,674,200.5", 1674200.5],
    ["some 12'000 troops", "12'000", 12000],
    ["some 12 000 troops", "12 000", 12000],
  ])("English %j", (text, written, value) => {
    const n = only(text, en(text));
    expect([n.text, n.value]).toEqual([written, value]);
  });

  it("keeps runs that do not group in threes apart", () => {
    expect(brief(en("423 0000 and 192.168.1.2"))).toEqual([
      ["423", 423, "cardinal"],
      ["0000", 0, "cardinal"],
      ["192", 192, "cardinal"],
      ["168", 168, "cardinal"],
      ["1", 1, "cardinal"],
      ["2", 2, "cardinal"],
    ]);
    expect(en("Exercises 22,24,26").map((n) => n.value)).toEqual([22, 24, 26]);
  });

  it("reads negative numbers only where a minus can stand", () => {
    expect(en("it fell to -5 degrees").map((n) => n.value)).toEqual([-5]);
    expect(de("minus 1.200.000").map((n) => n.value)).toEqual([-1200000]);
    // A hyphen between numbers or after a word is no minus.
    expect(de("11.000-12.000").map((n) => n.value)).toEqual([11000, 12000]);
  });

  it("reads a year that ends its sentence after a weak preposition", () => {
    expect(brief(en("since the war ended in 1953. North Korea sent 2000 troops."))).toEqual([
      ["1953", 1953, "year"],
      ["2000", 2000, "cardinal"],
    ]);
  });

  it("reads a year after a season or a part of a year and 'of'", () => {
    expect(brief(en("since the spring of 2025, in March of 2024, by the end of 2024"))).toEqual([
      ["2025", 2025, "year"],
      ["2024", 2024, "year"],
      ["2024", 2024, "year"],
    ]);
    expect(brief(en("2000 of the 12000 soldiers"))).toEqual([
      ["2000", 2000, "cardinal"],
      ["12000", 12000, "cardinal"],
    ]);
  });

  it("reads the German genitive of small numbers, not the nouns", () => {
    expect(brief(de("die Gefangennahme zweier Soldaten und dreier Offiziere, ein Zweier"))).toEqual([
      ["zweier", 2, "cardinal"],
      ["dreier", 3, "cardinal"],
    ]);
  });

  it("reads a scale word hyphenated to its digits as one number", () => {
    expect(brief(en("some 8-thousand soldiers and 25-hundred commandos"))).toEqual([
      ["8-thousand", 8000, "cardinal"],
      ["25-hundred", 2500, "cardinal"],
    ]);
    // Only straight after the digits, and never a range of two numbers.
    expect(brief(en("8-10 thousand"))).toEqual([
      ["8", 8, "cardinal"],
      ["10 thousand", 10000, "cardinal"],
    ]);
  });

  it("does not join a space-grouped run onto a calibre", () => {
    expect(brief(en("220 170-mm guns and 2 152mm shells"))).toEqual([
      ["220", 220, "cardinal"],
      ["170", 170, "calibre"],
      ["2", 2, "cardinal"],
      ["152", 152, "calibre"],
    ]);
  });

  it("does not read codes, designations and glued units as counts", () => {
    expect(de("KN-23 Raketen, F-16 und T-72")).toEqual([]);
    expect(en("the 180ml bottle, 29km road, 1m tall, 5G network")).toEqual([]);
  });
});

describe("scale words and abbreviations", () => {
  it.each([
    ["2,5 Mio. Granaten", "2,5 Mio.", 2500000],
    ["acht Millionen Granaten", "acht Millionen", 8000000],
    ["1,5 Milliarden", "1,5 Milliarden", 1.5e9],
    ["3 Mrd. Euro", "3 Mrd.", 3e9],
    ["12 Tsd. Soldaten", "12 Tsd.", 12000],
    ["2 Mill. Schuss", "2 Mill.", 2e6],
    ["5 Tausend Soldaten", "5 Tausend", 5000],
    ["zwei Billionen", "zwei Billionen", 2e12],
  ])("German %j", (text, written, value) => {
    const n = only(text, de(text));
    expect([n.text, n.value]).toEqual([written, value]);
  });

  it.each([
    ["eight million shells", "eight million", 8e6],
    ["2.5 million shells", "2.5 million", 2.5e6],
    ["3 billion", "3 billion", 3e9],
    ["12 thousand troops", "12 thousand", 12000],
    ["10k troops", "10k", 10000],
    ["1.2bn rounds", "1.2bn", 1.2e9],
    ["3M shells", "3M", 3e6],
  ])("English %j", (text, written, value) => {
    const n = only(text, en(text));
    expect([n.text, n.value]).toEqual([written, value]);
  });

  it("reads a lower-case m as million only after a currency sign or before what is counted in millions", () => {
    expect(only("$5m", en("$5m"))).toMatchObject({ text: "5m", value: 5e6, kind: "money" });
    expect(only("8m shells", en("8m shells"))).toMatchObject({ text: "8m", value: 8e6, kind: "cardinal" });
    expect(en("1m tall, 29m away")).toEqual([]);
  });
});

describe("number words", () => {
  it.each([
    ["drei", 3],
    ["zwölf", 12],
    ["einundzwanzig", 21],
    ["zweihundertdreiundvierzig", 243],
    ["dreitausend", 3000],
    ["siebenhunderteinundzwanzigtausendundzwölf", 721012],
    ["achtzehnhundertzweiundfünfzig", 1852],
    ["zweieinhalb", 2.5],
    ["anderthalb", 1.5],
    ["eineinhalb", 1.5],
    ["dreissig", 30],
    ["fuenfzehn", 15],
    ["ein Dutzend", 12],
    ["ein halbes Dutzend", 6],
    ["eine halbe Million", 500000],
    ["zweieinhalb Millionen", 2500000],
    ["zwei Millionen eintausendeinhundertfünfzig", 2001150],
    ["zwei Komma drei", 2.3],
    ["drei halbe", 1.5],
    ["hundert", 100],
  ])("German %j", (text, value) => {
    expect(only(text, de(`${text}`)).value).toBe(value);
  });

  it.each([
    ["three", 3],
    ["twenty-one", 21],
    ["three hundred", 300],
    ["eight million", 8e6],
    ["two and a half million", 2.5e6],
    ["twenty-one thousand", 21000],
    ["one hundred and sixty-one", 161],
    ["a dozen", 12],
    ["half a dozen", 6],
    ["half a million", 500000],
    ["two thirds", 2 / 3],
    ["a third of", 1 / 3],
    ["a hundred", 100],
    ["two point five", 2.5],
    ["seven hundred twenty-one thousand and twelve", 721012],
  ])("English %j", (text, value) => {
    expect(only(text, en(text)).value).toBeCloseTo(value, 9);
  });

  it("reads a word across the soft hyphens of web text", () => {
    const text = "zwei\u00ADhundert\u00ADdrei Soldaten, Hilfs\u00ADeinsatz";
    expect(de(text).map((n) => [n.text, n.value])).toEqual([["zwei\u00ADhundert\u00ADdrei", 203]]);
  });

  it("finds words inside sentences with their offsets", () => {
    const text = "Nordkorea schickte acht Millionen Granaten und zweihundertzwanzig Haubitzen.";
    expect(de(text).map((n) => [n.text, n.start, n.end])).toEqual([
      ["acht Millionen", 19, 33],
      ["zweihundertzwanzig", 47, 65],
    ]);
  });

  it("ignores words that merely contain number words", () => {
    expect(de("Die Einheit war dreist, Achtung, Elfmeter, Neunkirchen, Zehntel")).toEqual([]);
    expect(en("often, tennis, someone, nineteenth-century")).toHaveLength(1); // only the ordinal
    expect(en("often, tennis, someone")).toEqual([]);
  });

  it("does not count vague quantities", () => {
    expect(de("Dutzende, Tausende, Zehntausende, Hunderttausende, hunderte, mehrere Soldaten")).toEqual([]);
    expect(de("mehrere Tausend Soldaten und einige hundert Offiziere")).toEqual([]);
    expect(en("several thousand troops, dozens of officers, thousands of shells, millions")).toEqual([]);
    expect(de("Claudia Tausend wuchs auf")).toEqual([]);
    expect(de("ließ das außer Acht")).toEqual([]);
    expect(en("a few hundred, a couple hundred, several thousand")).toEqual([]);
  });

  it("leaves the German article alone unless asked or qualified", () => {
    expect(de("Ein Sprecher sagte, eine Einheit sei in einer Stadt")).toEqual([]);
    expect(brief(de("mindestens ein Soldat"))).toEqual([["ein", 1, "cardinal"]]);
    expect(brief(de("mehr als ein Soldat, als ein Zeichen"))).toEqual([["ein", 1, "cardinal"]]);
    expect(de("Ein Sprecher sagte", { articles: true }).map((n) => [n.text, n.value])).toEqual([["Ein", 1]]);
    expect(de("keiner kam", { articles: true }).map((n) => n.value)).toEqual([0]);
  });

  it("reads decimals spelled out, but not digits after a spelled-out whole", () => {
    expect(brief(en("1 point 5 and two point five"))).toEqual([
      ["1 point 5", 1.5, "cardinal"],
      ["two point five", 2.5, "cardinal"],
    ]);
    expect(en("at one point 300 soldiers").map((n) => n.value)).toEqual([1, 300]);
  });

  it("reads English one as a number but not as a pronoun, and a/an only before a number word", () => {
    expect(en("one soldier was captured").map((n) => n.value)).toEqual([1]);
    expect(en("the one you mentioned, which one, one another")).toEqual([]);
    expect(en("a soldier and an officer")).toEqual([]);
  });
});

describe("kinds", () => {
  it.each([
    ["50 Prozent des Bedarfs", "de", "50", "percent"],
    ["50 % des Bedarfs", "de", "50", "percent"],
    ["50%", "de", "50", "percent"],
    ["50 percent of the need", "en", "50", "percent"],
    ["im Jahr 1950", "de", "1950", "year"],
    ["seit 2022 hat", "de", "2022", "year"],
    ["in 2024, Russia", "en", "2024", "year"],
    ["Munition; 2023 waren es noch", "de", "2023", "year"],
    ["2000 US-Dollar pro Monat", "de", "2000", "money"],
    ["300 Euro", "de", "300", "money"],
    ["$5 million", "en", "5 million", "money"],
    ["170-mm-Panzerhaubitzen", "de", "170", "calibre"],
    ["240-Millimeter-Mehrfachraketenwerfer", "de", "240", "calibre"],
    ["mit 170 Millimetern Kaliber", "de", "170", "calibre"],
    ["152mm shells", "en", "152", "calibre"],
    ["Haubitzen vom Kaliber 152", "de", "152", "calibre"],
    ["um 11 Uhr", "de", "11", "time"],
    ["die 3. Armee", "de", "3", "ordinal"],
    ["die erste Einheit", "de", "erste", "ordinal"],
    ["die dritten Truppen", "de", "dritten", "ordinal"],
    ["the third brigade", "en", "third", "ordinal"],
    ["the 3rd brigade", "en", "3rd", "ordinal"],
  ] as const)("%j is %s %s", (text, lang, written, kind) => {
    const n = only(text, findNumbers(text, { lang }));
    expect([n.text, n.kind]).toEqual([written, kind]);
  });

  it("reads 'a third time' as an ordinal, not a fraction", () => {
    expect(brief(en("for a third time"))).toEqual([["third", 3, "ordinal"]]);
  });

  it("reads compound ordinals whole, so their tens are no cardinal", () => {
    expect(brief(en("the twenty-first century, one hundred twenty-fifth, two hundredth"))).toEqual([
      ["twenty-first", 21, "ordinal"],
      ["one hundred twenty-fifth", 125, "ordinal"],
      ["two hundredth", 200, "ordinal"],
    ]);
    expect(brief(de("der 4te und der 21ste"))).toEqual([
      ["4te", 4, "ordinal"],
      ["21ste", 21, "ordinal"],
    ]);
  });

  it("skips the digits of web addresses", () => {
    expect(
      brief(en("see https://example.com/2024/11/300-troops?id=12000 and www.x.de/5 for 300 troops")),
    ).toEqual([["300", 300, "cardinal"]]);
  });

  it("reports dates and clock times as their parts", () => {
    expect(brief(de("Stand: 25.10.2024 11:36 Uhr"))).toEqual([
      ["25", 25, "date"],
      ["10", 10, "date"],
      ["2024", 2024, "date"],
      ["11", 11, "time"],
      ["36", 36, "time"],
    ]);
    expect(brief(de("am 5. November"))).toEqual([["5", 5, "date"]]);
    expect(brief(de("27 Februar 2025"))).toEqual([
      ["27", 27, "date"],
      ["2025", 2025, "year"],
    ]);
    expect(brief(en("on Jan. 12 that"))).toEqual([["12", 12, "date"]]);
    expect(brief(en("on November 5, 2024"))).toEqual([
      ["5", 5, "date"],
      ["2024", 2024, "year"],
    ]);
  });

  it("keeps a four-digit count a cardinal when nothing says year", () => {
    expect(brief(de("etwa 2000 Soldaten"))).toEqual([["2000", 2000, "cardinal"]]);
    expect(brief(de("von 2000 Soldaten"))).toEqual([["2000", 2000, "cardinal"]]);
    expect(brief(en("by 2000 soldiers"))).toEqual([["2000", 2000, "cardinal"]]);
    expect(brief(de("Soldaten. 2000 Mann waren es"))).toEqual([["2000", 2000, "cardinal"]]);
  });

  it("tells a sentence-ending number from a German ordinal", () => {
    expect(brief(de("auf etwa 11.000. Rund 4.000 von ihnen"))).toEqual([
      ["11.000", 11000, "cardinal"],
      ["4.000", 4000, "cardinal"],
    ]);
  });
});

describe("long input", () => {
  it("scans a megabyte of news text in one pass", () => {
    const sentence =
      "Nordkorea soll rund 11.000 bis 12.000 Soldaten und acht Millionen Granaten geschickt haben. ";
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const found = de(text);
    expect(found).toHaveLength(3 * Math.ceil(1_000_000 / sentence.length));
    expect(found.at(-1)).toMatchObject({ text: "acht Millionen", value: 8e6 });
  });

  it("does not stall or recurse deeply on long pathological input", () => {
    expect(de("1.2,3 4'5".repeat(20_000)).length).toBeGreaterThan(0);
    expect(en("-".repeat(1_000_000))).toEqual([]);
    expect(en("1 in 2 in ".repeat(20_000)).length).toBeGreaterThan(0);
    expect(en("one and ".repeat(25_000)).length).toBe(25_000);
    expect(en("x - 5 $5m ".repeat(20_000)).length).toBe(40_000);
    expect(en("forty (40) (".repeat(20_000)).length).toBe(20_000);
  });
});
