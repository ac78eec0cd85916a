import { createRequire } from "node:module";
import Parser from "rss-parser";
import { canonicalUrl } from "./canonical-url";
import { FeedError } from "./feed-error";
import { htmlToText } from "./html-text";

export interface FeedItem {
  guid: string | null;
  /** Canonical (see canonicalUrl), absolute http(s); null when the item has no usable link. */
  url: string | null;
  title: string | null;
  /** Full text from content:encoded or Atom <content>, as plain text. */
  content: string | null;
  /** RSS <description> or Atom <summary>, as plain text. */
  summary: string | null;
  /** ISO 8601; null when missing, unparseable, before 2000 or in the future. */
  publishedAt: string | null;
}

/** Title, summary and content: the text watched keywords are looked for in. */
export function itemText(item: FeedItem): string {
  return [item.title, item.summary, item.content].filter(Boolean).join("\n");
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

const EARLIEST_DATE = Date.parse("2000-01-01T00:00:00Z");
// Feeds in CET/CEST that label local time as GMT appear up to two hours ahead; only later is "the future".
const FUTURE_TOLERANCE_MS = 3 * 60 * 60 * 1000;

interface RawItem extends Parser.Item {
  id?: string;
  summary?: string;
  description?: string;
  "content:encoded"?: string;
  "rdf:about"?: string;
}

type AtomEntry = Record<string, unknown[] | undefined>;

// rss-parser computes a "contentSnippet" of every description and content with a regex that takes quadratic
// time on stray "<" characters: one hostile 5 MB feed would stall a worker for hours. The snippet is never
// used here, so it is switched off in rss-parser's shared utils module.
const rssParserUtils = createRequire(import.meta.url)("rss-parser/lib/utils.js") as {
  getSnippet: (html: string) => string;
};
rssParserUtils.getSnippet = () => "";

function createParser(): Parser<Record<string, unknown>, RawItem> {
  // The raw RSS description, so it can be told apart from Atom's <content> (rss-parser names both "content").
  const parser = new Parser<Record<string, unknown>, RawItem>({ customFields: { item: ["description"] } });
  // rss-parser turns Atom dates into ISO with new Date(x).toISOString(), which throws on a bad date and would
  // lose the whole feed for one item; drop such dates first.
  const internals = parser as unknown as { parseItemAtom(entry: AtomEntry): unknown };
  const parseItemAtom = internals.parseItemAtom.bind(parser);
  internals.parseItemAtom = (entry) => {
    for (const field of ["published", "updated"]) {
      const value = entry[field]?.[0];
      if (typeof value !== "string" || Number.isNaN(Date.parse(value))) delete entry[field];
    }
    return parseItemAtom(entry);
  };
  return parser;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ", ").slice(0, 300);
}

/** Refuses what is not worth handing to the XML parser, with a message naming what it is instead. */
function rejectNonFeed(xml: string): void {
  const head = xml.slice(0, 4096);
  const start = head.trimStart();
  if (start === "") throw new FeedError("not_a_feed", "the response body is empty");
  if (!start.startsWith("<")) {
    const what = /^[[{]/.test(start) ? "JSON" : "not XML";
    throw new FeedError(
      "not_a_feed",
      `the response is ${what}, not RSS or Atom (it starts "${start.slice(0, 40)}")`,
    );
  }
  // Each comment ends at its first "-->", so the pattern cannot backtrack exponentially over many comments.
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(head)) {
    // [^<>] keeps the scan linear on hostile markup; a page's feed link sits in its head.
    const alternate = /<link[^<>]+type=["']application\/(?:rss|atom)\+xml["'][^<>]*>/i.exec(
      xml.slice(0, 65_536),
    );
    const href = alternate ? /href=["']([^"']+)["']/i.exec(alternate[0])?.[1] : undefined;
    throw new FeedError(
      "not_a_feed",
      `the URL returned an HTML page, not a feed${href ? ` (the page names a feed at ${href})` : ""}`,
    );
  }
  // sax neither expands DTD entities nor fetches external ones, but a document that declares them is an attack
  // (billion laughs, XXE) or broken; say so rather than fail on the first undefined entity.
  if (declaresEntities(xml)) {
    throw new FeedError("malformed", "the feed declares XML entities (<!ENTITY>), which are refused");
  }
}

/** True when the DOCTYPE has an internal subset with an <!ENTITY>; found with plain searches, in linear time. */
function declaresEntities(xml: string): boolean {
  const doctype = xml.search(/<!DOCTYPE/i);
  if (doctype < 0) return false;
  const subset = xml.indexOf("[", doctype);
  const close = xml.indexOf(">", doctype);
  if (subset < 0 || (close >= 0 && close < subset)) return false;
  const end = xml.indexOf("]", subset);
  return /<!ENTITY/i.test(xml.slice(subset, end < 0 ? undefined : end));
}

function identifier(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function itemUrl(link: unknown, baseUrl: string): string | null {
  if (typeof link !== "string" || link.trim() === "") return null;
  if (!URL.canParse(link.trim(), baseUrl)) return null;
  const url = new URL(link.trim(), baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return canonicalUrl(url.href);
}

function publishedAt(isoDate: unknown, now: Date): string | null {
  if (typeof isoDate !== "string") return null;
  const time = Date.parse(isoDate);
  if (Number.isNaN(time) || time < EARLIEST_DATE || time > now.getTime() + FUTURE_TOLERANCE_MS) return null;
  return new Date(time).toISOString();
}

function toFeedItem(raw: RawItem, baseUrl: string, now: Date): FeedItem {
  const isRss = raw.description !== undefined || raw["content:encoded"] !== undefined;
  return {
    guid: identifier(raw.guid) ?? identifier(raw.id) ?? identifier(raw["rdf:about"]),
    url: itemUrl(raw.link, baseUrl),
    title: htmlToText(raw.title),
    content: htmlToText(isRss ? raw["content:encoded"] : raw.content),
    summary: htmlToText(raw.description ?? raw.summary),
    publishedAt: publishedAt(raw.isoDate, now),
  };
}

/**
 * Parses RSS 2.0, RSS 1.0 (RDF) or Atom text into plain-text items. Relative links resolve against baseUrl
 * (the URL the feed came from). Items repeating an earlier item's guid (or, without guid, its URL) are dropped.
 * Throws FeedError "not_a_feed" (empty, HTML, other XML) or "malformed" (not well-formed, entity declarations).
 */
export async function parseFeed(xml: string, baseUrl: string, now = new Date()): Promise<ParsedFeed> {
  rejectNonFeed(xml);
  let feed: Parser.Output<RawItem>;
  try {
    // A parser per document: xml2js keeps state in its parser, and one failed document must not affect the next.
    feed = await createParser().parseString(xml);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/not recognized as RSS/i.test(message)) {
      throw new FeedError("not_a_feed", "the document is XML but neither RSS nor Atom");
    }
    // sax errors end with the position ("Line: 3 Column: 7"); anything else is rss-parser choking on odd markup.
    const what = /\nLine:/.test(message) ? "the feed is not well-formed XML" : "the feed could not be read";
    throw new FeedError("malformed", `${what}: ${oneLine(message)}`);
  }
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const raw of feed.items) {
    const item = toFeedItem(raw, baseUrl, now);
    const key = item.guid ?? item.url;
    if (key !== null) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    items.push(item);
  }
  return { title: htmlToText(feed.title), items };
}
