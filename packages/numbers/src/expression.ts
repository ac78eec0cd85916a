/**
 * Reads one number expression at a position: digits or number words, with what attaches to them
 * (scale words and abbreviations, "hundred", "Dutzend", fractions, "Komma"/"point" decimals,
 * "minus", "and"/"und" joins): "2,5 Mio.", "acht Millionen", "two and a half million",
 * "zwei Millionen eintausendeinhundertfünfzig", "4 thousand 3 hundred and 21".
 * Every step looks only at the next token, so the work is linear in the expression's length.
 */
import { isLetterAt, skipBlanksForward } from "./context";
import { type DigitNumber, isDigitCode, readDigits } from "./digits";
import { foldGerman, parseGermanNumberWord, parseGermanOrdinalWord } from "./german-words";
import { type Lang, SCALE_ABBREVIATIONS, type Word, wordsOf } from "./lexicon";

/** A letter or hyphen-and-letter right after digits: a unit or a designation ("152-mm", "6-inch"). */
const GLUED_UNIT_AFTER = /^[-‐‑]?\p{L}/u;
/** A digit or hyphen right after a scale abbreviation: "M1989", "M-1978". */
const DESIGNATION_AFTER = /^[-‐‑\d]/;

export interface Expression {
  start: number;
  end: number;
  value: number;
  /** Written as one plain run of digits and nothing else (a candidate year). */
  plainDigits: boolean;
  /** Contains a digit, not words only. */
  hasDigits: boolean;
  ordinal: boolean;
  /** Only a German "ein/eine/einer…" or "kein…", the numeral that is also the article. */
  article: boolean;
}

interface Token {
  start: number;
  end: number;
  /** The word as written, or the symbol; "" for digits. */
  raw: string;
  word?: Word;
  digits?: DigitNumber;
}

const VULGAR_FRACTIONS = new Map([
  ["½", 1 / 2],
  ["⅓", 1 / 3],
  ["⅔", 2 / 3],
  ["¼", 1 / 4],
  ["¾", 3 / 4],
  ["⅕", 1 / 5],
  ["⅖", 2 / 5],
  ["⅗", 3 / 5],
  ["⅘", 4 / 5],
  ["⅙", 1 / 6],
  ["⅚", 5 / 6],
  ["⅛", 1 / 8],
  ["⅜", 3 / 8],
  ["⅝", 5 / 8],
  ["⅞", 7 / 8],
]);
export const VULGAR_FRACTION_CHARS = [...VULGAR_FRACTIONS.keys()].join("");

const WORD_CACHE: Record<Lang, Map<string, Word | null>> = { de: new Map(), en: new Map() };
const WORD_CACHE_LIMIT = 20_000;

/** "3rd", "21st"; German "4ter", "2te", "3ten". */
const ORDINAL_SUFFIXES = new Set([
  "st",
  "nd",
  "rd",
  "th",
  "te",
  "ter",
  "ten",
  "tes",
  "tem",
  "ste",
  "ster",
  "sten",
  "stes",
  "stem",
]);
const EXPONENT = /[eE]([+-]?\d+)(?![\p{L}\d])/uy;
const POWER = /\^([+-]*)(\d+)/y;
const TIMES_TEN = /[x×]10\^([+-]?\d+)/y;
const CURRENCY_SIGNS = "$€£¥";
export const SOFT_HYPHEN = "\u00AD";
const COUNTED_IN_MILLIONS = new Set(
  ["shells", "rounds", "rockets", "munitions", "people", "troops", "soldiers", "refugees"].concat([
    "residents",
    "civilians",
    "dollars",
    "euros",
    "pounds",
    "barrels",
    "doses",
    "users",
    "viewers",
  ]),
);

export class ExpressionReader {
  private readonly words: Map<string, Word>;

  constructor(
    private readonly text: string,
    private readonly lang: Lang,
  ) {
    this.words = wordsOf(lang);
  }

  /** Classifies the word `raw` (as written); undefined when it plays no part in numbers. */
  wordOf(raw: string): Word | undefined {
    // News repeats its words: remember each verdict, and forget all when the memory grows large.
    const cache = WORD_CACHE[this.lang];
    const cached = cache.get(raw);
    if (cached !== undefined) return cached ?? undefined;
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    const word = this.classify(raw);
    cache.set(raw, word ?? null);
    return word;
  }

