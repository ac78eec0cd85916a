/** One cue found in a text: where, and what the lexicon says it means. */
export interface CueHit<T> {
  start: number;
  end: number;
  value: T;
}

const MAX_WHOLE_WORD_LENGTH = 4;

/**
 * A lexicon compiled once into one regular expression. Cues match at word starts; cues of up to
 * four letters must be whole words ("tot" is not "total"), longer ones are stems. Where cues
 * overlap, the longest wins ("südkoreanischen Geheimdienst" over "südkorea"). Spaces in a cue
 * match any white space, so line breaks inside a phrase do not hide it.
 */
export class CueMatcher<T> {
  private readonly pattern: RegExp;
  private readonly values = new Map<string, T>();

  constructor(entries: Iterable<readonly [cue: string, value: T]>) {
    const alternatives: string[] = [];
    for (const [cue, value] of entries) {
      const key = normalizeCue(cue);
      if (!key || this.values.has(key)) continue;
      this.values.set(key, value);
      alternatives.push(key);
    }
    alternatives.sort((a, b) => b.length - a.length);
    const body = alternatives.map(toPattern).join("|") || "(?!)";
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})`, "giu");
  }

  /** Every cue in text[from, to), left to right, without overlaps. */
  scan(text: string, from = 0, to = text.length): CueHit<T>[] {
    const hits: CueHit<T>[] = [];
    const re = this.pattern;
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (end > to) break;
      const value = this.values.get(normalizeCue(m[0]));
      if (value !== undefined) hits.push({ start: m.index, end, value });
    }
    return hits;
  }

  /** The cue that starts exactly at `at`, if any. */
  at(text: string, at: number): CueHit<T> | null {
    const re = this.pattern;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || m.index !== at) return null;
    const value = this.values.get(normalizeCue(m[0]));
    return value === undefined ? null : { start: at, end: at + m[0].length, value };
  }

  has(text: string, from = 0, to = text.length): boolean {
    const re = this.pattern;
    re.lastIndex = from;
    const m = re.exec(text);
    return m !== null && m.index + m[0].length <= to;
  }
}

function normalizeCue(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").replace(/[’‘]/g, "'").replace(/[‐‑–]/g, "-");
}

function toPattern(cue: string): string {
  const escaped = cue
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/ /g, "\\s+")
    .replace(/'/g, "['’‘]")
    .replace(/-/g, "[-‐‑–]");
  const letters = cue.replace(/[^\p{L}\p{N}]/gu, "").length;
  return letters <= MAX_WHOLE_WORD_LENGTH ? `${escaped}(?![\\p{L}\\p{N}])` : escaped;
}
