import { createHash } from "node:crypto";

/**
 * Deterministic BullMQ job ids. BullMQ rejects ids containing ':' and ids that are all digits,
 * so every id is a word prefix plus hex hashes and already-safe parts.
 */
export function pollJobId(feedUrl: string, slot: string): string {
  return `poll-${shortHash(feedUrl)}-${safePart(slot)}`;
}

export function articleJobId(canonicalUrl: string): string {
  return `article-${shortHash(canonicalUrl)}`;
}

/**
 * One message of a channel about an article: the same article (URL and content hash) and channel
 * always give the same job, whichever of its events a retry finds worth posting, so a retried
 * article never reaches a channel twice.
 */
export function articleAlertJobId(articleUrl: string, contentHash: string, channelId: string): string {
  return `alert-${shortHash(`article\n${articleUrl}\n${contentHash}`)}-${safePart(channelId)}`;
}

/** A message that is no article's (a feed-health notice): the same alerts (ids, in order) give the same job. */
export function alertJobId(alertIds: readonly string[], channelId: string): string {
  return `alert-${shortHash(alertIds.join("\n"))}-${safePart(channelId)}`;
}

/** 16 hex digits of SHA-1: 64 bits, collision-free in practice for feeds, articles and events. */
export function shortHash(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, 16);
}

/** Keeps short plain parts readable (slots, Discord ids); hashes anything else. */
function safePart(part: string): string {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(part) ? part : shortHash(part);
}