  private classify(raw: string): Word | undefined {
    const lower = raw.toLowerCase();
    const known = this.words.get(lower);
    if (known) return known;
    if (this.lang === "en") return undefined;
    const folded = foldGerman(lower);
    const cardinal = parseGermanNumberWord(folded);
    if (cardinal) {
      if (cardinal.bare)
        return cardinal.value === 100
          ? { type: "hundred", plural: false }
          : { type: "scale", value: 1000, plural: false };
      const v = cardinal.value;
      const size = v < 10 ? "unit" : v < 20 ? "teen" : v < 100 && v % 10 === 0 ? "tens" : "compound";
      return { type: "number", value: v, size };
    }
    const ordinal = parseGermanOrdinalWord(folded);
    return ordinal === undefined ? undefined : { type: "ordinal", value: ordinal };
  }

  /** The token starting at `at` after blanks (not line breaks), or undefined at the end. */
  token(at: number, integerOnly = false): Token | undefined {
    const text = this.text;
    const start = skipBlanksForward(text, at);
    if (start >= text.length) return undefined;
    const code = text.charCodeAt(start);
    if (isDigitCode(code) || ((code === 44 || code === 46) && isDigitCode(text.charCodeAt(start + 1)))) {
      const digits = integerOnly ? readPlainInteger(text, start) : readDigits(text, start, this.lang);
      if (!digits) return undefined;
      return { start, end: digits.end, raw: "", digits };
    }
    if (isLetterAt(text, start)) {
      let end = start + 1;
      let softHyphen = false;
      for (;;) {
        if (isLetterAt(text, end)) end++;
        else if (text[end] === SOFT_HYPHEN && isLetterAt(text, end + 1)) {
          softHyphen = true;
          end++;
        } else break;
      }
      // Web text hides soft hyphens in long words ("zwei\u00ADhundert"); they are not part of it.
      const raw = softHyphen ? text.slice(start, end).replaceAll(SOFT_HYPHEN, "") : text.slice(start, end);
      return { start, end, raw, word: this.wordOf(raw) };
    }
    return { start, end: start + 1, raw: text[start]! };
  }

  /**
   * The expression starting at `at` (a digit, a "-" before one, or a word start), or undefined.
   * `integerOnly` reads just a run of digits (the continuation of "192.168.1.2"); `nested` reads
   * the second number of a ratio or restatement, which does not look for another of its own
   * (so that "1 in 2 in 3 …" cannot recurse without end).
   */
  read(at: number, integerOnly = false, nested = false): Expression | undefined {
    const text = this.text;
    let sign = 1;
    let pos = at;
    const first = text[at];
    if (first === "-" || first === "−") {
      sign = -1;
      pos = at + 1;
    }
    let head = this.token(pos, integerOnly);
    if (head?.word?.type === "minus") {
      const next = this.token(head.end);
      if (!next || !(next.digits || next.word?.type === "number" || next.word?.type === "hundred"))
        return undefined;
      sign = -1;
      head = next;
    }
    if (!head) return undefined;
    const state = new Accumulator();
    let end: number;
    if (head.digits) {
      const atom = this.digitAtom(head.digits);
      if (!atom) return undefined;
      if (atom.ordinal) return { ...atom.expression, start: at };
      state.addDigits(atom.value);
      end = atom.end;
      if (atom.scaled) state.applyScale(atom.scale);
    } else if (VULGAR_FRACTIONS.has(head.raw)) {
      state.addFraction(VULGAR_FRACTIONS.get(head.raw)!);
      end = head.end;
    } else {
      const opened = this.openWord(state, head);
      if (!opened) return undefined;
      if (opened.ordinal) return { ...wordsOnly(at, opened.end, state.value()), ordinal: true };
      if (opened.article) return { ...wordsOnly(at, opened.end, state.value()), article: true };
      end = opened.end;
    }
    end = this.continueExpression(state, end);
    let value = state.value();
    const ratio = this.lang === "en" && !nested ? this.ratio(value, end) : undefined;
    if (ratio) {
      value = ratio.value;
      end = ratio.end;
    }
    if (!nested) end = this.restatement(value, end);
    return {
      start: at,
      end,
      value: sign * value,
      plainDigits: Boolean(head.digits?.plain) && state.steps === 1 && sign === 1 && !ratio,
      hasDigits: Boolean(head.digits),
      ordinal: state.ordinal,
      article: false,
    };
  }

