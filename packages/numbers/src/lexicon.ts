/** The words that make up spelled-out numbers, per language, keyed by their lower-case form. */

export type Lang = "de" | "en";

export type Word =
  /** 0–9 ("unit"), 10–19 ("teen"), 20, 30 … 90 ("tens"), any other German compound ("compound"). */
  | { type: "number"; value: number; size: "unit" | "teen" | "tens" | "compound" }
  /** `plural` ("hundreds") only counts after a number: "five hundreds", not "hundreds of". */
  | { type: "hundred"; plural: boolean }
  /** thousand, Million, Mrd., lakh …; `plural` forms only count after a number ("Millionen"). */
  | { type: "scale"; value: number; plural: boolean }
  | { type: "dozen" }
  /** The denominator of a fraction: halb, Drittel, half, thirds, quarters, fifths … */
  | { type: "fraction"; denominator: number }
  | { type: "and" }
  | { type: "point" }
  | { type: "minus" }
  /** German "ein/eine/einer…", "kein…": the numeral that is also the indefinite article. */
  | { type: "article"; value: number }
  /** English "a"/"an": a number only before hundred, thousand, million, dozen, half … */
  | { type: "a" }
  | { type: "ordinal"; value: number };

function table(entries: [string, Word][]): Map<string, Word> {
  return new Map(entries);
}

const num = (value: number): Word => ({
  type: "number",
  value,
  size: value < 10 ? "unit" : value < 20 ? "teen" : value < 100 && value % 10 === 0 ? "tens" : "compound",
});
const scale = (value: number, plural = false): Word => ({ type: "scale", value, plural });
const fraction = (denominator: number): Word => ({ type: "fraction", denominator });

/** German words other than the cardinal compounds, which german-words.ts reads. */
const GERMAN_WORDS = table([
  ["null", num(0)],
  ["million", scale(1e6)],
  ["millionen", scale(1e6, true)],
  ["mio", scale(1e6)],
  ["mill", scale(1e6)],
  ["milliarde", scale(1e9)],
  ["milliarden", scale(1e9, true)],
  ["mrd", scale(1e9)],
  ["billion", scale(1e12)],
  ["billionen", scale(1e12, true)],
  ["billiarde", scale(1e15)],
  ["billiarden", scale(1e15, true)],
  ["tsd", scale(1e3)],
  ["dutzend", { type: "dozen" }],
  ["halb", fraction(2)],
  ["halbe", fraction(2)],
  ["halbes", fraction(2)],
  ["halben", fraction(2)],
  ["halber", fraction(2)],
  ["drittel", fraction(3)],
  ["viertel", fraction(4)],
  ["fünftel", fraction(5)],
  ["sechstel", fraction(6)],
  ["siebtel", fraction(7)],
  ["achtel", fraction(8)],
  ["neuntel", fraction(9)],
  ["zehntel", fraction(10)],
  ["und", { type: "and" }],
  ["komma", { type: "point" }],
  ["minus", { type: "minus" }],
  ["negativ", { type: "minus" }],
  ["ein", { type: "article", value: 1 }],
  ["eine", { type: "article", value: 1 }],
  ["einen", { type: "article", value: 1 }],
  ["einem", { type: "article", value: 1 }],
  ["einer", { type: "article", value: 1 }],
  ["eines", { type: "article", value: 1 }],
  ["keiner", { type: "article", value: 0 }],
  ["keinen", { type: "article", value: 0 }],
]);

