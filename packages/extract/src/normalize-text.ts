/**
 * Feed text with its HTML entities decoded and tags turned into line breaks or nothing, plus the
 * way back to the input's offsets (a figure's span points into the text the caller gave).
 */
export interface NormalizedText {
  text: string;
  /** The input offset of a normalized offset. */
  toInput(offset: number): number;
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: "\u00a0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  laquo: "«",
  raquo: "»",
  bdquo: "„",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  lsaquo: "‹",
  rsaquo: "›",
  shy: "",
  zwnj: "",
  zwj: "",
  thinsp: "\u2009",
  ensp: " ",
  emsp: " ",
  auml: "ä",
  ouml: "ö",
  uuml: "ü",
  Auml: "Ä",
  Ouml: "Ö",
  Uuml: "Ü",
  szlig: "ß",
  eacute: "é",
  egrave: "è",
  aacute: "á",
  agrave: "à",
  ccedil: "ç",
  oacute: "ó",
  iacute: "í",
  uacute: "ú",
  ntilde: "ñ",
  euro: "€",
  dollar: "$",
  percnt: "%",
  deg: "°",
  middot: "·",
  bull: "•",
  times: "×",
};

const BLOCK_TAGS =
  /^<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|header|footer|figure|figcaption)\b/i;
const MARKUP =
  /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));|<\/?[a-zA-Z][^<>]{0,500}>|<!--[\s\S]{0,5000}?-->/g;

export function normalizeText(input: string): NormalizedText {
  if (!input.includes("&") && !input.includes("<")) return { text: input, toInput: unchanged };
  // Each replacement shifts later offsets; shifts[k] applies from outStarts[k] on.
  const outStarts: number[] = [];
  const shifts: number[] = [];
  let out = "";
  let last = 0;
  for (const m of input.matchAll(MARKUP)) {
    const replacement = replace(m);
    if (replacement === null) continue;
    out += input.slice(last, m.index) + replacement;
    last = m.index + m[0].length;
    outStarts.push(out.length);
    shifts.push(last - out.length);
  }
  out += input.slice(last);
  return {
    text: out,
    toInput(offset) {
      let lo = 0;
      let hi = outStarts.length - 1;
      let shift = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (outStarts[mid]! <= offset) {
          shift = shifts[mid]!;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return offset + shift;
    },
  };
}

const unchanged = (offset: number) => offset;

function replace(m: RegExpMatchArray): string | null {
  const [whole, decimal, hex, name] = m;
  if (decimal !== undefined) return codePoint(Number.parseInt(decimal, 10));
  if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
  if (name !== undefined) return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? null;
  if (whole.startsWith("<!--")) return "";
  return BLOCK_TAGS.test(whole) ? "\n" : "";
}

function codePoint(n: number): string | null {
  if (n === 160) return "\u00a0";
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : null;
}
