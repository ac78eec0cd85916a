/** One cue found in a text: where, and what the lexicon says it means. */
export interface CueHit<T> {
  start: number;
  end: number;
  value: T;
}

/** A lexicon: cue phrases (any case) and what each means. Compiled into one CueIndex with the others. */
export class Lexicon<T> {
  readonly entries: (readonly [string, T])[];
  constructor(entries: Iterable<readonly [cue: string, value: T]>) {
    this.entries = [...entries];
  }
}

const MAX_WHOLE_WORD_LENGTH = 4;

interface Ending {
  lexicon: Lexicon<unknown>;
  value: unknown;
  wholeWord: boolean;
}

interface IndexedHit {
  start: number;
  end: number;
  lexicon: Lexicon<unknown>;
  value: unknown;
}

const SPACE = 32;
/** Symbol 0 is "no cue has this character": walks stop there. */
const NO_SYMBOL = 0;
/** In `symbolOf`: this UTF-16 unit has not been looked at yet. */
const UNKNOWN = 255;

/**
 * All lexicons in one character trie, walked once from every word start of a text range: one pass
 * finds the cues of every lexicon. Matching rules: cues match at word starts, case-insensitively;
 * cues of up to four letters must be whole words ("tot" is not "total"), longer ones are stems;
 * a space in a cue matches any white space (line breaks inside a phrase do not hide it), an
 * apostrophe or hyphen matches its typographic variants. Per lexicon, the longest cue at a
 * position wins and hits do not overlap ("südkoreanischen Geheimdienst" over "südkorea").
 *
 * The trie is a flat table (node × symbol → node, 0 for none) over the few dozen characters the
 * cues use: the walk is array reads, which is what makes one pass over every sentence cheap.
 */
export class CueIndex {
  /** Folded character code → symbol (1…), for the characters that occur in cues. */
  private readonly symbols = new Map<number, number>();
  /** The symbol of each UTF-16 unit of a text, its case and typographic variants folded. */
  private readonly symbolOf = new Uint8Array(65536).fill(UNKNOWN);
  private readonly width: number;
  /** The symbol of a space in cues, which matches any run of white space. */
  private readonly space: number;
  private readonly next: Int32Array;
  /** The cues that end at each node (null for most): a dense array, read on every step of a walk. */
  private readonly ends: (Ending[] | null)[];

  constructor(lexicons: Lexicon<unknown>[]) {
    const keys = lexicons.map((lexicon) => lexicon.entries.map(([cue]) => normalizeCue(cue)));
    for (const key of keys.flat()) {
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        if (!this.symbols.has(code)) this.symbols.set(code, this.symbols.size + 1);
      }
    }
    if (this.symbols.size >= UNKNOWN) throw new Error("CueIndex: too many distinct characters in cues");
    this.width = this.symbols.size + 1;
    this.space = this.symbols.get(SPACE) ?? NO_SYMBOL;
    const rows: number[] = new Array(this.width).fill(0);
    const endings = new Map<number, Ending[]>();
    let nodes = 1;
    lexicons.forEach((lexicon, l) => {
      lexicon.entries.forEach(([, value], e) => {
        const key = keys[l]![e]!;
        if (!key) return;
        let node = 0;
        for (let i = 0; i < key.length; i++) {
          const slot = node * this.width + this.symbols.get(key.charCodeAt(i))!;
          if (rows[slot] === 0) {
            rows[slot] = nodes++;
            rows.push(...new Array<number>(this.width).fill(0));
          }
          node = rows[slot]!;
        }
        const letters = key.replace(/[^\p{L}\p{N}]/gu, "").length;
        const ends = endings.get(node) ?? [];
        endings.set(node, ends);
        // The first meaning given for a cue in a lexicon is the one that counts.
        if (!ends.some((x) => x.lexicon === lexicon)) {
          ends.push({ lexicon, value, wholeWord: letters <= MAX_WHOLE_WORD_LENGTH });
        }
      });
    });
    this.next = Int32Array.from(rows);
    this.ends = Array.from({ length: nodes }, (_, node) => endings.get(node) ?? null);
  }

  /** Every cue of every lexicon that starts at a word start in text[from, to), by start. */
  find(text: string, from: number, to: number): IndexedHit[] {
    const hits: IndexedHit[] = [];
    let i = from;
    if (i > 0 && isWordChar(text, i - 1)) while (i < to && isWordChar(text, i)) i++;
    while (i < to) {
      while (i < to && !isWordChar(text, i)) i++;
      if (i >= to) break;
      this.walk(text, i, to, hits);
      while (i < to && isWordChar(text, i)) i++;
    }
    return hits;
  }

  private walk(text: string, start: number, to: number, hits: IndexedHit[]): void {
    const { next, width, space, symbolOf } = this;
    let node = 0;
    let j = start;
    while (j < to) {
      const code = text.charCodeAt(j);
      let symbol = symbolOf[code]!;
      if (symbol === UNKNOWN) symbol = this.learnSymbol(code);
      if (symbol === NO_SYMBOL) return;
      node = next[node * width + symbol]!;
      if (node === 0) return;
      if (symbol === space) {
        while (j < to && isSpaceCode(text.charCodeAt(j))) j++;
        continue;
      }
      j++;
      const ends = this.ends[node];
      if (ends) {
        const wordEnds = j >= text.length || !isWordChar(text, j);
        for (const e of ends) {
          if (!e.wholeWord || wordEnds) hits.push({ start, end: j, lexicon: e.lexicon, value: e.value });
        }
      }
    }
  }

  private learnSymbol(code: number): number {
    const symbol = this.symbols.get(foldCode(code)) ?? NO_SYMBOL;
    this.symbolOf[code] = symbol;
    return symbol;
  }
}

