import { parseHTML } from "linkedom";

const TAG = /<\/?[a-z][^>]*>|<!--/i;
const TEXT_NODE = 3;
/** Element, document, document fragment. */
const CONTAINERS = new Set([1, 9, 11]);
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "HEAD"]);
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TR",
  "UL",
]);

/** The slice of the DOM this package reads; the repo's tsconfig has no DOM lib, and linkedom's nodes fit it. */
export interface DomNode {
  nodeType: number;
  tagName?: string;
  data?: string;
  childNodes: ArrayLike<DomNode>;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

/** A linkedom document of an HTML text. */
export function parseDocument(html: string): DomNode {
  return parseHTML(html).document as unknown as DomNode;
}

/** Plain text of a node: blocks become paragraphs ("\n\n"), <br> a line break, scripts and styles vanish. */
export function nodeText(root: DomNode): string {
  const parts: string[] = [];
  // Iterative walk: a feed can nest tags deeper than the call stack allows.
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
    const name = node.tagName?.toUpperCase() ?? "";
    if (SKIPPED.has(name)) continue;
    if (name === "BR") {
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

/** Collapses spaces within lines and blank lines between paragraphs to one. */
export function normalizeText(text: string): string {
  return text
    .replace(/[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Plain text of an HTML fragment (a feed title, description or content), entities decoded; null when empty.
 * Text without tags is only entity-decoded, so a title like "a<b" keeps its "<".
 */
export function htmlToText(html: unknown): string | null {
  if (typeof html !== "string") return null;
  const tagged = TAG.test(html);
  const text =
    tagged || html.includes("&")
      ? nodeText(
          parseDocument(
            `<!doctype html><html><body>${tagged ? html : html.replaceAll("<", "&lt;")}</body></html>`,
          ),
        )
      : normalizeText(html);
  return text === "" ? null : text;
}
