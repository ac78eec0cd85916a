import { isLetterAt } from "./context";
import { detectLanguage } from "./detect-language";
import { isDigitCode } from "./digits";
import { type Expression, ExpressionReader, SOFT_HYPHEN, VULGAR_FRACTION_CHARS } from "./expression";
import { kindOf, type NumberKind } from "./kinds";
import type { Lang } from "./lexicon";

export interface NumberMatch {
  text: string;
  value: number;
  start: number;
  end: number;
  kind: NumberKind;
}

export interface FindNumbersOptions {
  /** The text's language; detected with `detectLanguage` when not given. */
  lang?: Lang;
  /**
   * Also report every German "ein/eine/einer…" (1) and "keiner/keinen" (0) on its own.
   * Off by default: in news these are nearly always the article and would flood the results.
   * They are reported anyway after "mindestens", "genau" and the like, and inside numbers
   * ("ein Dutzend", "eine halbe Million").
   */
  articles?: boolean;
}

/** Web addresses are skipped whole: their digits are ids, not numbers. */
const URL = '(?:https?://|www\\.)[^\\s<>"]*';
const DIGIT_START = `[0-9${VULGAR_FRACTION_CHARS}]|[.,](?=[0-9])|[-−](?= ?[.,]?[0-9])`;
const WORD_STARTS: Record<Lang, string[]> = {
  de: [
    "ein",
    "kein",
    "zw",
    "drei",
    "dritt",
    "vier",
    "fünf",
    "fuenf",
    "sech",
    "sieb",
    "acht",
    "neun",
    "zehn",
    "elf",
  ].concat(["hundert", "tausend", "null", "anderthalb", "minus", "negativ", "erst"]),
  en: [
    "zero",
    "nought",
    "naught",
    "nil",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
  ]
    .concat([
      "ten",
      "eleven",
      "twelve",
      "thirt",
      "fift",
      "twent",
      "fort",
      "nint",
      "hundred",
      "thousand",
      "half",
    ])
    .concat([
      "quarter",
      "minus",
      "negative",
      // "a"/"an" only before the words that make them a number: "a dozen", "a third of".
      "an?\\s+(?=hundred|thousand|(?:m|b|tr)illion|dozen|half|quarter|pair|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twent|thirt|fort|fift|sixt|sevent|eight|ninet|lakh|crore)",
      "first",
      "second",
      "third",
      "sixt",
      "sevent",
      "tenth",
    ]),
};

/**
 * Where a number can start: a digit, a sign or separator before one, or a word beginning like a
 * number word. Deliberately without the u and i flags, which make V8's scan several times slower:
 * `\b` is checked again in code for non-ASCII letters, and the first letter may be either case
 * (all-caps "DREI" is not read).
 */
function startSource(lang: Lang): string {
  // One word-start check for the address and all words, and the words grouped by first letter
  // ("[Tt](?:wo|hree|…)"): a third faster than a flat list after "\\b" and the address on its own.
  // Order within a group is kept, so the same word wins as in a flat list.
  const byFirst = new Map<string, string[]>();
  for (const w of WORD_STARTS[lang]) byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
  const words = [...byFirst].map(
    ([first, rests]) => `[${first.toUpperCase()}${first}](?:${rests.join("|")})`,
  );
  return `${DIGIT_START}|\\b(?:${URL}|${words.join("|")})`;
}

const COUNT_QUALIFIER_BEFORE =
  /(?:^|[^\p{L}])(?:mindestens|höchstens|genau|lediglich|exakt|mehr als|weniger als)\s+$/iu;

/** Numeric dates and clock times, reported as their parts: "25.10.2024" → 25, 10, 2024. */
const COMPOUND_FORMS: { re: RegExp; kind: NumberKind; langs: Lang[]; valid: (parts: number[]) => boolean }[] =
  [
    {
      re: /(\d{1,2}):(\d{2})(?![\d:])/y,
      kind: "time",
      langs: ["de", "en"],
      valid: ([h, m]) => h! <= 24 && m! <= 59,
    },
    {
      re: /(\d{1,2})\.(\d{2})(?= ?Uhr\b)/y,
      kind: "time",
      langs: ["de"],
      valid: ([h, m]) => h! <= 24 && m! <= 59,
    },
    {
      re: /(\d{1,2})\.(\d{1,2})\.((?:1[89]|20)\d\d|\d\d)?(?!\d)/y,
      kind: "date",
      langs: ["de"],
      valid: ([d, m]) => d! >= 1 && d! <= 31 && m! >= 1 && m! <= 12,
    },
    {
      re: /(\d{4})-(\d{2})-(\d{2})(?!\d)/y,
      kind: "date",
      langs: ["de", "en"],
      valid: ([, m, d]) => m! >= 1 && m! <= 12 && d! >= 1 && d! <= 31,
    },
    {
      re: /((?:19|20)\d\d)-(\d{2})(?![\d-])/y,
      kind: "date",
      langs: ["de", "en"],
      valid: ([, m]) => m! >= 1 && m! <= 12,
    },
    {
      re: /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/y,
      kind: "date",
      langs: ["de", "en"],
      valid: ([a, b]) => a! >= 1 && a! <= 31 && b! >= 1 && b! <= 31,
    },
  ];

