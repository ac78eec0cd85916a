import {
  type ArticleJob,
  type Config,
  type Feed,
  type FeedHealthNotice,
  FeedSchema,
  type PollJob,
} from "@zw/core";
import { contentHash, FeedError, type FeedItem, fetchFeed, itemText } from "@zw/feeds";
import type { Logger, Metrics, PollOutcome } from "@zw/observability";
import { InvalidJobError, type Queues, shortHash } from "@zw/queue";
import type { FeedStateStore } from "@zw/store";
import type { KeywordFilter } from "./keyword-filter";

export interface PollContext {
  config: Config;
  state: FeedStateStore;
  queues: Queues;
  keywords: KeywordFilter;
  /** Told once when a feed starts failing and once when it recovers. */
  onFeedHealthChange: (notice: FeedHealthNotice) => Promise<void>;
  /**
   * Operator feeds may reach private addresses on their configured origin, not where they redirect;
   * guild feeds never. config.allowPrivateFeeds lets every feed reach them.
   */
  isTrusted: (feedUrl: string) => boolean;
  logger: Logger;
  metrics?: Metrics;
  clock: () => Date;
}

export interface PollSummary {
  outcome: PollOutcome;
  newItems: number;
  duplicates: number;
}

const MAX_TITLE = 2_000;
const MAX_CONTENT = 200_000;
/** Between claiming an item and handing it on; a fetcher dying in between loses it only this long. */
const CLAIM_SECONDS = 10 * 60;

/**
 * One poll of one feed: a conditional GET, then each item that mentions a watched keyword and was
 * not seen before (by canonical URL or by content) becomes an article job. A feed's own failure is
 * recorded for backoff and ends the job; only trouble of ours (Redis) throws, to be retried.
 */
export async function pollFeed(job: PollJob, context: PollContext): Promise<PollSummary> {
  const { config, state, logger, metrics } = context;
  const feed: Feed = job.feed ?? FeedSchema.parse({ url: job.feedUrl });
  const { health, pendingNotice } = await state.pollState(job.feedUrl);
  // A notice that could not be handed on when its transition happened.
  if (pendingNotice) await handOn(pendingNotice, context);
  const started = performance.now();
  const result = await fetchFeed(job.feedUrl, {
    limits: config.fetch,
    allowPrivate: config.allowPrivateFeeds,
    trustedOrigin: context.isTrusted(job.feedUrl) ? new URL(job.feedUrl).origin : undefined,
    etag: health?.etag ?? null,
    lastModified: health?.lastModified ?? null,
  }).catch((error: unknown) => ({ status: "error" as const, error }));
  const outcome: PollOutcome = result.status;
  metrics?.polls.inc({ outcome });
  metrics?.fetchLatency.observe({ outcome }, (performance.now() - started) / 1000);
  const summary: PollSummary = { outcome, newItems: 0, duplicates: 0 };
  if (result.status === "error") {
    await recordFailure(job.feedUrl, feed, result.error, context);
    return summary;
  }
  if (result.status === "not_modified") {
    await recordSuccess(job.feedUrl, health?.etag ?? null, health?.lastModified ?? null, context);
    return summary;
  }
  const matches = await context.keywords.current();
  for (const item of result.feed.items) {
    if (!item.url || !matches(itemText(item))) continue;
    const offered = await offerArticle(item, item.url, job.feedUrl, feed, result.feed.title, context);
    if (offered === "new") summary.newItems++;
    if (offered === "duplicate") summary.duplicates++;
  }
  metrics?.items.inc({ kind: "new" }, summary.newItems);
  metrics?.items.inc({ kind: "duplicate" }, summary.duplicates);
  await recordSuccess(job.feedUrl, result.etag, result.lastModified, context);
  logger.info({ feedUrl: job.feedUrl, slot: job.slot, ...summary }, "feed polled");
  return summary;
}

