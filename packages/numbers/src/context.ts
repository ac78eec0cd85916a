/** Cheap looks at the words around a number, for its kind and for the pronoun/article cases. */

export const MONTHS = new Set([
  "januar",
  "jänner",
  "februar",
  "feber",
  "märz",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "dezember",
  "jan",
  "feb",
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
  "january",
  "february",
  "march",
  "may",
  "june",
  "july",
  "october",
  "december",
  "mar",
  "oct",
  "dec",
]);

function isLetterCode(code: number): boolean {
  // ASCII letters fast, then anything alphabetic beyond ASCII (umlauts, ß, accents).
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code).toUpperCase();
}

export function isLetterAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isLetterCode(text.charCodeAt(index));
}

function isBlank(ch: string | undefined): boolean {
  return (
    ch === " " || ch === "\t" || ch === "\u00A0" || ch === "\u202F" || ch === "\u2009" || ch === "\u2007"
  );
}

export function skipBlanksForward(text: string, at: number): number {
  let i = at;
  while (i < text.length && isBlank(text[i])) i++;
  return i;
}

export function skipBlanksBackward(text: string, at: number): number {
  let i = at;
  while (i > 0 && isBlank(text[i - 1])) i--;
  return i;
}

/** The word that ends right before `at` (blanks skipped), as written; "" when there is none. */
export function wordBefore(text: string, at: number): string {
  const end = skipBlanksBackward(text, at);
  let start = end;
  while (start > 0 && isLetterAt(text, start - 1)) start--;
  return text.slice(start, end);
}

/** The word that starts at `at` after blanks, as written; "" when a non-letter comes first. */
export function wordAfter(text: string, at: number): string {
  const start = skipBlanksForward(text, at);
  let end = start;
  while (end < text.length && isLetterAt(text, end)) end++;
  return text.slice(start, end);
}

/** The word before `at`, also across an abbreviation's dot ("Jan. 12", "Nov. 5"). */
export function wordBeforeDot(text: string, at: number): string {
  const end = skipBlanksBackward(text, at);
  return text[end - 1] === "." ? wordBefore(text, end - 1) : wordBefore(text, end);
}
