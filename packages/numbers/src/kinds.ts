/**
 * What a number is, judged from the few characters around it: a percentage, money, a calibre,
 * a time, a date, a year, an ordinal, or a plain cardinal (the only kind that can be a head count).
 */
import { MONTHS, skipBlanksBackward, wordAfter, wordBefore, wordBeforeDot } from "./context";
import type { Expression } from "./expression";
import type { Lang } from "./lexicon";

export type NumberKind = "cardinal" | "percent" | "year" | "date" | "time" | "ordinal" | "money" | "calibre";

const PERCENT_AFTER = /^[ \u00A0\u202F]?(?:%|[Pp]rozent|percent|per ?cent|pct\b|v\. ?H\.)/;
const CALIBRE_AFTER = /^(?:-| |\u00A0)?(?:mm\b|[Mm]illimeter|millimetre)/;
const CALIBRE_BEFORE = /(?:Kaliber|Kalibers|calibre|caliber)[ \u00A0]$/;
const MONEY_AFTER =
  /^[ \u00A0]?(?:Euro\b|EUR\b|€|(?:US-)?Dollar|dollars?\b|USD\b|\$|Pfund\b|pounds?\b|£|Rubel\b|roubles?\b|rubles?\b|Won\b|Yuan\b|yuan\b|Franken\b|Cent\b|cents?\b)/;
const MONEY_BEFORE = /(?:[$€£¥₩₽]|US\$|USD|EUR|Euro|GBP)[ \u00A0]?$/;
const TIME_AFTER_DE = /^[ \u00A0]?Uhr\b/;
const TIME_AFTER_EN = /^[ \u00A0]?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)/;

/** Words after which a bare four-digit number is a year ("im Jahr 2024", "seit 2022", "since 2014"). */
const YEAR_WORDS = new Set([
  "im",
  "jahr",
  "jahre",
  "jahres",
  "jahren",
  "seit",
  "anfang",
  "ende",
  "mitte",
  "frühjahr",
  "frühling",
  "sommer",
  "herbst",
  "winter",
  "year",
  "since",
  "early",
  "late",
  "mid",
  "spring",
  "summer",
  "autumn",
  "fall",
]);
/** "the end of 2024", "the beginning of 2025": parts of a year before "of". */
const PARTS_OF_A_YEAR = new Set(["end", "beginning", "start", "middle", "course"]);
/** Prepositions that take years and counts alike ("bis 2025", "by 2000 soldiers"). */
const WEAK_YEAR_WORDS = new Set([
  "in",
  "bis",
  "ab",
  "vor",
  "nach",
  "um",
  "by",
  "until",
  "before",
  "after",
  "from",
  "to",
]);
/** After a weak preposition, a year is followed by punctuation or by one of these words. */
const YEAR_FOLLOWERS = new Set([
  "und",
  "oder",
  "bis",
  "hat",
  "hatte",
  "hatten",
  "haben",
  "war",
  "waren",
  "ist",
  "sind",
  "wurde",
  "wurden",
  "sei",
  "seien",
  "soll",
  "sollen",
  "will",
  "wird",
  "werden",
  "die",
  "der",
  "das",
  "den",
  "dem",
  "in",
  "im",
  "an",
  "am",
  "auf",
  "mit",
  "and",
  "or",
  "the",
  "to",
  "when",
  "as",
  "it",
  "they",
  "there",
  "was",
  "were",
  "had",
  "has",
  "have",
  "is",
  "are",
  "would",
]);
/** Before "3. Armee": words after which a German "N." is an ordinal, not a sentence end. */
const ORDINAL_BEFORE_DE = new Set([
  "der",
  "die",
  "das",
  "den",
  "dem",
  "des",
  "am",
  "im",
  "zum",
  "zur",
  "vom",
  "beim",
  "ihr",
  "ihre",
  "ihrer",
  "sein",
  "seine",
  "seiner",
  "seit",
  "bis",
]);