  /**
   * "one over three", "1 in twenty-one", "two out of five hundred": a ratio, when the second
   * number ends the phrase (not "$2000 over 3 years") and, for "in"/"out of", is the larger.
   */
  private ratio(numerator: number, at: number): { value: number; end: number } | undefined {
    const word = this.token(at);
    const lower = word?.raw.toLowerCase();
    if (!word || (lower !== "over" && lower !== "in" && lower !== "out")) return undefined;
    let from = word.end;
    if (lower === "out") {
      const of = this.token(word.end);
      if (of?.raw.toLowerCase() !== "of") return undefined;
      from = of.end;
    }
    const denominatorAt = skipBlanksForward(this.text, from);
    if (denominatorAt === from) return undefined;
    const denominator = this.read(denominatorAt, false, true);
    if (!denominator || denominator.ordinal || denominator.article || denominator.value <= 0)
      return undefined;
    if (lower !== "over" && numerator >= denominator.value) return undefined;
    if (lower === "in" && denominator.plainDigits && denominator.value >= 1000) return undefined;
    if (lower !== "out" && isLetterAt(this.text, skipBlanksForward(this.text, denominator.end)))
      return undefined;
    return { value: numerator / denominator.value, end: denominator.end };
  }

  /** "forty-five (45)", "45 (forty five)": the same number restated in brackets is one number. */
  private restatement(value: number, at: number): number {
    const open = this.token(at);
    if (open?.raw !== "(") return at;
    const inner = this.read(skipBlanksForward(this.text, open.end), false, true);
    if (!inner || inner.value !== value) return at;
    const close = this.token(inner.end);
    return close?.raw === ")" ? close.end : at;
  }

  /** Digits plus what is glued to them: exponent, "10k", "1.2bn", "3rd", "2½", "1/2". */
  private digitAtom(
    d: DigitNumber,
  ):
    | { value: number; end: number; scaled: boolean; scale: number; ordinal: false }
    | { ordinal: true; expression: Expression }
    | undefined {
    const text = this.text;
    let value = d.value;
    let end = d.end;
    const powered = "eE^x×".includes(text[end] ?? " ") ? readPower(text, end, value) : undefined;
    if (powered) {
      value = powered.value;
      end = powered.end;
    }
    const vulgar = VULGAR_FRACTIONS.get(text[end] ?? "");
    if (vulgar !== undefined && d.integer)
      return { value: value + vulgar, end: end + 1, scaled: false, scale: 1, ordinal: false };
    const slashed = this.slashFraction(d);
    if (slashed) return { value: slashed.value, end: slashed.end, scaled: false, scale: 1, ordinal: false };
    if (!isLetterAt(text, end)) return { value, end, scaled: false, scale: 1, ordinal: false };
    let letters = end;
    while (isLetterAt(text, letters)) letters++;
    const glued = text.slice(end, letters);
    if (glued === "G" && d.plain && value < 10) return undefined; // "5G" is a network, not 5 billion
    const scale =
      SCALE_ABBREVIATIONS.get(glued) ??
      (glued === "m" && this.isMillionM(d.start, letters) ? 1e6 : undefined);
    if (scale !== undefined) {
      const withDot = text[letters] === "." && glued.length > 2 ? letters + 1 : letters;
      return { value, end: withDot, scaled: true, scale, ordinal: false };
    }
    if (ORDINAL_SUFFIXES.has(glued.toLowerCase()) && d.integer) {
      return {
        ordinal: true,
        expression: { ...wordsOnly(d.start, letters, value), hasDigits: true, ordinal: true },
      };
    }
    // "152mm" is a calibre, read as a number and classified later; any other glued unit
    // ("29km", "180ml", "1m") or code ("t0") makes it no number at all.
    return glued === "mm" ? { value, end, scaled: false, scale: 1, ordinal: false } : undefined;
  }

  /**
   * A glued lower-case "m" is a million after a currency sign ("$5m") or before what is counted
   * in millions ("8m shells"); otherwise it is metres ("1m tall", "29m").
   */
  private isMillionM(start: number, end: number): boolean {
    if (CURRENCY_SIGNS.includes(this.text[start - 1] ?? " ")) return true;
    const next = this.token(end);
    return next !== undefined && COUNTED_IN_MILLIONS.has(next.raw.toLowerCase());
  }

  /** "1/2", "20/100", "-4/5": a fraction when numerator < denominator ≤ 100 and no date slashes. */
  private slashFraction(d: DigitNumber): { value: number; end: number } | undefined {
    const text = this.text;
    if (text[d.end] !== "/" || !d.integer || !d.plain || text[d.start - 1] === "/") return undefined;
    const denominator = readPlainInteger(text, d.end + 1);
    if (!denominator || text[denominator.end] === "/" || isLetterAt(text, denominator.end)) return undefined;
    if (!(d.value < denominator.value && denominator.value <= 100)) return undefined;
    return { value: d.value / denominator.value, end: denominator.end };
  }