/** One scanner per language; findNumbers does not call itself, so one shared lastIndex is safe. */
const STARTS: Record<Lang, RegExp> = {
  de: new RegExp(startSource("de"), "g"),
  en: new RegExp(startSource("en"), "g"),
};

/**
 * Every number in `text`, sorted by start: digits in German or English notation, number words,
 * scale words, with the kind that tells a head count from a year, date, price or calibre.
 */
export function findNumbers(text: string, options: FindNumbersOptions = {}): NumberMatch[] {
  const lang = options.lang ?? detectLanguage(text);
  const reader = new ExpressionReader(text, lang);
  const found: NumberMatch[] = [];
  const re = STARTS[lang];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  // biome-ignore lint/suspicious/noAssignInExpressions: the standard exec loop
  while ((m = re.exec(text))) {
    const at = m.index;
    if (m[0].startsWith("http") || m[0].startsWith("www.")) continue; // a web address
    const code = text.charCodeAt(at);
    // Inside a word: "Großeinsatz", "Hilfs\u00ADeinsatz".
    if (isLetterAt(text, at) && (isLetterAt(text, at - 1) || text[at - 1] === SOFT_HYPHEN)) continue;
    if (isDigitCode(code) || text[at] === "-" || text[at] === "−" || code === 44 || code === 46) {
      if (!canStartDigits(text, at)) {
        re.lastIndex = skipToken(text, at);
        continue;
      }
      const parts = readCompoundForm(text, at, lang);
      if (parts) {
        found.push(...parts.matches);
        re.lastIndex = parts.end;
        continue;
      }
    }
    const continuesList = isDigitCode(code) && isListContinuation(text, at);
    const e = reader.read(at, continuesList);
    if (!e) {
      re.lastIndex = skipToken(text, at);
      continue;
    }
    re.lastIndex = e.end;
    if (e.article && !options.articles && !COUNT_QUALIFIER_BEFORE.test(text.slice(Math.max(0, at - 14), at)))
      continue;
    found.push(toMatch(text, e, kindOf(text, e, lang)));
  }
  return found;
}

function toMatch(text: string, e: Expression, kind: NumberKind): NumberMatch {
  return { text: text.slice(e.start, e.end), value: e.value, start: e.start, end: e.end, kind };
}

/**
 * Digits glued to a letter ("t0", "KN-23", "F-16", "T-72") are codes and names, not counts.
 * A "-" is a minus only at the start of a token ("-5", "(-3"), and "- 5" only at the text's start.
 */
function canStartDigits(text: string, at: number): boolean {
  const before = text[at - 1];
  if (before !== undefined && (isLetterAt(text, at - 1) || isDigitCode(before.charCodeAt(0)))) return false;
  if (before === "-" && isLetterAt(text, at - 2)) return false;
  const ch = text[at];
  if (ch === "-" || ch === "−") {
    if (before !== undefined && !/[\s(]/.test(before)) return false;
    if (text[at + 1] === " " && !onlyBlanksBefore(text, at)) return false;
  }
  if ((ch === "." || ch === ",") && before !== undefined && !/[\s(]/.test(before)) return false;
  return true;
}

function onlyBlanksBefore(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i === 0;
}

/** After "192." in "192.168.1.2" or "22," in "22,24,26": each further run is its own integer. */
function isListContinuation(text: string, at: number): boolean {
  const sep = text[at - 1];
  return (sep === "." || sep === ",") && isDigitCode(text.charCodeAt(at - 2));
}

/** Past the word or digit run at `at` (past just the one symbol when it is "-", "." or ","). */
function skipToken(text: string, at: number): number {
  if (!isLetterAt(text, at) && !isDigitCode(text.charCodeAt(at))) return at + 1;
  let i = at + 1;
  while (i < text.length && (isLetterAt(text, i) || isDigitCode(text.charCodeAt(i)))) i++;
  return i;
}

function readCompoundForm(
  text: string,
  at: number,
  lang: Lang,
): { matches: NumberMatch[]; end: number } | undefined {
  // Every form has ":", ".", "-" or "/" within three characters of its start.
  let i = at;
  while (i < at + 4 && isDigitCode(text.charCodeAt(i))) i++;
  if (!":.-/".includes(text[i] ?? " ")) return undefined;
  for (const form of COMPOUND_FORMS) {
    if (!form.langs.includes(lang)) continue;
    form.re.lastIndex = at;
    const m = form.re.exec(text);
    if (!m) continue;
    const parts: NumberMatch[] = [];
    let from = at;
    for (const group of m.slice(1)) {
      if (group === undefined) continue;
      const start = text.indexOf(group, from);
      from = start + group.length;
      parts.push({ text: group, value: Number(group), start, end: from, kind: form.kind });
    }
    if (isLetterAt(text, form.re.lastIndex)) continue;
    if (!form.valid(parts.map((p) => p.value))) continue;
    return { matches: parts, end: form.re.lastIndex };
  }
  return undefined;
}
