import type { Config, Feed } from "@zw/core";
import type { Logger } from "@zw/observability";
import { type Connection, createQueues, type Queues } from "@zw/queue";
import { FeedStateStore } from "@zw/store";
import { type ScheduledTask, schedule, validate } from "node-cron";
import { pollSlot } from "./poll-slot";

export interface SchedulerOptions {
  config: Config;
  connection: Connection;
  /** Feeds added at runtime (guilds, `zw feeds add`); config.feeds are always polled too. */
  listFeeds?: () => Promise<Feed[]>;
  logger: Logger;
  /** Tick on config.schedulerCron (default). False: only when `tick` is called (tests). */
  cron?: boolean;
  /** Key prefix of the feed state, as the fetcher's. */
  prefix?: string;
}

export interface TickResult {
  /** Feeds offered a poll for their current slot (a slot already enqueued stays one job). */
  polled: string[];
  /** Feeds skipped because they are backing off after failures. */
  backingOff: string[];
}

export interface Scheduler {
  tick(now: Date): Promise<TickResult>;
  stop(): Promise<void>;
}

/**
 * Enqueues a poll for every feed whose slot has come and that is not backing off. The job id is
 * the feed and its slot, so any number of schedulers (or ticks) enqueue each poll once.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { config, logger } = options;
  if (!validate(config.schedulerCron)) {
    throw new Error(`schedulerCron: "${config.schedulerCron}" is not a valid cron expression`);
  }
  const queues: Queues = createQueues(options.connection);
  const state = new FeedStateStore(options.connection, options.prefix ? { prefix: options.prefix } : {});
  const listFeeds = options.listFeeds ?? (async () => []);
  let running: Promise<unknown> = Promise.resolve();

  async function tick(now: Date): Promise<TickResult> {
    const feeds = uniqueByUrl([...config.feeds, ...(await listFeeds())]);
    const due = new Set(
      await state.dueFeeds(
        feeds.map((feed) => feed.url),
        now,
      ),
    );
    const result: TickResult = {
      polled: [],
      backingOff: feeds.filter((f) => !due.has(f.url)).map((f) => f.url),
    };
    // Concurrently: ioredis pipelines the adds, so a tick costs about one round trip, not one per feed.
    await Promise.all(
      feeds
        .filter((feed) => due.has(feed.url))
        .map(async (feed) => {
          const { slot } = pollSlot(feed.url, feed.intervalMinutes ?? config.pollIntervalMinutes, now);
          try {
            await queues.enqueuePoll({ feedUrl: feed.url, slot, feed });
            result.polled.push(feed.url);
          } catch (error) {
            logger.error({ err: error, feedUrl: feed.url }, "could not enqueue a poll");
          }
        }),
    );
    logger.debug({ polled: result.polled.length, backingOff: result.backingOff.length }, "scheduler tick");
    return result;
  }

  function safeTick(): Promise<unknown> {
    running = tick(new Date()).catch((error: unknown) =>
      logger.error({ err: error }, "scheduler tick failed"),
    );
    return running;
  }

  let task: ScheduledTask | null = null;
  if (options.cron !== false) {
    task = schedule(config.schedulerCron, safeTick, { name: "zw-scheduler", noOverlap: true });
    void safeTick();
  }

  return {
    tick,
    async stop() {
      await task?.destroy();
      await running;
      await queues.close();
    },
  };
}

/** The first feed of each URL wins: the operator's settings before a guild's. */
function uniqueByUrl(feeds: Feed[]): Feed[] {
  const byUrl = new Map<string, Feed>();
  for (const feed of feeds) if (!byUrl.has(feed.url)) byUrl.set(feed.url, feed);
  return [...byUrl.values()];
}
