import type { Figure, Lang } from "@zw/core";

/*
 * A figure the text marks as past: "initially 11,000 were sent", "the first contingent of
 * 11,000", "im vergangenen Herbst 11.000 Soldaten". It is the first wave, not today's total, and
 * the ledger keeps it as history (`historical: true`). The words are data, per language.
 */

interface HistoricalCues {
  /** Words that put a figure in the past when they stand in its sentence next to it. */
  past: readonly string[];
  /** Words that bring a sentence back to the present between such a word and the figure. */
  present: readonly string[];
  /** Words that, right before a cue, make it the start of a count that runs until now. */
  since: readonly string[];
}

export const HISTORICAL_CUES: Record<Lang, HistoricalCues> = {
  en: {
    past: [
      "initially",
      "originally",
      "at first",
      "first contingent",
      "first wave",
      "first batch",
      "first deployment",
      "last year",
      "last autumn",
      "last fall",
    ],
    present: ["now", "today", "currently", "since then", "meanwhile", "but", "however", "so far", "by now"],
    since: ["since"],
  },
  de: {
    past: [
      "ursprünglich",
      "zunächst",
      "anfangs",
      "im vergangenen herbst",
      "im vergangenen jahr",
      "im letzten jahr",
      "letztes jahr",
      "erste kontingent",
      "ersten kontingent",
      "erste welle",
      "ersten welle",
    ],
    present: [
      "jetzt",
      "inzwischen",
      "mittlerweile",
      "heute",
      "derzeit",
      "aktuell",
      "seitdem",
      "aber",
      "doch",
      "nun",
      "bislang",
      "bisher",
    ],
    since: ["seit", "seit dem"],
  },
};

/** How far after a figure a cue may follow it ("11,000 soldiers were initially sent"). */
const MAX_CUE_AFTER = 60;

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordsPattern = (words: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");

/** The cue words of a language compiled once per process. */
const COMPILED = Object.fromEntries(
  Object.entries(HISTORICAL_CUES).map(([lang, cues]) => [
    lang,
    {
      past: wordsPattern(cues.past),
      present: wordsPattern(cues.present),
      since: new RegExp(`(?:${cues.since.map(escapeRegExp).join("|")})\\s+$`, "iu"),
    },
  ]),
) as Record<Lang, { past: RegExp; present: RegExp; since: RegExp }>;

/**
 * Marks the figures of `text` (the article as given to `extractFigures`, which the spans point
 * into) whose sentence puts them in the past. A figure is historical when a past cue stands
 * before its number with no other number and no present word between, or follows it closely.
 */
export function markHistorical(figures: Figure[], text: string, lang: Lang): Figure[] {
  return figures.map((figure) =>
    isHistorical(figure, text, lang) ? { ...figure, historical: true } : figure,
  );
}

function isHistorical(figure: Figure, text: string, lang: Lang): boolean {
  const number = text.slice(figure.span[0], figure.span[1]);
  const at = number ? figure.quote.indexOf(number) : -1;
  // Precision first: a figure whose number cannot be found in its sentence stays current.
  if (at < 0) return false;
  const { past, present, since } = COMPILED[lang];
  const sentence = figure.quote;
  const end = at + number.length;
  for (const cue of sentence.matchAll(past)) {
    const cueEnd = cue.index + cue[0].length;
    if (since.test(sentence.slice(0, cue.index))) continue;
    const between =
      cueEnd <= at ? sentence.slice(cueEnd, at) : cue.index >= end ? sentence.slice(end, cue.index) : null;
    if (between === null) continue;
    if (cue.index >= end && between.length > MAX_CUE_AFTER) continue;
    present.lastIndex = 0;
    if (!/\d/.test(between) && !present.test(between)) return true;
  }
  return false;
}
