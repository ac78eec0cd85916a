/**
 * Reads a number written in digits, in German or English notation, with a plain charCode scan
 * (no regex backtracking, no allocation per character).
 *
 * One "." or "," followed by exactly three digits is a thousands separator in the text's
 * notation (de "3.600" = 3600, en "3,600" = 3600) and a decimal point in the other
 * (de "4,800" = 4.8, en "4.800" = 4.8). Any other lone separator is a decimal point
 * ("1,5", "1.5", "3.6"). When both appear, the later one is the decimal point
 * ("2.000,352", "1,674,200.5"). Spaces (plain, U+00A0, U+202F, U+2009, U+2007) and the Swiss
 * apostrophes (' ’) group thousands only in runs of exactly three digits after a first group of
 * one to three ("1 234 567", "12'000"), so "423 0000" stays two numbers.
 */
import type { Lang } from "./lexicon";

export interface DigitNumber {
  value: number;
  start: number;
  end: number;
  /** Written without a decimal part. */
  integer: boolean;
  /** Written as one plain run of digits, no separators ("2024", not "2.024"). */
  plain: boolean;
}

const SPACE_SEPARATORS = " \u00A0\u202F\u2009\u2007";
const APOSTROPHES = "'’";
const MAX_RUNS = 8;

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function digitRunEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

function isSeparator(ch: string): boolean {
  return ch === "." || ch === "," || SPACE_SEPARATORS.includes(ch) || APOSTROPHES.includes(ch);
}

/**
 * The number at `at`, which must be a digit or a "." / "," directly followed by a digit
 * (".77", ",77"). Returns undefined when there is no number there.
 */
export function readDigits(text: string, at: number, notation: Lang): DigitNumber | undefined {
  const first = text[at];
  if (first === "." || first === ",") {
    const end = digitRunEnd(text, at + 1);
    if (end === at + 1) return undefined;
    return { value: Number(`0.${text.slice(at + 1, end)}`), start: at, end, integer: false, plain: false };
  }
  const firstEnd = digitRunEnd(text, at);
  if (firstEnd === at) return undefined;

  // Runs of digits with the one separator character before each: [sep, start, end].
  const runs: [string, number, number][] = [];
  let pos = firstEnd;
  // No number has more groups than this; capping keeps a long run of digit soup linear.
  while (
    runs.length < MAX_RUNS &&
    pos + 1 < text.length &&
    isSeparator(text[pos]!) &&
    isDigitCode(text.charCodeAt(pos + 1))
  ) {
    const end = digitRunEnd(text, pos + 1);
    runs.push([text[pos]!, pos + 1, end]);
    pos = end;
  }

  const headLength = firstEnd - at;
  const canGroup = headLength <= 3;
  let intDigits = text.slice(at, firstEnd);
  let fraction = "";
  let groupChar: string | undefined;
  let end = firstEnd;
  for (let k = 0; k < runs.length; k++) {
    const [sep, start, runEnd] = runs[k]!;
    const three = runEnd - start === 3;
    const digits = text.slice(start, runEnd);
    if (sep !== "." && sep !== ",") {
      if (!(three && canGroup && (groupChar === undefined || groupChar === sep))) break;
      groupChar = sep;
      intDigits += digits;
      end = runEnd;
      continue;
    }
    if (groupChar === sep) {
      // "192.168.1.2": a broken chain of one separator is a list, each run its own number.
      if (!three)
        return {
          value: Number(text.slice(at, firstEnd)),
          start: at,
          end: firstEnd,
          integer: true,
          plain: true,
        };
      intDigits += digits;
      end = runEnd;
      continue;
    }
    if (groupChar !== undefined) {
      fraction = digits;
      end = runEnd;
      break;
    }
    const nextSep = runs[k + 1]?.[0];
    if (nextSep === sep || nextSep === "." || nextSep === ",") {
      // "1.200.000", "1,111.11": a thousands group; "192.168.1.2", "22,24,26": separate numbers.
      if (!(three && canGroup)) break;
      groupChar = sep;
      intDigits += digits;
      end = runEnd;
      continue;
    }
    const groupsHere = sep === (notation === "de" ? "." : ",");
    if (three && canGroup && groupsHere && intDigits !== "0") {
      intDigits += digits;
    } else {
      fraction = digits;
    }
    end = runEnd;
    break;
  }
  // "220 170-mm guns", "2 152mm": spaces do not join a group that is glued to what follows.
  const spaced = groupChar !== undefined && SPACE_SEPARATORS.includes(groupChar);
  if (spaced && (text[end] === "-" || /\p{L}/u.test(text[end] ?? ""))) {
    return { value: Number(text.slice(at, firstEnd)), start: at, end: firstEnd, integer: true, plain: true };
  }
  const value = Number(fraction ? `${intDigits}.${fraction}` : intDigits);
  return { value, start: at, end, integer: !fraction, plain: end === firstEnd };
}
