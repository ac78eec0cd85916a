import { decodeHTML } from "entities";
import { parseHTML } from "linkedom";

/** Elements whose content is not text a reader sees. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "iframe", "svg", "head", "textarea"]);
const BLOCKS = new Set(
  "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main ol p pre section table tr ul".split(
    " ",
  ),
);
/** Elements that never have content, or whose end tag may be left out: they add no nesting depth. */
const FLAT = new Set(
  "area base br col embed hr img input link meta param source track wbr p li dt dd tr td th thead tbody tfoot option optgroup rt rp colgroup caption html head body".split(
    " ",
  ),
);

type HtmlToken = { text: string } | { tag: string; closing: boolean };

/**
 * The tags and text of an HTML string in one linear pass, without a DOM: comments dropped, the content of
 * skipped elements (script, style…) dropped with them. Linear matters: linkedom takes quadratic time in the
 * nesting depth, so a hostile 5 MB of "<span>" would stall a worker for minutes.
 */
function* htmlTokens(html: string): Generator<HtmlToken> {
  // A tag must close before the next "<", which keeps the scan linear and leaves "x<y matters" as text.
  const token = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[\s/][^<>]*)?>/g;
  let last = 0;
  for (let match = token.exec(html); match !== null; match = token.exec(html)) {
    if (match.index > last) yield { text: html.slice(last, match.index) };
    last = token.lastIndex;
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue; // a comment
    const closing = match[1] === "/";
    yield { tag: name, closing };
    if (!closing && SKIPPED.has(name) && !match[0].endsWith("/>")) {
      const end = new RegExp(`</${name}\\s*>`, "gi");
      end.lastIndex = last;
      last = end.exec(html) ? end.lastIndex : html.length;
      token.lastIndex = last;
    }
  }
  if (last < html.length) yield { text: html.slice(last) };
}

/** Collapses spaces within lines and blank lines between paragraphs to one. */
export function normalizeText(text: string): string {
  // Spaces first: the second pattern then meets single spaces only and cannot backtrack over long runs.
  return text
    .replace(/[ \t\f\v\r\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Plain text of an HTML fragment (a feed title, description or content): tags stripped, scripts and styles
 * with their content, entities decoded, blocks as paragraphs ("\n\n"), <br> as a line break; null when empty.
 * A "<" that starts no tag stays text ("3 < 5").
 */
export function htmlToText(html: unknown): string | null {
  if (typeof html !== "string") return null;
  const parts: string[] = [];
  for (const token of htmlTokens(html)) {
    if ("text" in token) parts.push(token.text);
    else if (token.tag === "br") parts.push("\n");
    else if (BLOCKS.has(token.tag)) parts.push("\n\n");
  }
  const text = normalizeText(decodeHTML(parts.join("")));
  return text === "" ? null : text;
}

/** How deep elements nest (ignoring void elements and those with optional end tags) and how many there are. */
export function htmlShape(html: string): { depth: number; elements: number } {
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  for (const token of htmlTokens(html)) {
    if ("text" in token) continue;
    if (!token.closing) elements++;
    if (FLAT.has(token.tag)) continue;
    depth = token.closing ? Math.max(0, depth - 1) : depth + 1;
    maxDepth = Math.max(maxDepth, depth);
  }
  return { depth: maxDepth, elements };
}

/** The slice of the DOM this package reads; the repo's tsconfig has no DOM lib, and linkedom's nodes fit it. */
export interface DomNode {
  nodeType: number;
  tagName?: string;
  data?: string;
  childNodes: ArrayLike<DomNode>;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

/** A linkedom document of an HTML text. Check htmlShape first: linkedom is quadratic in nesting depth. */
export function parseDocument(html: string): DomNode {
  return parseHTML(html).document as unknown as DomNode;
}

const TEXT_NODE = 3;
/** Element, document, document fragment. */
const CONTAINERS = new Set([1, 9, 11]);

/** Plain text of a DOM node, by the same rules as htmlToText. */
export function nodeText(root: DomNode): string {
  const parts: string[] = [];
  // Iterative walk: nesting may be deeper than the call stack.
  const stack: (DomNode | string)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === "string") {
      parts.push(node);
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.data ?? "");
      continue;
    }
    if (!CONTAINERS.has(node.nodeType)) continue;
    const name = node.tagName?.toLowerCase() ?? "";
    if (SKIPPED.has(name)) continue;
    if (name === "br") {
      parts.push("\n");
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) stack.push("\n\n");
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    if (block) stack.push("\n\n");
  }
  return normalizeText(parts.join(""));
}