  /**
   * Feeds the word that opens an expression into `s`; returns where the expression has got to
   * (with `ordinal` or `article` when that is all it is), or undefined when the word opens none.
   */
  private openWord(
    s: Accumulator,
    head: Token,
  ): { end: number; ordinal?: boolean; article?: boolean } | undefined {
    const word = head.word;
    if (!word) return undefined;
    switch (word.type) {
      case "number":
        if (this.lang === "en" && word.value === 1 && isPronounOne(this.text, head)) return undefined;
        if (
          head.raw === "Acht" &&
          /außer\s+$/i.test(this.text.slice(Math.max(0, head.start - 8), head.start))
        )
          return undefined; // "außer Acht lassen"
        // "ein Zweier", "die Dreier": capitalised, the genitive forms are nouns.
        if (this.lang === "de" && /^\p{Lu}\p{L}*er$/u.test(head.raw)) return undefined;
        s.addWord(word.value, word.size);
        return { end: head.end };
      case "ordinal":
        s.addOrdinal(word.value);
        return { end: head.end, ordinal: true };
      case "hundred":
      case "scale": {
        // Bare "hundert"/"tausend"/"hundred" are numbers; capitalised German "Tausend" alone is
        // the noun ("mehrere Tausend", a surname) and "Millionen" alone is vague.
        const bareOk = !word.plural && (word.type === "hundred" || word.value === 1000);
        if (!bareOk || (this.lang === "de" && head.raw[0] !== head.raw[0]!.toLowerCase())) return undefined;
        if (isVagueBefore(this.text, head.start)) return undefined;
        if (word.type === "hundred") s.addHundred();
        else s.applyScale(word.value);
        return { end: head.end };
      }
      case "article":
      case "a": {
        // "ein Dutzend", "eine halbe Million", "a hundred", "a dozen", "a half": the article is 1.
        const after = this.token(head.end);
        if (word.type === "a" && after?.raw.toLowerCase() === "pair") {
          s.addWord(2, "unit");
          return { end: after.end };
        }
        const joins =
          after?.word &&
          (after.word.type === "dozen" ||
            after.word.type === "hundred" ||
            (after.word.type === "scale" &&
              (!after.word.plural || this.articleBeforePluralScale(word, after))) ||
            this.denominatorAt(after, 1) !== undefined);
        if (joins) {
          s.addWord(1, "unit");
          return { end: head.end };
        }
        if (word.type === "a") return undefined;
        s.addWord(word.value, "unit");
        return { end: head.end, article: true };
      }
      case "fraction": {
        // English "half" is a number on its own ("more than half"); "half a dozen", "half million",
        // "quarter million".
        if (this.lang !== "en") return undefined;
        const after = this.token(head.end);
        if (word.denominator === 4 && after?.word?.type === "scale") {
          s.addFraction(0.25);
          return { end: head.end };
        }
        if (word.denominator !== 2) return undefined;
        s.addFraction(0.5);
        // "half a dozen", "half a million", "half a hundred".
        const unit = after?.word?.type === "a" ? this.token(after.end) : undefined;
        const w = unit?.word;
        const factor =
          w?.type === "dozen"
            ? 12
            : w?.type === "hundred"
              ? 100
              : w?.type === "scale" && !w.plural
                ? w.value
                : 0;
        if (!unit || !factor) return { end: head.end };
        s.multiplyLast(factor);
        return { end: unit.end };
      }
      default:
        return undefined;
    }
  }

  /** Extends the expression token by token while the next one continues the number. */
  private continueExpression(s: Accumulator, from: number): number {
    let end = from;
    for (;;) {
      const tok = this.token(end);
      if (!tok) return end;
      let joint: "none" | "and" | "hyphen" = "none";
      let next: Token | undefined = tok;
      if (tok.word?.type === "and") {
        joint = "and";
        next = this.token(tok.end);
      } else if (
        tok.raw === "-" &&
        this.lang === "en" &&
        !s.lastWasDigits &&
        isLetterAt(this.text, skipBlanksForward(this.text, tok.end))
      ) {
        joint = "hyphen";
        next = this.token(tok.end);
      } else if (tok.raw === "-" && s.lastWasDigits && s.steps === 1 && isLetterAt(this.text, tok.end)) {
        // "some 8-thousand soldiers", "25-hundred commandos": a scale word hyphenated to its digits.
        const scaleWord = this.token(tok.end);
        const type = scaleWord?.word?.type;
        if (type !== "scale" && type !== "hundred") return end;
        next = scaleWord;
      }
      if (!next) return end;
      const advanced = this.step(s, next, joint);
      if (advanced === undefined) return end;
      end = advanced;
      if (s.ordinal) return end;
    }
  }

