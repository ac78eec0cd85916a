const GERMAN_FOLDS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/**
 * Lower case, German umlauts spelled out (ä → ae, ö → oe, ü → ue, ß → ss), other diacritics dropped
 * (Pyŏngyang → pyongyang). Applied to keywords and texts alike, so either spelling finds the other.
 */
export function foldForMatching(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => GERMAN_FOLDS[c]!)
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * A test for "the text mentions one of these keywords": case-insensitive, umlaut-folded, matching at the start
 * of a word and running on into it ("Nordkorea" finds "nordkoreanische", "Nordkoreas"), never inside a word
 * ("Kim" does not find "Skimming"). Spaces and hyphens in a keyword match any run of either ("Kim Jong Un",
 * "Kim-Jong-Un"). The pattern is compiled once; each call folds the text and runs one regular expression.
 */
export function keywordMatcher(keywords: readonly string[]): (text: string) => boolean {
  const alternatives = keywords
    .map((keyword) => foldForMatching(keyword).trim())
    .filter((keyword) => keyword !== "")
    .map((keyword) =>
      keyword
        .split(/[\s-]+/)
        .map(escapeRegExp)
        .join("[\\s-]+"),
    );
  if (alternatives.length === 0) return () => false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})`, "u");
  return (text) => pattern.test(foldForMatching(text));
}
