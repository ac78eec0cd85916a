import type { Event, FeedHealth, Figure } from "@zw/core";

/** What /status shows, injected so the bot does not depend on how the pipeline keeps it. */
export interface StatusSource {
  /** Health of these feeds; a feed never polled yet may be missing. */
  feedHealth(urls: string[]): Promise<FeedHealth[]>;
  /** Waiting jobs per queue name. */
  queueDepths(): Promise<Record<string, number>>;
  /** ISO time of the last alert delivered, or null. */
  lastAlertAt(): Promise<string | null>;
}

/** One feed item that matched the watched keywords, with what the extractor read from it. */
export interface PreviewItem {
  title: string | null;
  url: string;
  figures: Figure[];
  /** Events these figures would cause in the ledger now (nothing is stored). */
  events: Event[];
}

export interface FeedPreview {
  title: string | null;
  items: number;
  matching: PreviewItem[];
}

/** Fetches a feed now and extracts from it without storing or alerting (`/feeds test`). */
export type PreviewFeed = (url: string, keywords: string[]) => Promise<FeedPreview>;
