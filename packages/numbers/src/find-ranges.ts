/**
 * Closed ranges between two numbers found by findNumbers: "11.000 bis 12.000", "11,000-12,000",
 * "zwischen 11.000 und 12.000", "between 11,000 and 12,000", "von 2 bis 3 Millionen",
 * "zehn- bis zwölftausend".
 * Open bounds ("mehr als", "up to") are qualifiers, which the figure extractor reads.
 */
import { wordBefore } from "./context";
import type { NumberMatch } from "./find-numbers";
import type { NumberKind } from "./kinds";
import { type Lang, SCALE_ABBREVIATIONS, wordsOf } from "./lexicon";

export interface RangeMatch {
  min: NumberMatch;
  max: NumberMatch;
  start: number;
  end: number;
}

const JOINS: Record<Lang, RegExp> = {
  de: /^[ \u00A0]*(?:bis|-|–|—|~)[ \u00A0]*$/,
  en: /^[ \u00A0]*(?:to|through|-|–|—|~)[ \u00A0]*$/,
};
/** "zehn- bis zwölftausend", "zwei- bis dreihundert": the first number borrows the second's ending. */
const ELLIPTIC_DE = /^-[ \u00A0]+(?:bis|und|oder)[ \u00A0]+$/;
const AND: Record<Lang, RegExp> = { de: /^[ \u00A0]*und[ \u00A0]*$/, en: /^[ \u00A0]*and[ \u00A0]*$/ };
/** The word that opens "zwischen A und B" and the one that opens "von A bis B". */
const OPENERS: Record<Lang, { between: string; from: string }> = {
  de: { between: "zwischen", from: "von" },
  en: { between: "between", from: "from" },
};
/** Kinds that can bound a range of counts; years, dates, times, calibres and ordinals cannot. */
const RANGE_KINDS = new Set<NumberKind>(["cardinal", "percent", "money"]);

/**
 * The closed ranges among `numbers` (as findNumbers returned them for `text`), sorted by start.
 * When only the upper bound carries a scale word ("100 bis 300 Milliarden", "2 to 3 million") or
 * its thousands ("11 to 12,000"), the lower bound's value is scaled too; its kind follows the upper
 * bound's ("10 bis 20 Prozent").
 */
export function findRanges(text: string, numbers: NumberMatch[], lang: Lang): RangeMatch[] {
  const ranges: RangeMatch[] = [];
  for (let i = 0; i + 1 < numbers.length; i++) {
    const low = numbers[i]!;
    const high = numbers[i + 1]!;
    if (!RANGE_KINDS.has(low.kind) || !RANGE_KINDS.has(high.kind)) continue;
    if (low.kind !== "cardinal" && low.kind !== high.kind) continue;
    const gap = text.slice(low.end, high.start);
    const opener = wordBefore(text, low.start);
    const openerWord = opener.toLowerCase();
    const between = openerWord === OPENERS[lang].between && AND[lang].test(gap);
    const elliptic = lang === "de" && ELLIPTIC_DE.test(gap);
    if (!between && !elliptic && !JOINS[lang].test(gap)) continue;
    const value = elliptic ? low.value * compoundEnding(high.text) : scaledLow(low, high, lang);
    const min = { ...low, value, kind: high.kind };
    if (!(min.value < high.value)) continue;
    // "von … bis …", and also the loose "zwischen 11.000 bis 12.000", "between 11,000-12,000".
    const opened = openerWord === OPENERS[lang].between || openerWord === OPENERS[lang].from;
    const start = opened ? text.lastIndexOf(opener, low.start) : low.start;
    ranges.push({ min, max: high, start, end: high.end });
    i++;
  }
  return ranges;
}

/** The lower bound's value with the upper bound's trailing scale word when only the upper has one. */
function scaledLow(low: NumberMatch, high: NumberMatch, lang: Lang): number {
  if (trailingScale(low.text, lang) !== 1) return low.value;
  const scale = trailingScale(high.text, lang);
  if (scale > 1) return low.value * scale <= high.value ? low.value * scale : low.value;
  // "11 to 12,000", "10 bis 12.000": the thousands of the upper bound are the lower's too.
  const thousands = low.value * 1000;
  const grouped = high.value >= 1000 && high.value % 1000 === 0 && low.value < 100;
  return grouped && thousands < high.value && thousands >= high.value / 2 ? thousands : low.value;
}

function compoundEnding(text: string): number {
  const lower = text.toLowerCase();
  return lower.endsWith("tausend") ? 1000 : lower.endsWith("hundert") ? 100 : 1;
}

function trailingScale(text: string, lang: Lang): number {
  const last = /(\p{L}+)\.?$/u.exec(text)?.[1];
  if (!last) return 1;
  const lower = last.toLowerCase();
  if (lower === "tausend" || lower === "thousand") return 1000;
  const word = wordsOf(lang).get(lower);
  if (word?.type === "scale") return word.value;
  return SCALE_ABBREVIATIONS.get(last) ?? 1;
}
