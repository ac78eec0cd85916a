/**
 * Reads one German number word, compounds included: "drei", "einundzwanzig",
 * "zweihundertdreiundvierzig", "siebenhunderteinundzwanzigtausendundzwölf", "zweieinhalb".
 * The whole word must be number morphemes, so "Einheit", "dreist" or "Achtung" are not numbers,
 * and neither are the vague plurals "Tausende", "Zehntausende", "Dutzende" (they end in -e).
 */

const UNITS: [string, number][] = [
  // The genitive "die Gefangennahme zweier Soldaten", "dreier Offiziere".
  ["zweier", 2],
  ["dreier", 3],
  ["sieben", 7],
  ["zwei", 2],
  ["zwo", 2],
  ["drei", 3],
  ["vier", 4],
  ["fünf", 5],
  ["sechs", 6],
  ["acht", 8],
  ["neun", 9],
  ["ein", 1],
];
const TEENS: [string, number][] = [
  ["dreizehn", 13],
  ["vierzehn", 14],
  ["fünfzehn", 15],
  ["sechzehn", 16],
  ["siebzehn", 17],
  ["achtzehn", 18],
  ["neunzehn", 19],
  ["zehn", 10],
  ["zwölf", 12],
  ["elf", 11],
];
const TENS: [string, number][] = [
  ["zwanzig", 20],
  ["dreißig", 30],
  ["vierzig", 40],
  ["fünfzig", 50],
  ["sechzig", 60],
  ["siebzig", 70],
  ["achtzig", 80],
  ["neunzig", 90],
];

/** Lower-cases and folds the ASCII spellings (fuenf, zwoelf, dreissig) onto the umlaut ones. */
export function foldGerman(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes("ue") || lower.includes("oe") || lower.includes("ss")
    ? lower.replace(/ue/g, "ü").replace(/oe/g, "ö").replace(/ss/g, "ß")
    : lower;
}

interface Step {
  value: number;
  end: number;
}

function prefixAt(word: string, at: number, table: [string, number][]): Step | undefined {
  for (const [stem, value] of table) {
    if (word.startsWith(stem, at)) return { value, end: at + stem.length };
  }
  return undefined;
}

/** 1–99 at `at`: "dreiundvierzig", "dreizehn", "vierzig", "drei", "eins" (only word-final). */
function below100(word: string, at: number): Step | undefined {
  const unit = prefixAt(word, at, UNITS);
  if (unit && word.startsWith("und", unit.end)) {
    const tens = prefixAt(word, unit.end + 3, TENS);
    if (tens) return { value: unit.value + tens.value, end: tens.end };
  }
  const fixed = prefixAt(word, at, TEENS) ?? prefixAt(word, at, TENS);
  if (fixed) return fixed;
  if (word.startsWith("eins", at) && at + 4 === word.length) return { value: 1, end: at + 4 };
  return unit;
}

/** 1–999 at `at`: "[below100] hundert [und] [below100]" or "below100". */
function below1000(word: string, at: number): Step | undefined {
  const head = below100(word, at);
  const hundredAt = head ? head.end : at;
  if (!word.startsWith("hundert", hundredAt)) return head;
  let value = (head?.value ?? 1) * 100;
  let end = hundredAt + 7;
  const afterAnd = word.startsWith("und", end) ? end + 3 : end;
  const tail = below100(word, afterAnd);
  if (tail) {
    value += tail.value;
    end = tail.end;
  }
  return { value, end };
}

export interface GermanWord {
  value: number;
  /** "hundert" or "tausend" alone: a bare scale word, which needs care ("Claudia Tausend"). */
  bare: boolean;
}

/** The value of a German cardinal number word, or undefined when the word is not one. */
export function parseGermanNumberWord(folded: string): GermanWord | undefined {
  if (folded === "anderthalb" || folded === "einundhalb") return { value: 1.5, bare: false };
  if (folded === "dreiviertel") return { value: 0.75, bare: false };
  let at = 0;
  let value = 0;
  const head = below1000(folded, 0);
  if (head) {
    value = head.value;
    at = head.end;
  }
  if (folded.startsWith("tausend", at)) {
    value = (head?.value ?? 1) * 1000;
    at += 7;
    const afterAnd = folded.startsWith("und", at) ? at + 3 : at;
    const tail = below1000(folded, afterAnd);
    if (tail) {
      value += tail.value;
      at = tail.end;
    }
  }
  if (at > 0 && folded.startsWith("einhalb", at)) {
    value += 0.5;
    at += 7;
  }
  if (at === 0 || at !== folded.length) return undefined;
  return { value, bare: folded === "hundert" || folded === "tausend" };
}

const IRREGULAR_ORDINALS = new Map([
  ["erste", 1],
  ["dritte", 3],
  ["siebte", 7],
  ["achte", 8],
]);

/**
 * The value of a German ordinal word ("erste", "dritten", "einundzwanzigste", "hundertste"),
 * or undefined. Reported as kind "ordinal" so that "dritte" is never read as "drei".
 */
export function parseGermanOrdinalWord(folded: string): number | undefined {
  const ending = /te[nrsm]?$/.exec(folded);
  if (!ending) return undefined;
  const stem = folded.slice(0, ending.index);
  const irregular = IRREGULAR_ORDINALS.get(`${stem}te`);
  if (irregular !== undefined) return irregular;
  // 1–19 take -te ("zweite", "sechzehnte"), 20 and up take -ste ("zwanzigste", "hundertste").
  const short = parseGermanNumberWord(stem);
  if (short && Number.isInteger(short.value) && short.value < 20) return short.value;
  if (!stem.endsWith("s")) return undefined;
  const long = parseGermanNumberWord(stem.slice(0, -1));
  return long && Number.isInteger(long.value) && long.value >= 20 ? long.value : undefined;
}