/** "new": now an article job; "duplicate": seen before; "invalid": no article job can hold it. */
async function offerArticle(
  item: FeedItem,
  url: string,
  feedUrl: string,
  feed: Feed,
  feedTitle: string | null,
  context: PollContext,
): Promise<"new" | "duplicate" | "invalid"> {
  const text = item.content ?? item.summary;
  // The same text reprinted under another URL is the same article; an item without text is its URL.
  const hash = contentHash([item.title ?? "", text ?? ""].join("\n").trim() || url);
  if (!(await context.state.markSeen(url, hash, CLAIM_SECONDS))) return "duplicate";
  const article: ArticleJob = {
    url,
    feedUrl,
    title: item.title?.slice(0, MAX_TITLE) ?? null,
    outlet: (feed.name ?? feedTitle ?? new URL(feedUrl).hostname).slice(0, 200),
    publishedAt: item.publishedAt,
    lang: feed.lang,
    content: text?.slice(0, MAX_CONTENT) ?? null,
    fullText: feed.fullText,
  };
  try {
    await context.queues.enqueueArticle(article);
  } catch (error) {
    // An item no article job can hold stays seen (it would fail the same way next time); anything
    // else is forgotten so the retried poll offers it again.
    if (error instanceof InvalidJobError) {
      context.logger.warn({ err: error, feedUrl, url }, "feed item skipped: not a valid article");
      await context.state.keepSeen(url, hash);
      return "invalid";
    }
    await context.state.forgetSeen(url, hash);
    throw error;
  }
  await context.state.keepSeen(url, hash);
  return "new";
}

async function recordFailure(
  feedUrl: string,
  feed: Feed,
  error: unknown,
  context: PollContext,
): Promise<void> {
  const { config, logger } = context;
  const reason =
    error instanceof FeedError
      ? `${error.reason}: ${error.message}`
      : `unexpected: ${(error as Error).message}`;
  const at = context.clock();
  const notice = healthNotice({ type: "feed_failing", feedUrl, reason, at });
  const { health, becameFailing } = await context.state.recordFailure(feedUrl, reason, {
    at,
    intervalMinutes: feed.intervalMinutes ?? config.pollIntervalMinutes,
    maxBackoffMinutes: config.maxBackoffMinutes,
    notice,
  });
  logger.warn(
    { feedUrl, reason, consecutiveFailures: health.consecutiveFailures, nextPollAt: health.nextPollAt },
    "feed poll failed",
  );
  if (becameFailing) await handOn(notice, context);
}

async function recordSuccess(
  feedUrl: string,
  etag: string | null,
  lastModified: string | null,
  context: PollContext,
): Promise<void> {
  const at = context.clock();
  const notice = healthNotice({ type: "feed_recovered", feedUrl, reason: null, at });
  const { recovered } = await context.state.recordSuccess(feedUrl, { at, etag, lastModified, notice });
  if (recovered) await handOn(notice, context);
}

function healthNotice(change: {
  type: FeedHealthNotice["type"];
  feedUrl: string;
  reason: string | null;
  at: Date;
}): FeedHealthNotice {
  return {
    type: change.type,
    // One notice per transition, the same when it is handed on again: its alert jobs keep their ids.
    id: `${change.type}-${shortHash(change.feedUrl)}-${change.at.getTime()}`,
    feedUrl: change.feedUrl,
    reason: change.reason,
  };
}

/** Hands a notice on; one that cannot be (Redis away) stays pending for the feed's next poll. */
async function handOn(notice: FeedHealthNotice, context: PollContext): Promise<void> {
  context.logger.info({ notice }, "feed health changed");
  try {
    await context.onFeedHealthChange(notice);
    await context.state.clearPendingNotice(notice.feedUrl, notice.id);
  } catch (error) {
    context.logger.error(
      { err: error, notice },
      "could not hand on the feed health notice; it stays pending for the next poll",
    );
  }
}