const ENGLISH_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const ENGLISH_TEENS = [
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const ENGLISH_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ENGLISH_ORDINALS: [string, number][] = [
  ["first", 1],
  ["second", 2],
  ["third", 3],
  ["fourth", 4],
  ["fifth", 5],
  ["sixth", 6],
  ["seventh", 7],
  ["eighth", 8],
  ["ninth", 9],
  ["tenth", 10],
  ["eleventh", 11],
  ["twelfth", 12],
  ["thirteenth", 13],
  ["fourteenth", 14],
  ["fifteenth", 15],
  ["sixteenth", 16],
  ["seventeenth", 17],
  ["eighteenth", 18],
  ["nineteenth", 19],
  ["twentieth", 20],
  ["thirtieth", 30],
  ["fortieth", 40],
  ["fiftieth", 50],
  ["sixtieth", 60],
  ["seventieth", 70],
  ["eightieth", 80],
  ["ninetieth", 90],
  ["hundredth", 100],
  ["thousandth", 1e3],
  ["millionth", 1e6],
  ["billionth", 1e9],
  ["trillionth", 1e12],
];

const ENGLISH_WORDS = table([
  ...ENGLISH_UNITS.map((w, i): [string, Word] => [w, num(i)]),
  ...ENGLISH_TEENS.map((w, i): [string, Word] => [w, num(10 + i)]),
  ...ENGLISH_TENS.map((w, i): [string, Word] => [w, num(20 + 10 * i)]),
  ["nought", num(0)],
  ["naught", num(0)],
  ["nil", num(0)],
  ["hundred", { type: "hundred", plural: false }],
  ["hundreds", { type: "hundred", plural: true }],
  ["thousand", scale(1e3)],
  ["thousands", scale(1e3, true)],
  ["million", scale(1e6)],
  ["millions", scale(1e6, true)],
  ["billion", scale(1e9)],
  ["billions", scale(1e9, true)],
  ["trillion", scale(1e12)],
  ["trillions", scale(1e12, true)],
  ["lakh", scale(1e5)],
  ["lakhs", scale(1e5, true)],
  ["lac", scale(1e5)],
  ["lkh", scale(1e5)],
  ["lkhs", scale(1e5, true)],
  ["crore", scale(1e7)],
  ["crores", scale(1e7, true)],
  ["krore", scale(1e7)],
  ["krores", scale(1e7, true)],
  ["koti", scale(1e7)],
  ["cr", scale(1e7)],
  ["dozen", { type: "dozen" }],
  ["dozens", { type: "dozen" }],
  ["dz", { type: "dozen" }],
  ["dzs", { type: "dozen" }],
  ["doz", { type: "dozen" }],
  ["dozs", { type: "dozen" }],
  ["half", fraction(2)],
  ["halves", fraction(2)],
  ["quarter", fraction(4)],
  ["quarters", fraction(4)],
  ["and", { type: "and" }],
  ["point", { type: "point" }],
  ["minus", { type: "minus" }],
  ["negative", { type: "minus" }],
  ["a", { type: "a" }],
  ["an", { type: "a" }],
  ...ENGLISH_ORDINALS.map(([w, v]): [string, Word] => [w, { type: "ordinal", value: v }]),
  // "thirds", "fifths": plural denominators. Not "seconds", which are time.
  ...ENGLISH_ORDINALS.filter(([, v]) => v !== 2).map(([w, v]): [string, Word] => [`${w}s`, fraction(v)]),
]);

/**
 * Scale abbreviations, case-sensitive: "2,5 Mio.", "10k", "3M", "1.2bn", "$5m".
 * Lower-case "m" stands for million only after a currency sign (else "1m" is one metre).
 */
export const SCALE_ABBREVIATIONS = new Map<string, number>([
  ["k", 1e3],
  ["K", 1e3],
  ["Tsd", 1e3],
  ["M", 1e6],
  ["MM", 1e6],
  ["Mio", 1e6],
  ["mn", 1e6],
  ["mln", 1e6],
  ["mil", 1e6],
  ["G", 1e9],
  ["b", 1e9],
  ["bn", 1e9],
  ["bln", 1e9],
  ["Mrd", 1e9],
  ["tln", 1e12],
]);

export function wordsOf(lang: Lang): Map<string, Word> {
  return lang === "de" ? GERMAN_WORDS : ENGLISH_WORDS;
}
