import { type Config, type FeedHealthNotice, PollJobSchema, QueueName } from "@zw/core";
import type { Logger, Metrics } from "@zw/observability";
import { type Connection, closeAll, createQueues, startWorker, workerLockOptions } from "@zw/queue";
import { FeedStateStore } from "@zw/store";
import { KeywordFilter } from "./keyword-filter";
import { pollFeed } from "./poll-feed";

export interface FetcherOptions {
  config: Config;
  connection: Connection;
  /** The guilds' watched keywords; config.keywords are always watched too. */
  listKeywords?: () => Promise<string[]>;
  /** Told once when a feed starts failing and once when it recovers (to notify subscribed channels). */
  onFeedHealthChange?: (notice: FeedHealthNotice) => Promise<void>;
  logger: Logger;
  metrics?: Metrics;
  /** Key prefix of the feed state, as the scheduler's. */
  prefix?: string;
  /** The time recorded for successes and failures; tests move it. */
  clock?: () => Date;
}

export interface Fetcher {
  /** Stops taking polls, lets running ones finish within `deadlineMs`, closes its queues. */
  stop(deadlineMs?: number): Promise<void>;
}

/** A worker on the poll queue, `config.concurrency.fetcher` polls at a time. */
export function startFetcher(options: FetcherOptions): Fetcher {
  const { config, connection, logger, metrics } = options;
  const queues = createQueues(connection);
  const state = new FeedStateStore(connection, options.prefix ? { prefix: options.prefix } : {});
  const keywords = new KeywordFilter(config.keywords, options.listKeywords ?? (async () => []));
  const operatorFeeds = new Set(config.feeds.map((feed) => feed.url));
  const context = {
    config,
    state,
    queues,
    keywords,
    onFeedHealthChange: options.onFeedHealthChange ?? (async () => {}),
    isTrusted: (url: string) => operatorFeeds.has(url),
    logger,
    clock: options.clock ?? (() => new Date()),
    ...(metrics ? { metrics } : {}),
  };
  const worker = startWorker(QueueName.poll, PollJobSchema, (job) => pollFeed(job, context), {
    connection,
    logger,
    concurrency: config.concurrency.fetcher,
    ...workerLockOptions(config.workers),
    ...(metrics ? { metrics } : {}),
  });
  return {
    async stop(deadlineMs = 10_000) {
      await closeAll([worker], queues.list, { deadlineMs });
    },
  };
}