/**
 * The cues of a text, found once per region (a sentence) on first use and then queried by
 * lexicon and range. `regions` are sorted, disjoint [start, end) ranges covering what is queried.
 */
export class TextCues {
  /** The hits of each region, found on first use. */
  private readonly found: (IndexedHit[] | null)[];
  /** The last position asked for by `at`, and its hits: a phrase asks several lexicons in turn. */
  private here = { at: -1, hits: [] as IndexedHit[] };

  constructor(
    readonly text: string,
    private readonly index: CueIndex,
    private readonly regions: readonly { start: number; end: number }[],
  ) {
    this.found = new Array<IndexedHit[] | null>(regions.length).fill(null);
  }

  /** The cues of `lexicon` in text[from, to), left to right, longest first, without overlaps. */
  scan<T>(lexicon: Lexicon<T>, from: number, to: number): CueHit<T>[] {
    const out: CueHit<T>[] = [];
    let lastEnd = -1;
    this.eachHit(from, to, (hit) => {
      if (hit.lexicon !== lexicon || hit.end > to) return false;
      const previous = out.at(-1);
      if (previous && previous.start === hit.start) {
        if (hit.end > previous.end) {
          out[out.length - 1] = { start: hit.start, end: hit.end, value: hit.value as T };
          lastEnd = hit.end;
        }
      } else if (hit.start >= lastEnd) {
        out.push({ start: hit.start, end: hit.end, value: hit.value as T });
        lastEnd = hit.end;
      }
      return false;
    });
    return out;
  }

  has(lexicon: Lexicon<unknown>, from: number, to: number): boolean {
    return this.eachHit(from, to, (hit) => hit.lexicon === lexicon && hit.end <= to);
  }

  /** The longest cue of `lexicon` that starts exactly at `at`. */
  at<T>(lexicon: Lexicon<T>, at: number): CueHit<T> | null {
    let best: IndexedHit | null = null;
    for (const hit of this.startingAt(at)) {
      if (hit.lexicon === lexicon && (!best || hit.end > best.end)) best = hit;
    }
    return best && { start: best.start, end: best.end, value: best.value as T };
  }

  private startingAt(at: number): IndexedHit[] {
    if (this.here.at !== at) {
      const hits: IndexedHit[] = [];
      this.eachHit(at, at + 1, (hit) => {
        hits.push(hit);
        return false;
      });
      this.here = { at, hits };
    }
    return this.here.hits;
  }

  /** Calls `visit` on the hits that start in [from, to), by start, until it returns true. */
  private eachHit(from: number, to: number, visit: (hit: IndexedHit) => boolean): boolean {
    const regions = this.regions;
    for (let k = firstEndingAfter(regions, from); k < regions.length && regions[k]!.start < to; k++) {
      const hits = this.regionHits(k);
      for (let h = firstStartingAt(hits, from); h < hits.length; h++) {
        const hit = hits[h]!;
        if (hit.start >= to) break;
        if (visit(hit)) return true;
      }
    }
    return false;
  }

  private regionHits(k: number): IndexedHit[] {
    let hits = this.found[k];
    if (!hits) {
      const r = this.regions[k]!;
      hits = this.index.find(this.text, r.start, r.end);
      this.found[k] = hits;
    }
    return hits;
  }
}

// Two binary searches written out, not one taking a predicate: they run on every query, and a
// closure made per query showed in the extraction profile.

/** The first of the sorted, disjoint `ranges` that ends after `offset`. */
function firstEndingAfter(ranges: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first of `hits` (sorted by start) that starts at or after `offset`. */
function firstStartingAt(hits: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Whether a UTF-16 unit is a letter or digit: 0 not yet known, 1 no, 2 yes (filled on first use). */
const WORD_UNITS = new Uint8Array(65536);

export function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  let known = WORD_UNITS[code]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
    WORD_UNITS[code] = known;
  }
  return known === 2;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

/** Lower case, one space for any white space, plain apostrophes and hyphens. */
function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : isSpaceCode(code) ? SPACE : code;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 32;
  if (isSpaceCode(code)) return SPACE;
  if (code === 0x2019 || code === 0x2018) return 39;
  if (code === 0x2010 || code === 0x2011 || code === 0x2013) return 45;
  if (code < 0x100) return code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

function normalizeCue(cue: string): string {
  let out = "";
  for (let i = 0; i < cue.length; i++) out += String.fromCharCode(foldCode(cue.charCodeAt(i)));
  return out.replace(/ +/g, " ").trim();
}
