import { decodeText } from "./decode-text";
import { type FetchOptions, httpGet } from "./http-get";
import { type ParsedFeed, parseFeed } from "./parse-feed";

export interface FeedFetchOptions extends FetchOptions {
  /** Validators from the previous successful fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
}

export type FeedFetchResult =
  | { status: "not_modified" }
  | { status: "ok"; feed: ParsedFeed; etag: string | null; lastModified: string | null; finalUrl: string };

const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

/**
 * Fetches and parses one feed. A 304 to the conditional GET returns "not_modified" without reading or parsing
 * anything. Every failure throws FeedError (see FeedErrorReason).
 */
export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedFetchResult> {
  const headers: Record<string, string> = {};
  if (options.etag) headers["If-None-Match"] = options.etag;
  if (options.lastModified) headers["If-Modified-Since"] = options.lastModified;
  const response = await httpGet(url, { ...options, accept: FEED_ACCEPT, headers });
  if (response.status === 304) return { status: "not_modified" };
  const xml = decodeText(response.body, response.headers["content-type"], "xml");
  return {
    status: "ok",
    feed: await parseFeed(xml, response.url),
    etag: response.headers.etag ?? null,
    lastModified: response.headers["last-modified"] ?? null,
    finalUrl: response.url,
  };
}
