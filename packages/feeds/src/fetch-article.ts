import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { decodeText } from "./decode-text";
import { FeedError } from "./feed-error";
import { type DomNode, nodeText, parseDocument } from "./html-text";
import { type FetchOptions, httpGet } from "./http-get";

export interface Article {
  /** The URL that answered, after redirects. */
  url: string;
  title: string | null;
  /** The main text, paragraphs separated by blank lines; null when the page has none (index, video, paywall). */
  text: string | null;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/**
 * The main text of an HTML page, found by Readability: navigation, ads, scripts and sidebars left out.
 * Pages Readability judges not to be an article (isProbablyReaderable) give text null.
 */
export function extractArticle(html: string): { title: string | null; text: string | null } {
  // linkedom builds no <html> element for a page that lacks one, and Readability needs it.
  const root = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
  const document = parseDocument(root) as unknown as ConstructorParameters<typeof Readability>[0];
  const pageTitle = (document as unknown as { title?: string }).title?.trim() || null;
  if (!isProbablyReaderable(document)) return { title: pageTitle, text: null };
  // serializer: keep the element, so its text is read with paragraph breaks instead of re-parsing HTML.
  const article = new Readability<DomNode>(document, {
    serializer: (element) => element as unknown as DomNode,
  }).parse();
  const text = article?.content ? nodeText(article.content) : "";
  return { title: article?.title?.trim() || pageTitle, text: text === "" ? null : text };
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