export function kindOf(text: string, e: Expression, lang: Lang): NumberKind {
  if (e.ordinal) return "ordinal";
  const after = text.slice(e.end, e.end + 16);
  if (PERCENT_AFTER.test(after)) return "percent";
  if (
    e.hasDigits &&
    (CALIBRE_AFTER.test(after) || CALIBRE_BEFORE.test(text.slice(Math.max(0, e.start - 9), e.start)))
  )
    return "calibre";
  if (MONEY_AFTER.test(after) || MONEY_BEFORE.test(text.slice(Math.max(0, e.start - 6), e.start)))
    return "money";
  const integer = Number.isInteger(e.value);
  if (!e.hasDigits || !integer) return "cardinal";
  if (e.value <= 24 && (lang === "de" ? TIME_AFTER_DE : TIME_AFTER_EN).test(after)) return "time";

  const dotted = text[e.end] === ".";
  const next = wordAfter(text, dotted ? e.end + 1 : e.end);
  const previous = wordBefore(text, e.start).toLowerCase();
  const dayLike = e.value >= 1 && e.value <= 31;
  if (dayLike && isMonth(next)) return "date";
  if (isMonth(wordBeforeDot(text, e.start)) || afterMonthDay(text, e.start)) {
    if (dayLike) return "date";
    if (e.plainDigits && e.value >= 1000 && e.value <= 2100) return "year";
  }
  if (lang === "de" && dotted && next && isGermanOrdinalDot(text, e, next, previous)) return "ordinal";
  // "… ended in 1953. North Korean leader …": a sentence ends after the number, no word follows it.
  const sentenceEnds = dotted && /^\s+\p{Lu}/u.test(text.slice(e.end + 1, e.end + 3));
  if (
    e.plainDigits &&
    e.value >= 1900 &&
    e.value <= 2100 &&
    isYearContext(text, e, previous, sentenceEnds ? "" : next)
  )
    return "year";
  return "cardinal";
}

/**
 * "am 3. Tag", "die 11. Armee", "3. internationale", "1. Startseite" at a line's start:
 * not a number ending its sentence.
 */
function isGermanOrdinalDot(text: string, e: Expression, next: string, previous: string): boolean {
  const lowerNext = next[0] === next[0]!.toLowerCase();
  return lowerNext || ORDINAL_BEFORE_DE.has(previous) || startsLine(text, e.start);
}

function startsLine(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t")) i--;
  return i === 0 || text[i - 1] === "\n";
}

function opensClause(text: string, at: number): boolean {
  const before = skipBlanksBackward(text, at);
  return before === 0 || '.;:!?()\n–—"„“«»'.includes(text[before - 1]!);
}

/** A month's name or abbreviation; "may" and "march" only capitalised, else they are verbs. */
function isMonth(word: string): boolean {
  const lower = word.toLowerCase();
  if (!MONTHS.has(lower)) return false;
  return !(lower === "may" || lower === "march" || lower === "mar") || word[0] !== lower[0];
}

/** "November 5, 2024": the year after an English month and day. */
function afterMonthDay(text: string, at: number): boolean {
  if (text[skipBlanksBackward(text, at) - 1] !== ",") return false;
  const m = /(\p{L}+)\.? \d{1,2}, ?$/u.exec(text.slice(Math.max(0, at - 16), at));
  return m !== null && isMonth(m[1]!);
}

/** "1950 bis 1953", "1950–1953", "2024/25": a span of years. */
const YEAR_SPAN_AFTER = /^(?: ?(?:bis|to|-|–|—) ?(?:19|20)\d\d(?!\d)|\/\d\d(?!\d))/;

function isYearContext(text: string, e: Expression, previous: string, next: string): boolean {
  if (YEAR_WORDS.has(previous)) return true;
  // "since the spring of 2025", "in March of 2024", "the summer of 2023".
  if (previous === "of") {
    const ofStart = skipBlanksBackward(text, e.start) - previous.length;
    const season = wordBefore(text, ofStart);
    const lower = season.toLowerCase();
    if (YEAR_WORDS.has(lower) || PARTS_OF_A_YEAR.has(lower) || isMonth(season)) return true;
  }
  if (YEAR_SPAN_AFTER.test(text.slice(e.end, e.end + 8))) return true;
  // A clause opening with "2023 waren es…" or "(1950 bis…" is a year when a verb or article follows.
  const weak = WEAK_YEAR_WORDS.has(previous) || (previous === "" && opensClause(text, e.start));
  return weak && (next === "" || YEAR_FOLLOWERS.has(next.toLowerCase()));
}
