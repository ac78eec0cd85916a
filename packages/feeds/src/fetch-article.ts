import { Readability } from "@mozilla/readability";
import { decodeText } from "./decode-text";
import { FeedError } from "./feed-error";
import { type DomNode, htmlShape, nodeText, parseDocument } from "./html-text";
import { type FetchOptions, httpGet } from "./http-get";

export interface Article {
  /** The URL that answered, after redirects. */
  url: string;
  title: string | null;
  /** The main text, paragraphs separated by blank lines; null when the page has none (index, video, paywall). */
  text: string | null;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

// Readability always returns its best candidate, even on an index page (a list of headlines) or a video page;
// text outside links shorter than this is no article. A two-paragraph agency report has about 190.
const MIN_OWN_TEXT = 120;
// linkedom's parse time grows with the square of the nesting depth, and with many elements; real pages nest
// some 30 deep and have some 5,000 elements.
const MAX_DEPTH = 500;
const MAX_ELEMENTS = 100_000;

/**
 * The main text of an HTML page, found by Readability: navigation, ads, scripts and sidebars left out.
 * text is null when what Readability found has under MIN_OWN_TEXT characters outside links. Throws FeedError
 * "malformed" for a page too deeply nested or too large to parse in reasonable time.
 */
export function extractArticle(html: string): { title: string | null; text: string | null } {
  const shape = htmlShape(html);
  if (shape.depth > MAX_DEPTH || shape.elements > MAX_ELEMENTS) {
    throw new FeedError(
      "malformed",
      `the page nests elements ${shape.depth} deep in ${shape.elements} elements, more than ${MAX_DEPTH} deep or ${MAX_ELEMENTS} elements; refused`,
    );
  }
  // linkedom builds no <html> element for a page that lacks one, and Readability needs it.
  const root = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const document = parseDocument(root);
  const pageTitle = (document as { title?: string }).title?.trim() || null;
  const article = runReadability(document);
  const title = article?.title?.trim() || pageTitle;
  if (!article?.content) return { title, text: null };
  const text = nodeText(article.content);
  const linkText = Array.from(article.content.querySelectorAll("a"), (a) => nodeText(a).length);
  const ownText = text.length - linkText.reduce((sum, n) => sum + n, 0);
  return { title, text: ownText < MIN_OWN_TEXT ? null : text };
}

function runReadability(document: DomNode): { title?: string | null; content?: DomNode | null } | null {
  try {
    // serializer: keep the element, so its text is read with paragraph breaks instead of re-parsing HTML.
    return new Readability<DomNode>(document as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (element) => element as unknown as DomNode,
    }).parse();
  } catch (error) {
    throw new FeedError("malformed", `the page could not be read: ${(error as Error).message}`);
  }
}

/** Fetches an article page (same limits and SSRF guard as feeds) and extracts its main text. */
export async function fetchArticle(url: string, options: FetchOptions): Promise<Article> {
  const response = await httpGet(url, {
    ...options,
    accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
  });
  const contentType = response.headers["content-type"];
  if (contentType && !HTML_TYPES.test(contentType.trim())) {
    throw new FeedError(
      "unsupported_type",
      `${response.url} is ${contentType.split(";")[0]}, not an HTML page`,
    );
  }
  return { url: response.url, ...extractArticle(decodeText(response.body, contentType, "html")) };
}