  /** Applies one token to the accumulator; returns the new end, or undefined to stop before it. */
  private step(s: Accumulator, tok: Token, joint: "none" | "and" | "hyphen"): number | undefined {
    const word = tok.word;
    if (tok.digits) {
      if (joint === "hyphen" || !tok.digits.integer || tok.digits.value === 0) return undefined;
      // "3 million 152-millimeter shells", "6 million 6-inch": digits glued to a unit start a new number.
      if (GLUED_UNIT_AFTER.test(this.text.slice(tok.end, tok.end + 2))) return undefined;
      // "4 thousand 3 hundred and 21"; a bare digit after a digit is a new number ("423 0000").
      const fraction = this.slashFraction(tok.digits);
      if (fraction && joint === "none" && s.lastWasDigits && s.steps === 1) {
        s.addFraction(fraction.value);
        return fraction.end;
      }
      if (fraction || !s.canAddAfterScale(tok.digits.value)) return undefined;
      if (this.followedByHundred(tok.end) && s.hasHundred) return undefined;
      s.addSmall(tok.digits.value, joint === "and");
      return tok.end;
    }
    if (!word) {
      // Spaced abbreviations: "2,5 Mio.", "2.33 k", "10 bn"; a lone "b" or "m" is too ambiguous.
      const scale = SCALE_ABBREVIATIONS.get(tok.raw);
      if (scale === undefined || tok.raw === "b" || joint !== "none" || !s.canTakeScale(scale))
        return undefined;
      // "120 M1989 Koksan", "50 M-1978": a model designation, not "M" for million.
      if (DESIGNATION_AFTER.test(this.text.slice(tok.end, tok.end + 2))) return undefined;
      s.applyScale(scale);
      return this.afterAbbreviationDot(tok);
    }
    switch (word.type) {
      case "number": {
        if (joint === "and") {
          // "five and a quarter"-style addends: "und drei Viertel", "and two thirds".
          const fraction = this.fractionAfter(tok, word.value);
          if (fraction) {
            s.addFraction(fraction.value, fraction.scaleFollows);
            return fraction.end;
          }
          // "two and fifty-four hundredths": a tens-and-unit numerator.
          const compound = this.tensAndUnitFraction(tok);
          if (compound) {
            s.addFraction(compound.value);
            return compound.end;
          }
        }
        if (joint !== "and" && word.size === "tens" && s.canTakeDenominator()) {
          // "twenty twenty fifths", "one twenty-fifth": a tens word and an ordinal are one denominator.
          const denominator = this.denominatorAt(tok, s.numeratorIsOne() ? 1 : 2);
          if (denominator) {
            s.divideLast(denominator.value);
            return denominator.end;
          }
        }
        if (!s.canTakeWord(word.value, word.size, joint)) return undefined;
        if (this.followedByHundred(tok.end) && s.hasHundred) return undefined;
        s.addSmall(word.value, joint === "and", word.size);
        return tok.end;
      }
      case "a":
      case "article": {
        // "and a half", "und ein Viertel", "million and a quarter".
        if (joint !== "and") return undefined;
        const fraction = this.fractionAfter(tok, 1);
        if (!fraction) return undefined;
        s.addFraction(fraction.value, fraction.scaleFollows);
        return fraction.end;
      }
      case "hundred":
        if (joint !== "none" || !s.canTakeHundred()) return undefined;
        s.addHundred();
        return tok.end;
      case "scale": {
        if (joint !== "none") return undefined;
        if (s.canTakeScale(word.value)) s.applyScale(word.value);
        else if (s.canRaiseScale(word.value)) s.raiseScale(word.value);
        else return undefined;
        return this.afterAbbreviationDot(tok);
      }
      case "dozen":
        if (joint !== "none" || s.steps === 0) return undefined;
        s.multiplyLast(12);
        return tok.end;
      case "fraction":
      case "ordinal": {
        // "two thirds", "one-eighth", "a fifth": after a numerator, a denominator.
        const denominator =
          joint !== "and" && s.canTakeDenominator()
            ? this.denominatorAt(tok, s.numeratorIsOne() ? 1 : 2)
            : undefined;
        if (denominator) {
          s.divideLast(denominator.value);
          return this.ofAScale(s, denominator.end);
        }
        // "twenty-fifth", "one hundred twenty first", "two hundredth": the whole is an ordinal.
        if (word.type !== "ordinal" || !s.canTakeOrdinal(word.value, joint)) return undefined;
        s.addOrdinal(word.value);
        return tok.end;
      }
      case "point":
        return this.decimals(s, tok);
      default:
        return undefined;
    }
  }

