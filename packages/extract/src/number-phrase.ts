import { FORCE_STRENGTH_WORDS, type Lang, type QualifierId, TOPIC_PREPOSITIONS } from "@zw/core";
import { charClass, isLetterOrDigit, isLowerCase, isUpperCase } from "./char-class";
import type { CueHit, TextCues } from "./cue-matcher";
import {
  anaphora,
  COMPOUND_MIN_LENGTH,
  clauseCues,
  germanOnlyHeads,
  type HeadKind,
  headPhrases,
  headWords,
  northKorea,
  otherArmy,
  phraseCues,
  qualifierCues,
  topicNouns,
  transparentNouns,
} from "./lexicons";

/** What a number counts, read from the words around it. */
export type Head =
  | HeadKind
  /** "4.000 von ihnen", "of them": the subject of an earlier sentence. */
  | { kind: "pronoun" }
  /** Nothing after the number ("stieg auf 11.000.", "und rund 3.600 verletzt"). */
  | { kind: "none" }
  /** Something else: "Container", "Menschen", "US-Dollar", "170-mm". */
  | { kind: "other" };

export interface NumberPhrase {
  /** From the qualifier (or the number) to the counted noun (or the number). */
  start: number;
  end: number;
  head: Head;
  /** North Korea named inside the phrase ("nordkoreanische Soldaten", "Soldaten aus Nordkorea"). */
  northKorean: boolean;
  /** Another army named inside the phrase ("ukrainische Soldaten", "Russian troops"). */
  otherArmy: boolean;
  /** "3.000 weitere Soldaten", "another 3,000 troops". */
  additional: boolean;
  /** "a 10,000-strong contingent": the size of a force, not what happened to it. */
  strength: boolean;
  qualifier: QualifierId;
}

