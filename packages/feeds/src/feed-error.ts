export const FEED_ERROR_REASONS = [
  "bad_url",
  "blocked_address",
  "dns",
  "connect_timeout",
  "connection_refused",
  "connection_reset",
  "tls",
  "network",
  "timeout",
  "too_large",
  "too_many_redirects",
  "http_status",
  "bad_encoding",
  "not_a_feed",
  "malformed",
  "unsupported_type",
] as const;
export type FeedErrorReason = (typeof FEED_ERROR_REASONS)[number];

/** Every failure of fetchFeed/fetchArticle: a machine-readable reason and a sentence a guild admin can read. */
export class FeedError extends Error {
  override readonly name = "FeedError";
  readonly reason: FeedErrorReason;
  /** The HTTP status, for reason "http_status". */
  readonly status?: number;

  constructor(reason: FeedErrorReason, message: string, status?: number) {
    super(message);
    this.reason = reason;
    if (status !== undefined) this.status = status;
  }
}
