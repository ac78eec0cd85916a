import { isLowerCase, isUpperCase } from "./char-class";
import { isWordChar } from "./cue-matcher";

/** A sentence of a text: text.slice(start, end), and the paragraph it belongs to. */
export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

/** Words that end with a period without ending a sentence (lower case, without the period). */
const ABBREVIATIONS = new Set(
  [
    // German
    "z",
    "b",
    "u",
    "a",
    "bzw",
    "ca",
    "dr",
    "prof",
    "nr",
    "mio",
    "mrd",
    "st",
    "str",
    "vgl",
    "usw",
    "etc",
    "ggf",
    "evtl",
    "inkl",
    "sog",
    "zzgl",
    "d",
    "h",
    "v",
    "o",
    "ä",
    "gen",
    "abs",
    "art",
    "bd",
    "s",
    "tel",
    "jh",
    "chr",
    "mind",
    "max",
    "min",
    "rd",
    "verm",
    "insb",
    "jan",
    "feb",
    "febr",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dez",
    "mrz",
    // English
    "mr",
    "mrs",
    "ms",
    "lt",
    "col",
    "sgt",
    "maj",
    "capt",
    "cmdr",
    "adm",
    "rep",
    "sen",
    "gov",
    "no",
    "vs",
    "approx",
    "est",
    "e",
    "g",
    "i",
    "mar",
    "oct",
    "dec",
    "inc",
    "corp",
    "jr",
  ].map((w) => w.normalize("NFC")),
);

const MONTHS =
  /^(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez|jahrhundert|jahrestag|lebensjahr|mal|platz|rang|stock|kompanie|brigade|armee|division|bataillon|regiment)\b/i;

/** Words a wrapped line can end with in mid-sentence (not verb particles: "setzt ... ein"). */
const CONTINUATION_WORDS = new Set([
  "der",
  "die",
  "das",
  "den",
  "dem",
  "des",
  "eine",
  "einen",
  "einem",
  "einer",
  "und",
  "oder",
  "von",
  "zu",
  "mit",
  "bei",
  "in",
  "im",
  "an",
  "für",
  "über",
  "unter",
  "als",
  "wie",
  "dass",
  "rund",
  "etwa",
  "bis",
  "the",
  "a",
  "an",
  "of",
  "to",
  "on",
  "at",
  "by",
  "for",
  "from",
  "with",
  "and",
  "or",
  "that",
  "than",
  "as",
  "about",
  "some",
  "around",
  "nearly",
]);

const TERMINAL = /[.!?…]/;
const CLOSERS = "\"'“”»«’‘)]";

/**
 * Splits a text into sentences. Blank lines and lines that end a sentence start a new paragraph;
 * a line break inside a sentence (a wrapped line) does not end it. German abbreviations (z. B.,
 * Nr., Mio.), initials and ordinals ("5. November") do not end a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const wrapped = isHardWrapped(text);
  let paragraph = 0;
  let blockStart = -1;
  let blockEnd = 0;
  // A block is the lines of one paragraph; it is split into sentences once it ends.
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const first = skipSpace(text, lineStart, lineEnd);
    const next = lineEnd + 1;
    const ends =
      blockStart >= 0 &&
      (first === lineEnd ||
        !continuesLine(
          text.slice(Math.max(blockStart, blockEnd - 80), blockEnd),
          text.slice(first, Math.min(lineEnd, first + 4)),
          wrapped,
        ));
    if (ends) {
      splitBlock(text, blockStart, blockEnd, paragraph++, sentences);
      blockStart = -1;
    }
    if (first !== lineEnd) {
      if (blockStart < 0) blockStart = lineStart;
      blockEnd = lineEnd;
    }
    lineStart = next;
  }
  if (blockStart >= 0) splitBlock(text, blockStart, blockEnd, paragraph, sentences);
  return sentences;
}

/** Whether `next` continues the sentence the previous line left open (a wrapped line). */
function continuesLine(previous: string, next: string, wrapped: boolean): boolean {
  const prev = previous.trimEnd();
  const lastChar = prev.at(-1) ?? "";
  if (TERMINAL.test(lastChar) || CLOSERS.includes(lastChar) || lastChar === ":") return false;
  if (wrapped) return true;
  if (/[,;\-–(]$/.test(prev)) return true;
  const first = next[0] ?? "";
  if (/[\p{Ll}\d]/u.test(first)) return true;
  let w = prev.length;
  while (w > 0 && isWordChar(prev, w - 1)) w--;
  return CONTINUATION_WORDS.has(prev.slice(w).toLowerCase());
}

/**
 * Whether the text is wrapped at a fixed width (mail, plain-text feeds): then a line break without
 * a sentence end before it is a space, even before a capital ("des südkoreanischen\nGeheimdienstes").
 */
function isHardWrapped(text: string): boolean {
  let lines = 0;
  let open = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = trimEnd(text, start, newline < 0 ? text.length : newline);
    const first = skipSpace(text, start, end);
    start = newline < 0 ? text.length : newline + 1;
    if (first === end) continue;
    lines++;
    const last = text[end - 1]!;
    const length = end - first;
    if (length >= 50 && length <= 100 && !TERMINAL.test(last) && !CLOSERS.includes(last)) open++;
  }
  return lines >= 4 && open / lines >= 0.4;
}

function splitBlock(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  let sentenceStart = skipSpace(text, start, end);
  for (let at = nextTerminal(text, sentenceStart, end); at < end; at = nextTerminal(text, at, end)) {
    const terminal = at;
    while (at < end && TERMINAL.test(text[at]!)) at++;
    let j = at;
    while (j < end && CLOSERS.includes(text[j]!)) j++;
    const next = skipSpace(text, j, end);
    if (next === j && next < end) continue; // "11.000", "U.S.", "Nr.5": no space, no break
    if (next < end && !endsSentence(text, sentenceStart, terminal, next)) continue;
    if (j > sentenceStart) out.push({ start: sentenceStart, end: j, paragraph });
    sentenceStart = next;
    at = next;
  }
  const last = trimEnd(text, sentenceStart, end);
  if (last > sentenceStart) out.push({ start: sentenceStart, end: last, paragraph });
}

const NEXT_TERMINAL = /[.!?…]/g;
/** The last search: the regex cannot stop at `end`, so a text of many blocks without a sentence end
 * (a list of headlines) would be scanned to its next terminal once per block. */
let lastSearch = { text: "", from: 0, found: -1 };

/** The offset of the next . ! ? or … in text[from, end), else end (a regex scans faster than a loop). */
function nextTerminal(text: string, from: number, end: number): number {
  const known =
    lastSearch.text === text && from >= lastSearch.from && (lastSearch.found < 0 || from <= lastSearch.found);
  if (!known) {
    NEXT_TERMINAL.lastIndex = from;
    lastSearch = { text, from, found: NEXT_TERMINAL.exec(text)?.index ?? -1 };
  }
  const found = lastSearch.found;
  return found >= 0 && found < end ? found : end;
}

/** Whether the punctuation at `at` ends the sentence, given the next word starts at `next`. */
function endsSentence(text: string, sentenceStart: number, at: number, next: number): boolean {
  if (text[at] !== ".") return true;
  if (isLowerCase(text.charCodeAt(next))) return false;
  let w = at;
  while (w > sentenceStart && isWordChar(text, w - 1)) w--;
  const word = text.slice(w, at);
  if (!word) return true;
  if (/^\d{1,2}$/.test(word) && MONTHS.test(text.slice(next, next + 14))) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  // Initials: "Kim J. Un", "U. S.".
  return !(word.length === 1 && isUpperCase(word.charCodeAt(0)));
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
