import type { FeedHealth } from "@zw/core";
import type { StatusSource } from "@zw/discord";
import { type Queues, queueDepths } from "@zw/queue";
import type { FeedStateStore } from "@zw/store";

/**
 * /status from what the pipeline keeps: feed health in FeedStateStore, BullMQ queue depths
 * (waiting + delayed + active, the work not done yet), and the last alert when a reader is given.
 */
export function pipelineStatus(options: {
  feedState: FeedStateStore;
  queues: Queues["list"];
  lastAlertAt?: () => Promise<string | null>;
}): StatusSource {
  return {
    async feedHealth(urls) {
      const all = await Promise.all(urls.map((url) => options.feedState.health(url)));
      return all.filter((h): h is FeedHealth => h !== null);
    },
    async queueDepths() {
      const depths = await queueDepths(options.queues);
      return Object.fromEntries(
        Object.entries(depths).map(([name, d]) => [name, d.waiting + d.delayed + d.active]),
      );
    },
    lastAlertAt: options.lastAlertAt ?? (async () => null),
  };
}