  /** "eine Millionen Granaten": a common slip for "eine Million", read as one million. */
  private articleBeforePluralScale(word: Word, after: Token): boolean {
    return (
      this.lang === "de" && word.type === "article" && after.word?.type === "scale" && after.word.value >= 1e6
    );
  }

  private afterAbbreviationDot(tok: Token): number {
    return this.text[tok.end] === "." && /^(?:Mio|Mrd|Tsd|Mill)$/i.test(tok.raw) ? tok.end + 1 : tok.end;
  }

  private followedByHundred(at: number): boolean {
    return this.token(at)?.word?.type === "hundred";
  }

  /**
   * The denominator at `tok`: "thirds", "Viertel", "half", and the singular ordinals after a
   * numerator of one only ("one fifth", but "two millionth" is no fraction); "twenty-first",
   * "thirty fifths" make one denominator of a tens word and an ordinal.
   */
  private denominatorAt(tok: Token, numerator: number): { value: number; end: number } | undefined {
    const w = tok.word;
    if (w?.type === "fraction") return { value: w.denominator, end: tok.end };
    if (w?.type === "ordinal") {
      const fraction = w.value >= 3 && numerator === 1 && this.endsFraction(tok.end);
      return fraction ? { value: w.value, end: tok.end } : undefined;
    }
    if (w?.type !== "number" || w.size !== "tens" || this.lang !== "en") return undefined;
    const hyphen = this.token(tok.end);
    const unit = hyphen?.raw === "-" ? this.token(hyphen.end) : hyphen;
    const u = unit?.word;
    if (!unit || !u) return undefined;
    const singular = u.type === "ordinal" && numerator === 1 && this.endsFraction(unit.end);
    const value = u.type === "fraction" ? u.denominator : singular ? u.value : 0;
    return value >= 1 && value <= 9 ? { value: w.value + value, end: unit.end } : undefined;
  }

  /** A singular "a third" is a fraction before "of" or the end of a phrase, not in "a third time". */
  private endsFraction(at: number): boolean {
    if (!isLetterAt(this.text, skipBlanksForward(this.text, at))) return true;
    const next = this.token(at)?.raw.toLowerCase();
    return next === "of" || next === "and" || next === "or";
  }

  /** "fifty-four hundredths" starting at the tens word `tok`. */
  private tensAndUnitFraction(tok: Token): { value: number; end: number } | undefined {
    if (tok.word?.type !== "number" || tok.word.size !== "tens") return undefined;
    const hyphen = this.token(tok.end);
    const unit = hyphen?.raw === "-" ? this.token(hyphen.end) : hyphen;
    if (unit?.word?.type !== "number" || unit.word.size !== "unit") return undefined;
    const fraction = this.fractionAfter(unit, tok.word.value + unit.word.value);
    return fraction && { value: fraction.value, end: fraction.end };
  }

  /** "a half", "three quarters", "drei Viertel" right after `tok`: the fraction and where it ends. */
  private fractionAfter(
    tok: Token,
    numerator: number,
  ): { value: number; end: number; scaleFollows: boolean } | undefined {
    const next = this.token(tok.end);
    const denominator = next && this.denominatorAt(next, numerator);
    if (!denominator) return undefined;
    const after = this.token(denominator.end)?.word;
    return {
      value: numerator / denominator.value,
      end: denominator.end,
      scaleFollows: after?.type === "scale",
    };
  }

  /** "two thirds of a million". */
  private ofAScale(s: Accumulator, at: number): number {
    const of = this.token(at);
    if (of?.raw.toLowerCase() !== "of") return at;
    const a = this.token(of.end);
    if (a?.word?.type !== "a") return at;
    const scale = this.token(a.end);
    if (scale?.word?.type !== "scale" || scale.word.plural) return at;
    s.applyScale(scale.word.value);
    return scale.end;
  }