const isHyphen = charClass(/[-‐‑]/);
const isLetter = charClass(/\p{L}/u);
const isWordPart = charClass(/[\p{L}\p{N}'’\-‐‑]/u);
const isSpace = charClass(/\s/);
const isQuote = charClass(/["“”„«»]/);

const WORD_OF_LETTERS = /^\p{L}+/u;
const OWNED_TROOPS =
  /^\s+(?:of|von)\s+((?:its|their|ihren|seinen|[\p{L}-]+['’]s))\s+(?:own\s+|eigenen\s+)?([\p{L}-]+)/u;
/** A preposition, up to five words, an inflected participle ("geschickten"), then the noun. */
const EXTENDED_ATTRIBUTE =
  /^(?:nach|in|an|aus|im|ins|zur|zum)\s+(?:[\p{L}-]+\s+){0,5}?(\p{Ll}+(?:ten|enen|ierten))\s+(\p{Lu}[\p{L}-]*)/u;
const AND_NOUN = /^\s+(?:und|and)\s+(?:military\s+|militärische\s+)?([\p{L}-]+)/u;
const QUALIFIER_AFTER = /^(?:[-‐‑](plus)|\s+(?:or more|oder mehr))\b/i;

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’\-‐‑]*[\p{L}\p{N}\-‐‑])?|\S/uy;
const MAX_WORDS = 6;
const CALIBRE = /^\d+(?:[.,]\d+)?[-‐‑]?(?:mm|millimeter|millimetre|cm|zoll|inch)$/i;
/** A model designation before what is counted: "120 M1989 Koksan howitzers", "20 BM-27 launchers". */
const DESIGNATION = /^\p{Lu}{1,3}[-‐‑]?\d{1,4}\p{L}?$/u;

/** Words that end a counted phrase without naming what is counted. */
const STOP_WORDS = new Set([
  "von",
  "vom",
  "nach",
  "in",
  "im",
  "am",
  "an",
  "auf",
  "aus",
  "bei",
  "mit",
  "zu",
  "zur",
  "zum",
  "für",
  "gegen",
  "seit",
  "und",
  "oder",
  "sowie",
  "der",
  "die",
  "das",
  "den",
  "dem",
  "des",
  "sind",
  "seien",
  "sei",
  "waren",
  "wurden",
  "werden",
  "wird",
  "haben",
  "hat",
  "hatten",
  "habe",
  "sollen",
  "soll",
  "bis",
  "pro",
  "je",
  "of",
  "to",
  "at",
  "on",
  "from",
  "and",
  "or",
  "by",
  "with",
  "who",
  "which",
  "that",
  "the",
  "a",
  "were",
  "was",
  "have",
  "has",
  "had",
  "are",
  "is",
  "been",
  "being",
  "into",
  "across",
  "near",
  "for",
  "since",
  "per",
  "as",
  "than",
  "while",
  "but",
  "so",
  "far",
  "this",
  "last",
  "in",
  // "another 1,500 expected soon", "another 1,000 due next month", "3,000 more could follow".
  "expected",
  "due",
  "more",
  "could",
  "would",
  "will",
  "may",
  "might",
  // "at least 9,000 right now near Kursk", "about 7,000 out of 9,000 in all".
  "right",
  "now",
  "currently",
  "already",
  "still",
  "out",
]);

/** English words that may stand between a number and what it counts. */
const ENGLISH_MODIFIERS = new Set([
  "elite",
  "special",
  // "1,500 special operation forces", "special operations troops".
  "operation",
  "operations",
  "combat",
  "regular",
  "active",
  "artillery",
  "ballistic",
  "multiple",
  "rocket",
  "short-range",
  "long-range",
  "heavy",
  "korean-made",
  "military",
  "army",
  "infantry",
  "trained",
  "strong",
  "combat-ready",
  "ground",
  "frontline",
  "front-line",
  "self-propelled",
  "upgraded",
  "modernized",
  "modernised",
  "individual",
  "towed",
  "dprk",
  "korean",
  "north",
]);

/**
 * Reads the phrase of the number at [numberStart, numberEnd) inside [limitStart, limitEnd):
 * the qualifier before it, and the noun after it that says what is counted.
 */
export function readNumberPhrase(
  text: string,
  cues: TextCues,
  numberStart: number,
  numberEnd: number,
  limitStart: number,
  limitEnd: number,
  lang: Lang,
): NumberPhrase {
  const phrase: NumberPhrase = {
    start: numberStart,
    end: numberEnd,
    head: { kind: "none" },
    northKorean: false,
    otherArmy: false,
    additional: false,
    strength: false,
    qualifier: "exact",
  };
  readBefore(text, cues, numberStart, limitStart, phrase);
  let at = numberEnd;
  // "10,000-plus soldiers", "11,000 or more troops": a qualifier after the number.
  const after = phrase.qualifier === "exact" ? QUALIFIER_AFTER.exec(text.slice(at, at + 10)) : null;
  if (after) {
    phrase.qualifier = after[1] ? "more_than" : "at_least";
    at += after[0].length;
    phrase.end = at;
  }
  // "170-mm", "240-Millimeter-": a number glued to a word describes that word, unless the word
  // makes it a force's strength ("10,000-strong", "12.000-Mann-Truppe").
  if (isHyphen(text.charCodeAt(at)) && isLetter(text.charCodeAt(at + 1))) {
    const glued = WORD_OF_LETTERS.exec(text.slice(at + 1, at + 20))?.[0].toLowerCase() ?? "";
    if (!FORCE_STRENGTH_WORDS.some((w) => glued.startsWith(w))) {
      phrase.head = { kind: "other" };
      return phrase;
    }
    phrase.strength = true;
    at = endOfWord(text, at + 1);
    phrase.end = at;
  }
  // "11,000 of its soldiers", "4,000 of Pyongyang's soldiers": the owner's soldiers, a count of them.
  const owned = OWNED_TROOPS.exec(text.slice(at, Math.min(limitEnd, at + 48)));
  if (owned) {
    const ownerAt = at + owned[0].indexOf(owned[1]!);
    const noun = headOf(owned[2]!.toLowerCase(), lang);
    if (noun?.kind === "troops") {
      phrase.head = noun;
      phrase.end = at + owned[0].length;
      // A pronoun's owner is the sentence's subject: the gate decides whose it is.
      phrase.northKorean = !!cues.at(northKorea, ownerAt);
      return phrase;
    }
  }
  let afterHyphen = false; // "Artillerie- und Raketengeschosse": the first part is cut off
  let previousAdjective = false;
  for (let words = 0; words < MAX_WORDS; words++) {
    at = skipSpace(text, at, limitEnd);
    if (at >= limitEnd) break;
    WORD.lastIndex = at;
    const word = WORD.exec(text)?.[0];
    if (!word) break;
    const wordEnd = at + word.length;
    // „mindestens drei Millionen“ Granaten: a quotation closes before what is counted.
    if (isQuote(word.charCodeAt(0))) {
      at = wordEnd;
      continue;
    }
    if (!isLetterOrDigit(word.charCodeAt(0))) break;
    if (cues.at(anaphora, at)) {
      phrase.head = { kind: "pronoun" };
      phrase.end = cues.at(anaphora, at)!.end;
      return phrase;
    }
    // "220 units of howitzers", "170mm" guns: words that say nothing of what is counted.
    const transparent = cues.at(transparentNouns, at);
    if (transparent || CALIBRE.test(word) || (lang === "en" && DESIGNATION.test(word))) {
      at = transparent ? transparent.end : wordEnd;
      continue;
    }
    const phraseHead = cues.at(headPhrases, at);
    if (phraseHead)
      return finishHead(
        text,
        cues,
        phrase,
        phraseHead.value,
        endOfWord(text, phraseHead.end),
        limitEnd,
        lang,
      );
    const lower = word.toLowerCase();
    const nk = cues.at(northKorea, at);
    if (nk) phrase.northKorean = true;
    const other = !nk && cues.at(otherArmy, at);
    if (other) phrase.otherArmy = true;
    // German nouns are capitalised: "300 verletzte russische Soldaten" is not "300 Verletzte".
    const head = headOf(lower, lang, isLowerCase(word.charCodeAt(0)));
    if (head) return finishHead(text, cues, phrase, head, wordEnd, limitEnd, lang);
    if (nk || other) {
      at = nk ? endOfWord(text, nk.end) : wordEnd;
      continue;
    }
    if (cues.at(phraseCues, at)) {
      phrase.additional = true;
      at = wordEnd;
      continue;
    }
    // "toten und verletzten Nordkoreanern": German adjectives joined by und/oder.
    const joinsAdjectives = lang === "de" && previousAdjective && /^(?:und|oder)$/.test(lower);
    if ((afterHyphen || joinsAdjectives) && /^(?:und|oder|and|or)$/.test(lower)) {
      afterHyphen = false;
      at = wordEnd;
      continue;
    }
    // German participles before the noun are inflected ("verletzte Soldaten"); a bare one ends the
    // phrase ("3.600 verletzt"). English verbs after a number end it ("1,000 killed").
    if (STOP_WORDS.has(lower)) {
      // "die 9.000 nach Fernost entsandten Nordkoreaner": a German attribute
      // between the number and its noun, ending in an inflected participle.
      const attributed = lang === "de" ? extendedAttributeHead(text, at, limitEnd) : null;
      if (attributed) return finishHead(text, cues, phrase, attributed.head, attributed.end, limitEnd, lang);
      break;
    }
    if (cues.at(clauseCues, at) && (lang === "en" || !/e[nrms]?$/.test(lower))) {
      // "two captured North Korean soldiers": a participle before the noun, not a verb after it.
      if (!leadsToHead(text, cues, wordEnd, limitEnd, lang)) break;
      at = wordEnd;
      continue;
    }
    const capitalised = isUpperCase(word.charCodeAt(0));
    const modifier =
      lang === "de"
        ? !capitalised || word.endsWith("-")
        : ENGLISH_MODIFIERS.has(lower) || (capitalised && namesMaterial(text, cues, wordEnd, limitEnd));
    if (!modifier) {
      // "a 10,000-strong contingent": whatever noun follows, the strength counts soldiers.
      phrase.head = phrase.strength && !phrase.otherArmy ? { kind: "troops" } : { kind: "other" };
      return phrase;
    }
    afterHyphen = word.endsWith("-");
    previousAdjective = lang === "de" && !capitalised && /e[nrms]?$/.test(lower);
    at = wordEnd;
  }
  if (phrase.strength && phrase.head.kind === "none") phrase.head = { kind: "troops" };
  return phrase;
}

/** The troop noun after a German extended attribute ("in den Osten Russlands geschickten"), if any. */
function extendedAttributeHead(
  text: string,
  at: number,
  limitEnd: number,
): { head: HeadKind; end: number } | null {
  const stretch = text.slice(at, Math.min(limitEnd, at + 90));
  const m = EXTENDED_ATTRIBUTE.exec(stretch);
  if (!m) return null;
  const head = headOf(m[2]!.toLowerCase(), "de");
  return head?.kind === "troops" ? { head, end: at + m[0].length } : null;
}

/**
 * Whether a material noun follows within two words, past English modifiers: a model name before it
 * is a modifier ("120 Koksan self-propelled guns"), a proper name before soldiers is not ("Wagner").
 */
function namesMaterial(text: string, cues: TextCues, at: number, limitEnd: number): boolean {
  for (let words = 0; words < 2; words++) {
    at = skipSpace(text, at, limitEnd);
    WORD.lastIndex = at;
    const word = WORD.exec(text)?.[0];
    if (!word || at >= limitEnd) return false;
    const lower = word.toLowerCase();
    const head = cues.at(headPhrases, at)?.value ?? headOf(lower, "en");
    if (head?.kind === "metric") return true;
    if (!ENGLISH_MODIFIERS.has(lower)) return false;
    at += word.length;
  }
  return false;
}

/** Whether the word after `at` is North Korea's name or a counted noun. */
function leadsToHead(text: string, cues: TextCues, at: number, limitEnd: number, lang: Lang): boolean {
  at = skipSpace(text, at, limitEnd);
  WORD.lastIndex = at;
  const word = WORD.exec(text)?.[0];
  return !!word && (!!cues.at(northKorea, at) || headOf(word.toLowerCase(), lang) !== null);
}

/** Qualifier and "weitere"/"another" right before the number. */
function readBefore(
  text: string,
  cues: TextCues,
  numberStart: number,
  limitStart: number,
  phrase: NumberPhrase,
): void {
  const from = Math.max(limitStart, numberStart - 40);
  let end = numberStart;
  const additional = lastAdjacent(cues.scan(phraseCues, from, end), text, end);
  if (additional) {
    phrase.additional = true;
    phrase.start = additional.start;
    end = additional.start;
    // "an additional 3,000", "a further 1,500"
    const article = /\b(?:an|a)\s+$/i.exec(text.slice(Math.max(from, end - 4), end));
    if (article) end -= article[0].length;
  }
  const hits = cues.scan(qualifierCues, from, end);
  const inner = lastAdjacent(hits, text, end);
  // "up to approximately 3 million": a hedge inside a bound keeps the bound.
  const outer = inner?.value === "approx" ? lastAdjacent(hits.slice(0, -1), text, inner.start) : null;
  const qualifier = outer ?? inner;
  // "Informationen über 3.000 Soldaten": "über" is "about" after a noun of telling, no "more than".
  const aboutATopic =
    qualifier &&
    TOPIC_PREPOSITIONS.includes(text.slice(qualifier.start, qualifier.end).toLowerCase()) &&
    cues.has(topicNouns, Math.max(limitStart, qualifier.start - 24), qualifier.start);
  if (qualifier && !aboutATopic) {
    phrase.qualifier = qualifier.value;
    phrase.start = qualifier.start;
  }
}

function lastAdjacent<T>(hits: CueHit<T>[], text: string, end: number): CueHit<T> | null {
  const last = hits.at(-1);
  return last && /^\s*$/.test(text.slice(last.end, end)) ? last : null;
}

/** The counted noun was found: look right after it for the owner ("Soldaten aus Nordkorea"). */
function finishHead(
  text: string,
  cues: TextCues,
  phrase: NumberPhrase,
  head: HeadKind,
  end: number,
  limitEnd: number,
  lang: Lang,
) {
  phrase.head = head;
  phrase.end = end;
  // "6.000 spezialisierte Soldaten und Bauarbeiter": specialists among them make the contingent theirs.
  const partner = AND_NOUN.exec(text.slice(end, Math.min(limitEnd, end + 40)));
  const partnerHead = partner && head.kind === "troops" ? headOf(partner[1]!.toLowerCase(), lang) : null;
  if (partnerHead?.kind === "troops" && partnerHead.specialist) phrase.head = partnerHead;
  const owner = /^\s+(?:aus|from|of|der|des|vom|von)\s+(?:(?:the|dem|den|der)\s+)?/iu.exec(
    text.slice(end, Math.min(limitEnd, end + 40)),
  );
  if (owner) {
    const at = end + owner[0].length;
    if (cues.at(northKorea, at)) phrase.northKorean = true;
    else if (cues.at(otherArmy, at)) phrase.otherArmy = true;
  }
  return phrase;
}

const SUFFIXES = ["", "e", "en", "n", "s", "es", "er", "ern", "nen"];

/**
 * The head noun a word is, if any; German compounds count by their last part ("Panzerhaubitzen"),
 * unless a hyphenated first part names the material itself ("Koksan-Geschütze" are howitzers).
 */
export function headOf(word: string, lang: Lang, lowerCase = false): HeadKind | null {
  const hyphen = lang === "de" ? word.search(/[-‐‑]/) : -1;
  if (hyphen > 0) {
    const first = headWords.get(word.slice(0, hyphen));
    if (first?.kind === "metric") return first;
  }
  return lastPartHead(word, lang, lowerCase);
}

function lastPartHead(word: string, lang: Lang, lowerCase: boolean): HeadKind | null {
  for (let i = 0; i < word.length; i++) {
    const rest = i === 0 ? word : word.slice(i);
    if (i > 0 && (lang !== "de" || rest.length < COMPOUND_MIN_LENGTH)) break;
    for (const suffix of SUFFIXES) {
      if (suffix && !rest.endsWith(suffix)) continue;
      const stem = suffix ? rest.slice(0, -suffix.length) : rest;
      const head = headWords.get(stem);
      if (!head || (lowerCase && germanOnlyHeads.has(stem))) continue;
      if (i === 0 || stem.length >= COMPOUND_MIN_LENGTH) return head;
    }
  }
  return null;
}

function endOfWord(text: string, at: number): number {
  while (at < text.length && isWordPart(text.charCodeAt(at))) at++;
  return at;
}

function skipSpace(text: string, at: number, end: number): number {
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  return at;
}