  /** "zwei Komma drei", "two hundred point zero three", "1 point 1", "point seventy-one". */
  private decimals(s: Accumulator, point: Token): number | undefined {
    if (!s.canTakeDecimals()) return undefined;
    let digits = "";
    let end = point.end;
    for (;;) {
      const tok = this.token(end);
      if (!tok) break;
      if (tok.digits) {
        // "1 point 1", but not "at one point 300 soldiers".
        if (digits || !tok.digits.plain || !s.lastWasDigits) break;
        digits = this.text.slice(tok.start, tok.end);
        end = tok.end;
        break;
      }
      const w = tok.word;
      if (w?.type !== "number" || (w.size === "compound" && w.value >= 100)) break;
      if (w.size === "tens") {
        // "seventy-one", "seventy one" are one pair of digits.
        let pairEnd = tok.end;
        let unit = 0;
        const hyphen = this.token(tok.end);
        const unitTok = hyphen?.raw === "-" ? this.token(hyphen.end) : hyphen;
        if (unitTok?.word?.type === "number" && unitTok.word.size === "unit" && unitTok.word.value > 0) {
          unit = unitTok.word.value;
          pairEnd = unitTok.end;
        }
        digits += String(w.value + unit);
        end = pairEnd;
        continue;
      }
      digits += String(w.value);
      end = tok.end;
    }
    if (!digits) return undefined;
    s.addDecimals(digits);
    return end;
  }
}

/** English "the one", "which one", "one another": a pronoun, not the number. */
function isPronounOne(text: string, tok: Token): boolean {
  const before =
    /(?:^|[^\p{L}])(the|this|that|which|each|every|any|no|some|another|other|whichever|what|last|little|only|right|wrong|big|new|old|good|bad)\s+$/iu;
  const window = text.slice(Math.max(0, tok.start - 12), tok.start);
  if (before.test(window)) return true;
  return /^\s+another\b/i.test(text.slice(tok.end, tok.end + 10));
}

const VAGUE_BEFORE = /(?:^|[^\p{L}])(mehrere|einige|etliche|viele|paar|several|few|many|some|couple)\s+$/iu;
function isVagueBefore(text: string, at: number): boolean {
  return VAGUE_BEFORE.test(text.slice(Math.max(0, at - 12), at));
}

/** "1e10", "12.32e+14", "1.1^23", "2.5^-1", "1.3x10^6" after the digits of `base`. */
function readPower(text: string, at: number, base: number): { value: number; end: number } | undefined {
  EXPONENT.lastIndex = at;
  const exponent = EXPONENT.exec(text);
  if (exponent) return { value: base * 10 ** Number(exponent[1]), end: EXPONENT.lastIndex };
  POWER.lastIndex = at;
  const power = POWER.exec(text);
  if (power) {
    // "-1.1^--23": an even count of minus signs is a plus.
    const negative = power[1]!.split("-").length % 2 === 0;
    return { value: base ** (Number(power[2]) * (negative ? -1 : 1)), end: POWER.lastIndex };
  }
  TIMES_TEN.lastIndex = at;
  const timesTen = TIMES_TEN.exec(text);
  if (timesTen) return { value: base * 10 ** Number(timesTen[1]), end: TIMES_TEN.lastIndex };
  return undefined;
}

function wordsOnly(start: number, end: number, value: number): Expression {
  return {
    start,
    end,
    value,
    plainDigits: false,
    hasDigits: false,
    ordinal: false,
    article: false,
  };
}

function readPlainInteger(text: string, at: number): DigitNumber | undefined {
  let end = at;
  while (end < text.length && isDigitCode(text.charCodeAt(end))) end++;
  if (end === at) return undefined;
  return { value: Number(text.slice(at, end)), start: at, end, integer: true, plain: true };
}

/**
 * The running value of an expression: `total` holds the finished scale groups
 * ("zwei Millionen"), `group` the part below the last scale ("dreihundert…").
 */
class Accumulator {
  total = 0;
  group = 0;
  steps = 0;
  hasHundred = false;
  lastWasDigits = false;
  /** Ended in an ordinal word: "twenty-fifth". */
  ordinal = false;
  private hasDigits = false;
  private lastScale = Number.POSITIVE_INFINITY;
  private groupOpen = false;
  private lastSize: "unit" | "teen" | "tens" | "compound" | "digits" | "hundred" | "fraction" | "none" =
    "none";
  /** The last addend joined with and/und, which a following "dozen" or denominator acts on. */
  private lastAddend: number | undefined;
  private hasDecimals = false;

  value(): number {
    return this.total + this.group;
  }

  addDigits(value: number): void {
    this.addSmall(value, false, "digits");
  }

  numeratorIsOne(): boolean {
    return (this.lastAddend ?? this.value()) === 1;
  }

  addWord(value: number, size: "unit" | "teen" | "tens" | "compound"): void {
    this.addSmall(value, false, size);
  }

  addSmall(value: number, afterAnd: boolean, size: Accumulator["lastSize"] = "digits"): void {
    this.group += value;
    this.groupOpen = true;
    this.lastAddend = afterAnd ? value : undefined;
    this.lastSize = size;
    this.lastWasDigits = size === "digits";
    if (size === "digits") this.hasDigits = true;
    this.steps++;
  }

  addFraction(value: number, scaleFollows = false): void {
    // "3 million and a half": half of the last scale; "five and a half million": 5.5 million.
    if (!this.groupOpen && Number.isFinite(this.lastScale) && !scaleFollows) {
      this.total += value * this.lastScale;
    } else {
      this.group += value;
      this.groupOpen = true;
    }
    this.lastSize = "fraction";
    this.lastWasDigits = false;
    this.steps++;
  }

  addHundred(): void {
    this.group = (this.groupOpen ? this.group : 1) * 100;
    this.groupOpen = true;
    this.hasHundred = true;
    this.lastSize = "hundred";
    this.lastWasDigits = false;
    this.steps++;
  }

  applyScale(scale: number): void {
    this.total += (this.groupOpen ? this.group : 1) * scale;
    this.group = 0;
    this.groupOpen = false;
    this.hasHundred = false;
    this.lastScale = scale;
    this.lastSize = "none";
    this.lastWasDigits = false;
    this.steps++;
  }

  multiplyLast(factor: number): void {
    if (this.lastAddend !== undefined) this.group += this.lastAddend * (factor - 1);
    else this.group *= factor;
    this.lastAddend = undefined;
    this.lastWasDigits = false;
    this.steps++;
  }

  divideLast(denominator: number): void {
    if (this.lastAddend !== undefined) this.group -= this.lastAddend - this.lastAddend / denominator;
    else if (this.groupOpen) this.group /= denominator;
    else {
      // "a hundred thousand trillionths": the whole so far is the numerator.
      this.total /= denominator;
      this.groupOpen = true;
      this.group = this.total;
      this.total = 0;
    }
    this.lastAddend = undefined;
    this.lastSize = "fraction";
    this.lastWasDigits = false;
    this.steps++;
  }

  addDecimals(digits: string): void {
    this.group += Number(`0.${digits}`);
    this.hasDecimals = true;
    this.lastSize = "fraction";
    this.lastWasDigits = false;
    this.steps++;
  }

  canTakeWord(
    value: number,
    size: "unit" | "teen" | "tens" | "compound",
    joint: "none" | "and" | "hyphen",
  ): boolean {
    if (this.hasDecimals || value === 0) return false;
    if (!this.groupOpen)
      return Number.isFinite(this.lastScale) && value < this.lastScale && joint !== "hyphen";
    if (this.lastSize === "tens" && size === "unit") return joint !== "and";
    if (this.lastSize === "hundred") return value < 100 && joint !== "hyphen";
    return false;
  }

  canAddAfterScale(value: number): boolean {
    if (this.hasDecimals) return false;
    if (!this.groupOpen) return Number.isFinite(this.lastScale) && value < this.lastScale;
    return this.lastSize === "hundred" && value < 100;
  }

  canTakeHundred(): boolean {
    return this.groupOpen && !this.hasHundred && this.lastSize !== "fraction" && this.group > 0;
  }

  canTakeScale(scale: number): boolean {
    return scale < this.lastScale && this.groupOpen && this.group !== 0;
  }

  /** Word numerators only: "100 millionths" is a hundred and an ordinal, not a fraction. */
  canTakeDenominator(): boolean {
    return this.steps > 0 && this.lastSize !== "fraction" && !this.hasDecimals && !this.hasDigits;
  }

  /** Below a thousand only: "two millionth" stays the number two. */
  canTakeOrdinal(value: number, joint: "none" | "and" | "hyphen"): boolean {
    if (this.hasDigits || this.hasDecimals) return false;
    if (value === 100) return this.canTakeHundred() && joint === "none";
    if (value >= 100) return false;
    return this.canTakeWord(value, value < 10 ? "unit" : value < 20 ? "teen" : "tens", joint);
  }

  addOrdinal(value: number): void {
    if (value === 100) this.addHundred();
    else this.addSmall(value, false, "unit");
    this.ordinal = true;
  }

  /** "three thousand millions", "three lakh crore": a larger scale multiplies the whole. */
  canRaiseScale(scale: number): boolean {
    return !this.groupOpen && this.total > 0 && scale > this.lastScale && this.total < scale;
  }

  raiseScale(scale: number): void {
    this.total *= scale;
    this.lastScale = scale * this.lastScale;
    this.steps++;
  }

  canTakeDecimals(): boolean {
    return (
      this.groupOpen && !this.hasDecimals && this.lastSize !== "fraction" && Number.isInteger(this.group)
    );
  }
}
